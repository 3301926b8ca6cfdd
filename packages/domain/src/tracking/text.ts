import type { TrackingFailureReason, TrackingStatus } from "./types";

/*
 * Carriers reuse generic codes ("on hold", "exception", an import scan) for very different
 * situations and say which in the text. These patterns read that text, in English and in the
 * Chinese the China-origin lines use.
 */
const RETURNED = /return(ed|ing)? to (the )?(sender|shipper|consignor|origin)|being returned|退回|退件|已退/i;
const CUSTOMS = /customs|clearance|clearing agency|dut(y|ies)|import tax|海关|清关|关税/i;
const CUSTOMS_CLEARED =
  /(clearance|customs)[^.]*(complete|completed|released|cleared|finished)|(released|cleared) (by|from|through) customs|clearance release|放行|清关完成/i;
const CUSTOMS_HELD = /held|hold|delay|awaiting|detain|pending|inspection|required|扣|滞留|查验|待缴/i;
const NOT_DELIVERED =
  /not delivered|undeliver|could not be delivered|unable to deliver|delivery (was )?attempt|attempted delivery|未妥投|投递失败|派送失败|派送不成功/i;
const RECIPIENT_OUT =
  /not home|not available|not in\b|no one (home|available)|nobody|recipient (was )?(absent|unavailable)|closed|missed|无人|不在/i;
const BAD_ADDRESS = /address|moved|no such number|addressee unknown|vacant|地址/i;
const REFUSED = /refus|拒收|拒签/i;
const DAMAGED = /damag|破损/i;
const LOST = /\blost\b|missing|trace (initiated|terminated)|丢失|遗失/i;
const PAYMENT_DUE = /payment|pay (the )?dut|held for payment|待缴|付款/i;
const OUT_FOR_DELIVERY =
  /out for delivery|with (the )?(delivery )?courier|on (fedex )?vehicle for delivery|loaded on delivery vehicle|派送中|派件中|正在派送/i;
const READY_FOR_PICKUP =
  /available for pickup|ready for (recipient )?pickup|awaiting (consignee |customer )?collection|access point/i;
const DELIVERED = /delivered|签收|妥投/i;
const INFO_RECEIVED =
  /information received|label created|shipping label|manifest|pre-shipment|awaiting item|电子信息|已下单/i;
const EXCEPTION = /exception|damag|lost|stopped|intercept|异常/i;

/** A status read from a carrier's free text, for codes the tables do not know. */
export function statusFromText(text: string): TrackingStatus | undefined {
  if (!text) return undefined;
  if (RETURNED.test(text)) return "returned_to_sender";
  if (CUSTOMS.test(text)) {
    if (CUSTOMS_CLEARED.test(text)) return "in_transit";
    if (CUSTOMS_HELD.test(text)) return "customs_hold";
  }
  if (NOT_DELIVERED.test(text) || REFUSED.test(text) || (RECIPIENT_OUT.test(text) && /deliver|attempt/i.test(text))) {
    return "failed_attempt";
  }
  if (OUT_FOR_DELIVERY.test(text) || READY_FOR_PICKUP.test(text)) return "out_for_delivery";
  if (DELIVERED.test(text)) return "delivered";
  if (EXCEPTION.test(text)) return "exception";
  if (INFO_RECEIVED.test(text)) return "info_received";
  return undefined;
}

/** Why a delivery failed, from the carrier's text. */
export function failureReasonFromText(text: string): TrackingFailureReason | undefined {
  if (!text) return undefined;
  if (REFUSED.test(text)) return "refused";
  if (DAMAGED.test(text)) return "damaged";
  if (LOST.test(text)) return "lost";
  if (CUSTOMS.test(text)) return PAYMENT_DUE.test(text) ? "payment_due" : "customs";
  if (PAYMENT_DUE.test(text)) return "payment_due";
  if (BAD_ADDRESS.test(text)) return "bad_address";
  if (RECIPIENT_OUT.test(text)) return "recipient_unavailable";
  return undefined;
}
