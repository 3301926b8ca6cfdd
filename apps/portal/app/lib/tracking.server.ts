import { readCookie } from "@crossflow/i18n/server";
import type { LookupRequest } from "./api.server";

// After a successful lookup the order number and email are kept in an HttpOnly session
// cookie scoped to the portal, so the tracking page is a plain GET: it survives a reload
// and a language switch, and the email never appears in a URL.
const COOKIE = "cf_track";
const PATH = import.meta.env.BASE_URL;

export function trackingCookie(request: Request, lookup: LookupRequest): string {
  const value = Buffer.from(JSON.stringify([lookup.orderNumber, lookup.email]), "utf8").toString("base64url");
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
  return `${COOKIE}=${value}; Path=${PATH}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function readTracking(request: Request): LookupRequest | null {
  const raw = readCookie(request.headers.get("Cookie"), COOKIE);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string")
      return { orderNumber: parsed[0], email: parsed[1] };
  } catch {
    // A damaged cookie is treated as absent.
  }
  return null;
}
