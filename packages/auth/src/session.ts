import {
  addMember,
  createUser,
  type Database,
  findTenantByClerkOrg,
  getUser,
  userMemberships,
  userPartner,
  withTenant,
} from "@crossflow/db";
import { type ClerkConfig, memberRoleFromClerk, verifyClerkSession } from "./clerk";
import { DEV_SESSION_COOKIE, readSessionToken } from "./dev-session";

export type MemberRole = "owner" | "admin" | "operator" | "viewer";

export interface SessionPrincipal {
  kind: "merchant" | "partner";
  user: { id: string; name: string; email: string; locale: string };
  tenant: { id: string; name: string } | null;
  partner: { id: string; name: string; kind: string } | null;
  role: MemberRole | null;
  actor: string;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (name) out[name] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return out;
}

async function principalForUser(db: Database, userId: string, tenantHint?: string): Promise<SessionPrincipal | null> {
  const user = await getUser(db, { id: userId });
  if (!user) return null;
  const base = {
    user: { id: user.id, name: user.name, email: user.email, locale: user.locale },
    actor: `user:${user.id}`,
  };
  const memberships = await userMemberships(db, user.id);
  const membership = memberships.find((m) => m.tenantId === tenantHint) ?? memberships[0];
  if (membership) {
    return {
      ...base,
      kind: "merchant",
      tenant: { id: membership.tenantId, name: membership.tenantName },
      partner: null,
      role: membership.role,
    };
  }
  const partner = await userPartner(db, user.id);
  if (partner) return { ...base, kind: "partner", tenant: null, partner, role: null };
  return null;
}

/**
 * Who is calling the /app backend: a Clerk session (organization = tenant) when Clerk is
 * configured, otherwise the signed dev-session cookie of the embedded default.
 */
export async function resolveSession(
  db: Database,
  input: { cookieHeader?: string; authorization?: string; sessionSecret: string; clerk: ClerkConfig | null },
): Promise<SessionPrincipal | null> {
  const cookies = parseCookies(input.cookieHeader);
  if (input.clerk) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(input.authorization ?? "")?.[1];
    const token = cookies.__session ?? bearer;
    if (!token) return null;
    const identity = await verifyClerkSession(token, input.clerk);
    if (!identity?.orgId) return null;
    const tenant = await findTenantByClerkOrg(db, identity.orgId);
    if (!tenant) return null;
    let user = await getUser(db, { clerkUserId: identity.userId });
    if (!user) {
      // First visit of a Clerk user: provision a local user record; the profile syncs via Clerk webhooks.
      user = await createUser(db, {
        email: `${identity.userId}@users.clerk.invalid`,
        name: identity.userId,
        clerkUserId: identity.userId,
      });
    }
    const role = memberRoleFromClerk(identity.orgRole);
    const userId = user.id;
    await withTenant(db, tenant.id, (tx) => addMember(tx, { tenantId: tenant.id, userId, role }));
    return principalForUser(db, userId, tenant.id);
  }
  const userId = readSessionToken(cookies[DEV_SESSION_COOKIE], input.sessionSecret);
  return userId ? principalForUser(db, userId) : null;
}

export { principalForUser };
