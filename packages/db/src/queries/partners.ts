import { newId } from "@crossflow/domain";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { partnerLinks } from "../schema/partner-links";
import { partnerMembers } from "../schema/partner-members";
import { partners } from "../schema/partners";
import { withoutTenant } from "../tenancy";
import { rowsOf } from "./tenants";

export async function createPartner(db: Database, input: { name: string; kind: "supplier" | "3pl" }) {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .insert(partners)
      .values({ id: newId("prt"), ...input })
      .returning();
    return row!;
  });
}

export async function addPartnerMember(db: Database, input: { partnerId: string; userId: string }) {
  await withoutTenant(db, (tx) => tx.insert(partnerMembers).values(input).onConflictDoNothing());
}

/** The tenant grants a partner access (run inside that tenant's transaction). */
export async function linkPartner(tx: Tx, input: { tenantId: string; partnerId: string }) {
  await tx.insert(partnerLinks).values(input).onConflictDoNothing();
}

export async function partnerTenants(db: Database, partnerId: string) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, tenant_name from cf_partner_tenants(${partnerId})`);
    return rowsOf<{ tenant_id: string; tenant_name: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      tenantName: r.tenant_name,
    }));
  });
}
