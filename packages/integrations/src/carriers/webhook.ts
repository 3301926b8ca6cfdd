import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookHeaders } from "./types";

export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value[0];
  }
  return undefined;
}

export function rawBodyBytes(rawBody: string | Uint8Array): Buffer {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
}

export function rawBodyText(rawBody: string | Uint8Array): string {
  return typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
}

/** Constant-time comparison of two byte strings; false (not an exception) when lengths differ. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A shared secret sent as-is in a header (UPS Track Alert, DHL push), compared in constant time. */
export function sharedSecretMatches(received: string | undefined, secret: string): boolean {
  if (!received || !secret) return false;
  return bytesEqual(Buffer.from(received, "utf8"), Buffer.from(secret, "utf8"));
}

export function hmacSha256(secret: string, body: Uint8Array): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}

/** An HMAC-SHA256 of the raw body sent base64 (FedEx) or hex encoded; either is accepted. */
export function hmacSignatureMatches(
  received: string | undefined,
  secret: string,
  rawBody: string | Uint8Array,
): boolean {
  if (!received || !secret) return false;
  const expected = hmacSha256(secret, rawBodyBytes(rawBody));
  const value = received.trim().replace(/^sha256=/i, "");
  const candidates = /^[0-9a-f]{64}$/i.test(value) ? [Buffer.from(value, "hex")] : [Buffer.from(value, "base64")];
  return candidates.some((candidate) => bytesEqual(candidate, expected));
}
