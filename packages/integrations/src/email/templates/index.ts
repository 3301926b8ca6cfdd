import type { ReactElement } from "react";
import type { CustomerEmailEvent } from "../events";
import type { EmailContext } from "./context";
import { CustomsHoldEmail } from "./customs-hold";
import { DeliveredEmail } from "./delivered";
import { FailedAttemptEmail } from "./failed-attempt";
import { OrderConfirmedEmail } from "./order-confirmed";
import { OutForDeliveryEmail } from "./out-for-delivery";
import { RefundIssuedEmail } from "./refund-issued";
import { ReturnApprovedEmail } from "./return-approved";
import { ShippedEmail } from "./shipped";

export const EMAIL_TEMPLATES: Record<CustomerEmailEvent, (props: { ctx: EmailContext }) => ReactElement> = {
  order_confirmed: OrderConfirmedEmail,
  shipped: ShippedEmail,
  customs_hold: CustomsHoldEmail,
  out_for_delivery: OutForDeliveryEmail,
  failed_attempt: FailedAttemptEmail,
  delivered: DeliveredEmail,
  return_approved: ReturnApprovedEmail,
  refund_issued: RefundIssuedEmail,
};
