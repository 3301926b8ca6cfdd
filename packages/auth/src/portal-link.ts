import { createHmac, timingSafeEqual } from "node:crypto";

/** Signed links in customer e-mails open the order in the portal without number + e-mail. */
const DEFAULT_TTL_DAYS = 180;

function sign(body: string, secret: string): string {
  return createHmac("sha256", `portal-link:${secret}`).update(body).digest("base64url");
}

export interface PortalLinkClaims {
  tenantId: string;
  orderId: string;
}

export function createPortalToken(
  claims: PortalLinkClaims,
  secret: string,
  options: { now?: number; ttlDays?: number } = {},
): string {
  const exp = Math.floor((options.now ?? Date.now()) / 1000) + (options.ttlDays ?? DEFAULT_TTL_DAYS) * 86_400;
  const body = Buffer.from(JSON.stringify({ t: claims.tenantId, o: claims.orderId, exp })).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

/** The claims of a valid, unexpired portal token; null for anything else. */
export function readPortalToken(token: string | undefined, secret: string, now = Date.now()): PortalLinkClaims | null {
  if (!token || token.length > 512) return null;
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as {
      t?: string;
      o?: string;
      exp?: number;
    };
    if (typeof claims.t !== "string" || typeof claims.o !== "string" || typeof claims.exp !== "number") return null;
    if (claims.exp * 1000 < now) return null;
    return { tenantId: claims.t, orderId: claims.o };
  } catch {
    return null;
  }
}
