import { createHmac, timingSafeEqual } from "node:crypto";
import type { HeaderBag } from "./types";

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const lower = name.toLowerCase();
  for (const key of Object.keys(bag)) {
    if (key.toLowerCase() === lower) {
      const value = bag[key];
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

export function bodyBytes(rawBody: Uint8Array | string): Buffer {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
}

export function bodyText(rawBody: Uint8Array | string): string {
  return typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
}

export function hmacSha256(secret: string, ...parts: Array<Buffer | string>): Buffer {
  const mac = createHmac("sha256", secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time comparison of two byte strings; false (not a throw) when lengths differ. */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Compares a received base64 or hex signature with the expected digest in constant time. */
export function signatureMatches(received: string, expected: Buffer, encoding: "base64" | "hex"): boolean {
  const pattern = encoding === "hex" ? /^[0-9a-fA-F]+$/ : /^[A-Za-z0-9+/]+={0,2}$/;
  const trimmed = received.trim();
  if (!pattern.test(trimmed)) return false;
  return safeEqual(Buffer.from(trimmed, encoding), expected);
}

export function parseJson(rawBody: Uint8Array | string): unknown {
  try {
    return JSON.parse(bodyText(rawBody));
  } catch {
    return undefined;
  }
}
