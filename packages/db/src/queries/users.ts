import { newId } from "@crossflow/domain";
import { asc, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { type MemberRole, members } from "../schema/members";
import { partnerMembers } from "../schema/partner-members";
import { partners } from "../schema/partners";
import { users } from "../schema/users";
import { withoutTenant } from "../tenancy";
import { rowsOf } from "./tenants";

export async function createUser(
  db: Database,
  input: { email: string; name: string; clerkUserId?: string; locale?: string },
) {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        id: newId("usr"),
        email: input.email.toLowerCase(),
        name: input.name,
        clerkUserId: input.clerkUserId,
        locale: input.locale ?? "en",
      })
      .onConflictDoUpdate({ target: users.email, set: { name: input.name } })
      .returning();
    return row!;
  });
}

export async function addMember(tx: Tx, input: { tenantId: string; userId: string; role: MemberRole }) {
  await tx
    .insert(members)
    .values({ id: newId("mem"), ...input })
    .onConflictDoUpdate({ target: [members.tenantId, members.userId], set: { role: input.role } });
}

export async function getUser(db: Database, where: { id?: string; clerkUserId?: string }) {
  return withoutTenant(db, async (tx) => {
    const condition = where.id ? eq(users.id, where.id) : eq(users.clerkUserId, where.clerkUserId ?? "");
    const [row] = await tx.select().from(users).where(condition);
    return row ?? null;
  });
}

export interface Membership {
  tenantId: string;
  tenantName: string;
  role: MemberRole;
}

export async function userMemberships(db: Database, userId: string): Promise<Membership[]> {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, tenant_name, role from cf_user_memberships(${userId})`);
    return rowsOf<{ tenant_id: string; tenant_name: string; role: MemberRole }>(result).map((r) => ({
      tenantId: r.tenant_id,
      tenantName: r.tenant_name,
      role: r.role,
    }));
  });
}

export async function userPartner(db: Database, userId: string) {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .select({ id: partners.id, name: partners.name, kind: partners.kind })
      .from(partnerMembers)
      .innerJoin(partners, eq(partners.id, partnerMembers.partnerId))
      .where(eq(partnerMembers.userId, userId));
    return row ?? null;
  });
}

/** Every user with how they would sign in: for the embedded default's dev sign-in page. */
export async function listDevUsers(db: Database) {
  const all = await withoutTenant(db, (tx) => tx.select().from(users).orderBy(asc(users.createdAt), asc(users.id)));
  const out = [];
  for (const user of all) {
    const [membership] = await userMemberships(db, user.id);
    const partner = membership ? null : await userPartner(db, user.id);
    if (!membership && !partner) continue;
    out.push({
      id: user.id,
      name: user.name,
      email: user.email,
      kind: membership ? ("merchant" as const) : ("partner" as const),
      tenantName: membership?.tenantName ?? null,
      partnerName: partner?.name ?? null,
      role: membership?.role ?? null,
    });
  }
  return out;
}
