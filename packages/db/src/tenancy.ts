import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";

/** The role every application query runs as: it owns no table and cannot bypass RLS. */
export const APP_ROLE = "crossflow_app";

/**
 * Runs `fn` in a transaction scoped to one tenant. The tenant is set with
 * set_config(..., true) so it dies with the transaction (pooled connections never leak
 * it), and the transaction drops to the unprivileged app role so row-level security
 * holds even when the connection itself is a superuser (PGlite always is).
 */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!tenantId) throw new Error("withTenant needs a tenant id");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    return fn(tx);
  });
}

/**
 * Runs `fn` as the app role with no tenant: it sees only global tables (users, partners,
 * tenants' public names) and the security-definer lookups; every tenant table reads empty.
 */
export function withoutTenant<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    return fn(tx);
  });
}
