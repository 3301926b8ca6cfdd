import { readFileSync } from "node:fs";

/** A fixture as its exact bytes (signatures are computed over these) and parsed. */
export function fixtureLoader(moduleUrl: string) {
  const raw = (name: string) => readFileSync(new URL(`./fixtures/${name}`, moduleUrl), "utf8");
  return {
    raw,
    json: <T = Record<string, unknown>>(name: string): T => JSON.parse(raw(name)) as T,
  };
}

/** The same bytes with one byte changed: a tampered delivery. */
export function flipByte(body: string, index = Math.floor(body.length / 2)): Buffer {
  const bytes = Buffer.from(body, "utf8");
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes;
}
