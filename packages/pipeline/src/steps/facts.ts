import { getOrderLines, getProductsBySkus, type OrderRow, productDimensions, type Tx } from "@crossflow/db";
import { buildOrderFacts, type OrderFacts } from "@crossflow/domain";

/** The order's facts for rules, built from the order, its lines and their catalog data. */
export async function loadOrderFacts(tx: Tx, order: OrderRow, riskScore?: number): Promise<OrderFacts> {
  const lines = await getOrderLines(tx, order.id);
  const products = await getProductsBySkus(
    tx,
    lines.map((l) => l.sku),
  );
  return buildOrderFacts({
    currency: order.currency,
    lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
    products: products.map((p) => ({
      sku: p.sku,
      weightGrams: p.weightGrams ?? undefined,
      dimensionsMm: productDimensions(p) ?? undefined,
      tags: p.tags,
    })),
    shippingAddress: { country: order.shippingAddress.country, postalCode: order.shippingAddress.postalCode ?? null },
    channel: order.channel,
    payment: { provider: order.payment.provider },
    riskScore: riskScore ?? null,
  });
}
