import {
  addMember,
  createApiKey,
  createTenant,
  createUser,
  type Database,
  getCurrentTenant,
  withTenant,
} from "@crossflow/db";

/** A new tenant with its first API key (and, when an owner e-mail is given, its owner). */
export async function createTenantWithKey(
  db: Database,
  input: { name: string; ownerEmail?: string; ownerName?: string },
) {
  const tenant = await createTenant(db, { name: input.name });
  const owner = input.ownerEmail
    ? await createUser(db, { email: input.ownerEmail, name: input.ownerName ?? input.ownerEmail })
    : null;
  const key = await withTenant(db, tenant.id, async (tx) => {
    if (owner) await addMember(tx, { tenantId: tenant.id, userId: owner.id, role: "owner" });
    return createApiKey(tx, { tenantId: tenant.id, name: "Default key" });
  });
  return { tenantId: tenant.id, apiKey: key.apiKey, name: tenant.name };
}

export async function createKeyForTenant(db: Database, tenantId: string, name = "CLI key") {
  const key = await withTenant(db, tenantId, async (tx) => {
    if (!(await getCurrentTenant(tx, tenantId))) return null;
    return createApiKey(tx, { tenantId, name });
  });
  return key ? { apiKey: key.apiKey, keyId: key.id, prefix: key.prefix } : null;
}
