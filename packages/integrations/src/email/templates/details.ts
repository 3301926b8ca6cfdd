import type { EmailContext } from "./context";
import type { DetailRow } from "./parts";

/** Order number, then the carrier and tracking number when known, then the delivery estimate if asked for. */
export function shipmentDetails(ctx: EmailContext, options: { estimate: boolean }): DetailRow[] {
  const { data, m } = ctx;
  const rows: DetailRow[] = [{ label: m.common.orderLabel, value: data.orderNumber }];
  if (data.carrier) {
    rows.push({ label: m.common.carrier, value: data.carrier.name });
    rows.push({ label: m.common.trackingNumber, value: data.carrier.trackingNumber });
  }
  if (options.estimate && data.estimatedDelivery) {
    rows.push({ label: m.common.estimatedDelivery, value: ctx.date(data.estimatedDelivery, "weekday") });
  }
  return rows;
}
