/** The customer e-mails Crossflow sends (the templates live in @crossflow/integrations/email). */
export type CustomerEmailEvent =
  | "order_confirmed"
  | "shipped"
  | "customs_hold"
  | "out_for_delivery"
  | "failed_attempt"
  | "delivered"
  | "return_approved"
  | "refund_issued";

/** Something the shopper should hear about; the notifier renders it in their language and queues it once. */
export interface CustomerNotice {
  tenantId: string;
  orderId: string;
  event: CustomerEmailEvent;
  /** One e-mail per key (e.g. `delivered:shp_…`): a repeated notice sends nothing. */
  dedupeKey: string;
  shipmentId?: string;
  returnId?: string;
}

export type CustomerNotifier = (notices: CustomerNotice[]) => Promise<void>;
