const ENCODING = "0123456789abcdefghjkmnpqrstvwxyz";

export type IdPrefix =
  | "ten"
  | "usr"
  | "mem"
  | "prt"
  | "key"
  | "prd"
  | "wh"
  | "inv"
  | "led"
  | "cus"
  | "ord"
  | "oln"
  | "evt"
  | "dec"
  | "shp"
  | "doc"
  | "dlq"
  | "aud"
  | "run"
  | "ikey"
  | "rul"
  | "con"
  | "che"
  | "trk"
  | "tkt"
  | "eml"
  | "ret"
  | "ins"
  | "imp"
  | "rfd";

function encodeTime(ms: number, length: number): string {
  let out = "";
  let value = ms;
  for (let i = 0; i < length; i++) {
    out = ENCODING[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** Prefixed, lexicographically time-sortable id (ULID-style body in Crockford base32). */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  const random = new Uint8Array(16);
  globalThis.crypto.getRandomValues(random);
  let body = encodeTime(now, 10);
  for (const byte of random) body += ENCODING[byte % 32];
  return `${prefix}_${body}`;
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`) && id.length > prefix.length + 1;
}
