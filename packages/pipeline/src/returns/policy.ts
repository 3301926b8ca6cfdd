import {
  type Database,
  DomainConflictError,
  getReturnPolicySettings,
  recordAudit,
  saveReturnPolicySettings,
  withTenant,
} from "@crossflow/db";
import { type ReturnPolicy, readReturnPolicy, returnPolicySchema } from "@crossflow/domain";

export async function getReturnPolicy(db: Database, tenantId: string): Promise<ReturnPolicy> {
  return withTenant(db, tenantId, async (tx) => readReturnPolicy(await getReturnPolicySettings(tx)));
}

/** Replaces the tenant's return policy (validated; left-out fields take the defaults), audited. */
export async function saveReturnPolicy(
  db: Database,
  input: { tenantId: string; actor: string; policy: unknown },
): Promise<ReturnPolicy> {
  const parsed = returnPolicySchema.safeParse(input.policy);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join(".") || "(body)",
      message: i.message,
    }));
    throw new DomainConflictError(
      "validation_failed",
      `Invalid return policy: ${details.map((d) => d.path).join(", ")}`,
      details,
    );
  }
  return withTenant(db, input.tenantId, async (tx) => {
    const before = readReturnPolicy(await getReturnPolicySettings(tx));
    await saveReturnPolicySettings(tx, {
      tenantId: input.tenantId,
      // Only the keys given are stored, so a key left out keeps following the default.
      policy: Object.fromEntries(
        Object.entries(parsed.data).filter(([key]) => Object.hasOwn(input.policy as object, key)),
      ),
      actor: input.actor,
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "settings.returns_updated",
      entity: "tenant_settings",
      entityId: input.tenantId,
      before,
      after: parsed.data,
    });
    return parsed.data;
  });
}
