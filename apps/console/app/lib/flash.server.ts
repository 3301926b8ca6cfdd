import { readCookie } from "@crossflow/i18n/server";
import { BASE } from "./api.server";

// A one-time message after a redirect (post/redirect/get), kept in a short-lived cookie. It
// names the order it is about, so it only shows on that order's page; it holds a kind and
// hold codes, never text, so a forged cookie can at most show one of our own messages.

const FLASH_COOKIE = "cf_flash";
const PATH = BASE === "" ? "/" : BASE;

export interface OrderFlash {
  orderId: string;
  kind: "released" | "cancelled";
  /** The hold codes the reviewer accepted with the release. */
  accepted: string[];
}

export function flashCookie(flash: OrderFlash): string {
  return `${FLASH_COOKIE}=${encodeURIComponent(JSON.stringify(flash))}; Path=${PATH}; Max-Age=120; HttpOnly; SameSite=Lax`;
}

export const clearFlashCookie = `${FLASH_COOKIE}=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Lax`;

/** The flash for this order, if the request carries one. */
export function readOrderFlash(request: Request, orderId: string): OrderFlash | null {
  const raw = readCookie(request.headers.get("Cookie"), FLASH_COOKIE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<OrderFlash>;
    if (value.orderId !== orderId || (value.kind !== "released" && value.kind !== "cancelled")) return null;
    const accepted = Array.isArray(value.accepted)
      ? value.accepted.filter((code): code is string => typeof code === "string").slice(0, 20)
      : [];
    return { orderId, kind: value.kind, accepted };
  } catch {
    return null;
  }
}
