import {
  adjustInventory,
  createTenant,
  createWarehouse,
  customers,
  type Database,
  orderLines,
  orders,
  upsertProduct,
  withTenant,
} from "@crossflow/db";
import { linesSubtotal, newId } from "@crossflow/domain";
import { DEMO_CATALOG, type DemoOrder } from "@crossflow/integrations";

/** A tenant with the demo catalog and one warehouse holding `stock` of every SKU. */
export async function stockedTenant(db: Database, name: string, stock: number) {
  const tenant = await createTenant(db, { name });
  const warehouse = await withTenant(db, tenant.id, async (tx) => {
    const wh = await createWarehouse(tx, tenant.id, {
      code: "BENCH1",
      name: "Bench DC",
      kind: "own",
      address: { name: "Bench", line1: "1 Bench Road", city: "Shenzhen", postalCode: "518000", country: "CN" },
    });
    for (const product of DEMO_CATALOG) {
      const { retailUsd: _r, ...catalog } = product;
      await upsertProduct(tx, tenant.id, { ...catalog, currency: "USD" });
      await adjustInventory(tx, {
        tenantId: tenant.id,
        warehouseId: wh.id,
        sku: product.sku,
        delta: stock,
        reason: "bench",
        actor: "bench",
      });
    }
    return wh;
  });
  return { tenantId: tenant.id, warehouseId: warehouse.id };
}

/** The rows of `demo` written with three multi-row INSERTs in one transaction; returns the order ids. */
export async function insertOrdersRaw(db: Database, tenantId: string, demo: DemoOrder[]) {
  return withTenant(db, tenantId, async (tx) => {
    const customerRows = demo.map((o) => ({
      id: newId("cus"),
      tenantId,
      email: `${newId("cus")}@bench.example`,
      name: o.customer.name,
      locale: o.customer.locale,
    }));
    await tx.insert(customers).values(customerRows);
    const orderRows = demo.map((o, i) => {
      const subtotal = linesSubtotal(o.lines);
      return {
        id: newId("ord"),
        tenantId,
        channel: o.channel,
        externalId: o.externalId,
        status: "allocated",
        currency: o.currency,
        customerId: customerRows[i]!.id,
        shippingAddress: o.shippingAddress,
        subtotal,
        shippingPaid: o.shippingPaid,
        total: subtotal + o.shippingPaid,
        payment: o.payment,
      };
    });
    await tx.insert(orders).values(orderRows);
    await tx.insert(orderLines).values(
      demo.flatMap((o, i) =>
        o.lines.map((l, n) => ({
          id: newId("oln"),
          tenantId,
          orderId: orderRows[i]!.id,
          lineNo: n + 1,
          sku: l.sku,
          title: l.sku,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
        })),
      ),
    );
    return orderRows.map((o) => o.id);
  });
}
