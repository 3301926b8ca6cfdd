import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adjustInventory,
  createTenant,
  createWarehouse,
  customers,
  DomainConflictError,
  getInventory,
  orders,
  reserveStock,
  rowsOf,
  withTenant,
} from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing";

// No SKU is ever oversold: many concurrent single-unit reservations of one SKU, from two
// tenants at once, end with exactly the stock reserved — repeated several times.

let t: TestDatabase;

beforeAll(async () => {
  process.env.DATABASE_POOL_SIZE = "20";
  t = await createTestDatabase("cf_test_oversell");
});
afterAll(async () => {
  await t?.destroy();
});

async function tenantWithStock(name: string, stock: number, orderCount: number) {
  const tenant = await createTenant(t.db, { name });
  return withTenant(t.db, tenant.id, async (tx) => {
    const wh = await createWarehouse(tx, tenant.id, {
      code: "W1",
      name: "W1",
      kind: "own",
      address: { name: "W", line1: "1 Road", city: "X", country: "DE" },
    });
    await adjustInventory(tx, {
      tenantId: tenant.id,
      warehouseId: wh.id,
      sku: "HOT",
      delta: stock,
      reason: "receipt",
      actor: "test",
    });
    await tx
      .insert(customers)
      .values({ id: `cus_${tenant.id}`, tenantId: tenant.id, email: "buyer@example.com", name: "Buyer" });
    const ids = Array.from(
      { length: orderCount },
      (_, i) => `ord_${tenant.id.slice(4, 20)}${String(i).padStart(10, "0")}`,
    );
    await tx.insert(orders).values(
      ids.map((id, i) => ({
        id,
        tenantId: tenant.id,
        channel: "test",
        externalId: `E-${i}`,
        status: "screened",
        currency: "EUR",
        customerId: `cus_${tenant.id}`,
        shippingAddress: { name: "B", line1: "1", city: "Berlin", country: "DE" },
        subtotal: 100,
        total: 100,
        payment: { provider: "channel", status: "paid" },
      })),
    );
    return { tenantId: tenant.id, warehouseId: wh.id, orderIds: ids };
  });
}

describe("reservations under concurrency", () => {
  for (const round of [1, 2, 3]) {
    it(`round ${round}: 200 concurrent single-unit orders across two tenants for 10 + 10 units reserve exactly 20`, async () => {
      const a = await tenantWithStock(`A${round}`, 10, 100);
      const b = await tenantWithStock(`B${round}`, 10, 100);
      const attempts = [...a.orderIds.map((id) => ({ ...a, id })), ...b.orderIds.map((id) => ({ ...b, id }))].sort(
        () => Math.random() - 0.5,
      );
      const results = await Promise.allSettled(
        attempts.map((x) =>
          withTenant(t.db, x.tenantId, (tx) =>
            reserveStock(tx, {
              tenantId: x.tenantId,
              orderId: x.id,
              parts: [{ warehouseId: x.warehouseId, lines: [{ sku: "HOT", quantity: 1 }] }],
              actor: "test",
            }),
          ),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled").length;
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toBe(20);
      expect(lost).toHaveLength(180);
      for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainConflictError);
      for (const x of [a, b]) {
        const stock = await withTenant(t.db, x.tenantId, (tx) => getInventory(tx, "HOT"));
        expect(stock).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
        const ledger = rowsOf<{ reserved: number; n: number }>(
          await withTenant(t.db, x.tenantId, (tx) =>
            tx.execute(
              sql`select coalesce(sum(reserved_delta), 0)::int as reserved, count(*)::int as n from inventory_ledger where kind = 'reserve'`,
            ),
          ),
        )[0];
        expect(ledger).toEqual({ reserved: 10, n: 10 });
      }
    });
  }
});
