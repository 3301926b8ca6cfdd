import { CUSTOMER_EMAIL_EVENTS } from "@crossflow/domain";

// One list of events for the templates, the tenant's settings and the pipeline's notices.
export { CUSTOMER_EMAIL_EVENTS };

export type CustomerEmailEvent = (typeof CUSTOMER_EMAIL_EVENTS)[number];

export function isCustomerEmailEvent(value: unknown): value is CustomerEmailEvent {
  return typeof value === "string" && (CUSTOMER_EMAIL_EVENTS as readonly string[]).includes(value);
}

/** Money in integer minor units plus its ISO 4217 code (EUR 1234 = €12.34, JPY 1234 = ¥1,234). */
export interface EmailMoney {
  amount: number;
  currency: string;
}

/** What a customer e-mail says about one order. Only `trackingUrl` links anywhere: the customer portal. */
export interface CustomerEmailData {
  orderNumber: string;
  customerName: string;
  items: { title: string; quantity: number }[];
  total?: EmailMoney;
  carrier?: { name: string; trackingNumber: string };
  /** The customer portal page of this order (a signed link); every e-mail's main button. */
  trackingUrl: string;
  /** ISO date (`2025-03-14`) or date-time. */
  estimatedDelivery?: string;
  /** `since`: ISO date-time the hold began; `country`: ISO 3166-1 alpha-2 of the customs office. */
  customsHold?: { since: string; country: string };
  /** Free text from the carrier, shown as given. */
  failedAttempt?: { reason?: string; nextStep?: string };
  returnInfo?: { rma: string; labelUrl?: string };
  refund?: EmailMoney;
}

export interface EmailBrand {
  name: string;
  logoUrl?: string;
  /** Hex colour, `#1a73e8` or `#17e`. Buttons and accents; an invalid value falls back to a neutral ink. */
  color: string;
  /** Display name of the From address. */
  senderName: string;
  replyTo?: string;
}
