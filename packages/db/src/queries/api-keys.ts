import { createHash, randomBytes } from "node:crypto";
import { newId } from "@crossflow/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { apiKeys } from "../schema/api-keys";
import { withoutTenant } from "../tenancy";
import { rowsOf } from "./tenants";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key; the plain key is returned once and only its hash is stored. */
export async function createApiKey(tx: Tx, input: { tenantId: string; name: string; scopes?: string[] }) {
  const apiKey = `cf_live_${randomBytes(24).toString("base64url")}`;
  const [row] = await tx
    .insert(apiKeys)
    .values({
      id: newId("key"),
      tenantId: input.tenantId,
      name: input.name,
      prefix: apiKey.slice(0, 12),
      hash: hashApiKey(apiKey),
      scopes: input.scopes ?? ["*"],
    })
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix, name: apiKeys.name, createdAt: apiKeys.createdAt });
  return { ...row!, apiKey };
}

export async function listApiKeys(tx: Tx) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(isNull(apiKeys.revokedAt));
}

export async function revokeApiKey(tx: Tx, id: string) {
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** Finds the tenant of a key before any tenant is known (security-definer lookup). */
export async function resolveApiKey(db: Database, key: string) {
  if (!key.startsWith("cf_")) return null;
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, key_id, scopes from cf_resolve_api_key(${hashApiKey(key)})`);
    const row = rowsOf<{ tenant_id: string; key_id: string; scopes: string[] }>(result)[0];
    return row ? { tenantId: row.tenant_id, keyId: row.key_id, scopes: row.scopes } : null;
  });
}
