import { type Database, resolveApiKey } from "@crossflow/db";

export interface ApiKeyPrincipal {
  kind: "api_key";
  tenantId: string;
  keyId: string;
  scopes: string[];
  actor: string;
}

/** Reads `Authorization: Bearer cf_…` and resolves the key's tenant; null when absent or unknown. */
export async function authenticateApiKey(
  db: Database,
  authorization: string | undefined,
): Promise<ApiKeyPrincipal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  const resolved = await resolveApiKey(db, match[1]!);
  if (!resolved) return null;
  return { kind: "api_key", ...resolved, actor: `api_key:${resolved.keyId}` };
}
