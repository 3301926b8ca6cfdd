import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adjustInventory,
  createApiKey,
  createTenant,
  createWarehouse,
  orders,
  products,
  resolveApiKey,
  rowsOf,
  upsertProduct,
  withoutTenant,
  withTenant,
} from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let t: TestDatabase;

/** The database's own message for a failed query (drizzle wraps it in `cause`). */
async function dbError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  return "no error";
}
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase("cf_test_rls");
  a = (await createTenant(t.db, { name: "Tenant A" })).id;
  b = (await createTenant(t.db, { name: "Tenant B" })).id;
  await withTenant(t.db, a, (tx) => upsertProduct(tx, a, { sku: "A-SKU", title: "A's product", currency: "EUR" }));
  await withTenant(t.db, b, (tx) => upsertProduct(tx, b, { sku: "B-SKU", title: "B's product", currency: "USD" }));
});

afterAll(async () => {
  await t?.destroy();
});

describe("row-level security", () => {
  it("every table with a tenant_id has RLS enabled, forced and a tenant policy", async () => {
    const result = await t.db.execute(sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             exists (select 1 from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_isolation') as has_policy
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from information_schema.columns col where col.table_name = c.relname and col.column_name = 'tenant_id')`);
    const tables = rowsOf<{ name: string; enabled: boolean; forced: boolean; has_policy: boolean }>(result);
    expect(tables.length).toBeGreaterThanOrEqual(17);
    for (const table of tables) {
      expect({ table: table.name, enabled: table.enabled, forced: table.forced, policy: table.has_policy }).toEqual({
        table: table.name,
        enabled: true,
        forced: true,
        policy: true,
      });
    }
  });

  it("the app role owns nothing and cannot bypass RLS", async () => {
    const role = rowsOf<{ rolsuper: boolean; rolbypassrls: boolean }>(
      await t.db.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'crossflow_app'`),
    )[0];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from pg_tables where tableowner = 'crossflow_app'`),
    )[0];
    expect(owned?.n).toBe(0);
  });

  it("a query without tenant context sees no tenant rows", async () => {
    const rows = await withoutTenant(t.db, (tx) => tx.select().from(products));
    expect(rows).toHaveLength(0);
    const raw = await withoutTenant(t.db, (tx) => tx.execute(sql`select * from products`));
    expect(rowsOf(raw)).toHaveLength(0);
  });

  it("tenant A sees only its own rows, even with raw SQL that asks for B's", async () => {
    const visible = await withTenant(t.db, a, (tx) => tx.select({ sku: products.sku }).from(products));
    expect(visible).toEqual([{ sku: "A-SKU" }]);
    const raw = await withTenant(t.db, a, (tx) => tx.execute(sql`select sku from products where tenant_id = ${b}`));
    expect(rowsOf(raw)).toHaveLength(0);
  });

  it("tenant A cannot write rows into tenant B, nor change or delete B's rows", async () => {
    const denied = await dbError(
      withTenant(t.db, a, (tx) =>
        tx.execute(
          sql`insert into products (id, tenant_id, sku, title, currency) values ('prd_x', ${b}, 'EVIL', 'x', 'EUR')`,
        ),
      ),
    );
    expect(denied).toMatch(/row-level security/);
    const updated = await withTenant(t.db, a, (tx) =>
      tx.execute(sql`update products set title = 'hijacked' where tenant_id = ${b} returning id`),
    );
    expect(rowsOf(updated)).toHaveLength(0);
    const deleted = await withTenant(t.db, a, (tx) =>
      tx.execute(sql`delete from products where tenant_id = ${b} returning id`),
    );
    expect(rowsOf(deleted)).toHaveLength(0);
    const bRows = await withTenant(t.db, b, (tx) => tx.select({ title: products.title }).from(products));
    expect(bRows).toEqual([{ title: "B's product" }]);
  });

  it("the app role cannot turn RLS off or drop the policy", async () => {
    expect(
      await dbError(withTenant(t.db, a, (tx) => tx.execute(sql`alter table products disable row level security`))),
    ).toMatch(/must be owner/);
    expect(
      await dbError(withTenant(t.db, a, (tx) => tx.execute(sql`drop policy tenant_isolation on products`))),
    ).toMatch(/must be owner/);
  });

  it("the tenant setting does not leak out of its transaction", async () => {
    await withTenant(t.db, a, async () => {});
    const rows = await withoutTenant(t.db, (tx) => tx.select().from(orders));
    expect(rows).toHaveLength(0);
    const setting = rowsOf<{ v: string | null }>(
      await t.db.execute(sql`select nullif(current_setting('app.tenant_id', true), '') as v`),
    );
    expect(setting[0]?.v ?? null).toBeNull();
  });

  it("the inventory ledger is append-only for the app", async () => {
    const wh = await withTenant(t.db, a, (tx) =>
      createWarehouse(tx, a, {
        code: "W1",
        name: "W1",
        kind: "own",
        address: { name: "W", line1: "1", city: "X", country: "DE" },
      }),
    );
    await withTenant(t.db, a, (tx) =>
      adjustInventory(tx, {
        tenantId: a,
        warehouseId: wh.id,
        sku: "A-SKU",
        delta: 5,
        reason: "receipt",
        actor: "test",
      }),
    );
    expect(await dbError(withTenant(t.db, a, (tx) => tx.execute(sql`delete from inventory_ledger`)))).toMatch(
      /permission denied/,
    );
  });

  it("an API key resolves to its own tenant only, by hash", async () => {
    const { apiKey } = await withTenant(t.db, b, (tx) => createApiKey(tx, { tenantId: b, name: "ci" }));
    expect(await resolveApiKey(t.db, apiKey)).toMatchObject({ tenantId: b });
    expect(await resolveApiKey(t.db, `${apiKey}x`)).toBeNull();
    const stored = await withTenant(t.db, b, (tx) => tx.execute(sql`select hash, prefix from api_keys`));
    const row = rowsOf<{ hash: string; prefix: string }>(stored)[0]!;
    expect(row.hash).not.toContain(apiKey);
    expect(apiKey.startsWith(row.prefix)).toBe(true);
  });
});
