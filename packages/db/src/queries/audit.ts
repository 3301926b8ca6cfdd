import { newId } from "@crossflow/domain";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { auditLog } from "../schema/audit-log";

/** Appends who changed what, with the state before and after (the app role cannot edit it later). */
export async function recordAudit(
  tx: Tx,
  input: {
    tenantId: string;
    actor: string;
    action: string;
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
  },
) {
  await tx
    .insert(auditLog)
    .values({ id: newId("aud"), ...input, before: input.before ?? null, after: input.after ?? null });
}

export async function auditTrail(tx: Tx, entity: string, entityId: string) {
  return tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}
