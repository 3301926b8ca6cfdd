import { newId } from "@crossflow/domain";
import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { tenants } from "../schema/tenants";
import { withoutTenant, withTenant } from "../tenancy";

export async function createTenant(db: Database, input: { name: string; clerkOrgId?: string; plan?: string }) {
  const id = newId("ten");
  return withTenant(db, id, async (tx) => {
    const [row] = await tx
      .insert(tenants)
      .values({ id, name: input.name, clerkOrgId: input.clerkOrgId, plan: input.plan ?? "dev" })
      .returning();
    return row!;
  });
}

export async function getCurrentTenant(tx: Tx, tenantId: string) {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
  return row ?? null;
}

export async function findTenantByClerkOrg(db: Database, orgId: string) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, tenant_name from cf_tenant_by_clerk_org(${orgId})`);
    const row = rowsOf<{ tenant_id: string; tenant_name: string }>(result)[0];
    return row ? { id: row.tenant_id, name: row.tenant_name } : null;
  });
}

/** postgres-js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Every tenant's id and name (operators' CLI only; never exposed over HTTP). */
export async function listTenantsForOperator(db: Database) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, tenant_name from cf_list_tenants()`);
    return rowsOf<{ tenant_id: string; tenant_name: string }>(result).map((r) => ({
      id: r.tenant_id,
      name: r.tenant_name,
    }));
  });
}
