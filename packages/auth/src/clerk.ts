import { verifyToken } from "@clerk/backend";

export interface ClerkConfig {
  jwtKey?: string;
  secretKey?: string;
  authorizedParties?: string[];
}

export function clerkConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ClerkConfig | null {
  if (!env.CLERK_JWT_KEY && !env.CLERK_SECRET_KEY) return null;
  return {
    jwtKey: env.CLERK_JWT_KEY,
    secretKey: env.CLERK_SECRET_KEY,
    authorizedParties: env.CLERK_AUTHORIZED_PARTIES?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export interface ClerkIdentity {
  userId: string;
  orgId: string | null;
  orgRole: string | null;
}

/**
 * Verifies a Clerk session token (cookie `__session` or a Bearer header). With CLERK_JWT_KEY
 * this is networkless. Reads the organization from both session-token formats (v1 org_id /
 * org_role, v2 compact `o: { id, rol }`).
 */
export async function verifyClerkSession(token: string, config: ClerkConfig): Promise<ClerkIdentity | null> {
  let claims: Record<string, unknown>;
  try {
    // The exported verifyToken resolves to the claims and throws on any failure.
    const result = (await verifyToken(token, {
      jwtKey: config.jwtKey,
      secretKey: config.secretKey,
      authorizedParties: config.authorizedParties,
    })) as unknown as Record<string, unknown>;
    claims = result;
  } catch {
    return null;
  }
  if (typeof claims.sub !== "string") return null;
  const compact = claims.o as { id?: string; rol?: string } | undefined;
  const orgId = (claims.org_id as string | undefined) ?? compact?.id ?? null;
  const rawRole = (claims.org_role as string | undefined) ?? (compact?.rol ? `org:${compact.rol}` : null);
  return { userId: String(claims.sub), orgId, orgRole: rawRole };
}

/** Clerk's org roles mapped onto Crossflow member roles. */
export function memberRoleFromClerk(orgRole: string | null): "owner" | "admin" | "operator" | "viewer" {
  switch (orgRole) {
    case "org:owner":
      return "owner";
    case "org:admin":
      return "admin";
    case "org:viewer":
      return "viewer";
    default:
      return "operator";
  }
}
