import { describe, expect, it } from "vitest";
import {
  type AddressInput,
  addressFingerprint,
  checkAddress,
  normalizePhone,
  parseIpAddress,
  parseIpRange,
} from "../../src/index";

const de = { name: "Ana Müller", city: "Berlin", postalCode: "10115", country: "DE" };

describe("vague addresses", () => {
  it.each([
    ["n/a", /placeholder/],
    ["N.A.", /placeholder/],
    ["test", /placeholder/],
    ["Test test 1", /placeholder/],
    ["asdf 12", /placeholder/],
    ["qwerty", /placeholder/],
    ["xxxxx", /repeated/],
    ["---", /no letters or digits/],
    ["sdfghk 4", /random keystrokes/],
    ["Hkrvtz 4", /random keystrokes \("hkrvtz"\)/],
    ["A1", /too short/],
    ["Hauptstraße", /no house or building number/],
    ["12345", /only numbers/],
  ])("line 1 %s is an exception with a reason", (line1, reason) => {
    const result = checkAddress({ ...de, line1 });
    expect(result.ok).toBe(false);
    const vague = result.issues.find((i) => i.code === "vague_address");
    expect(vague).toMatchObject({ field: "line1", severity: "error" });
    expect(vague?.message).toMatch(reason);
  });

  it("accepts real addresses that are short, numberless where that is normal, or Japanese block numbers", () => {
    expect(checkAddress({ ...de, line1: "Test Road 5" }).ok).toBe(true);
    expect(
      checkAddress({
        name: "Jo Hill",
        line1: "Rose Cottage, Mill Lane",
        city: "Street",
        postalCode: "BA16 0AA",
        country: "GB",
      }),
    ).toMatchObject({ ok: true, issues: [] });
    expect(
      checkAddress({
        name: "山田太郎",
        line1: "2-21-1",
        city: "渋谷区",
        region: "東京都",
        postalCode: "150-0002",
        country: "JP",
      }),
    ).toMatchObject({ ok: true, issues: [] });
    expect(
      checkAddress({
        name: "山田太郎",
        line1: "渋谷二丁目二十一番一号",
        city: "渋谷区",
        region: "Tokyo",
        postalCode: "150-0002",
        country: "JP",
      }),
    ).toMatchObject({ ok: true, issues: [] });
    expect(
      checkAddress({
        name: "Lars Ek",
        line1: "Storgatan",
        line2: "Lgh 1102, 12",
        city: "Umeå",
        postalCode: "903 26",
        country: "SE",
      }).ok,
    ).toBe(true);
    expect(
      checkAddress({ name: "Å Berg", line1: "Storgata 12", city: "Å", postalCode: "8392", country: "NO" }).ok,
    ).toBe(true);
  });

  it("flags placeholder cities and recipient names, and drops filler from line 2", () => {
    const result = checkAddress({ ...de, name: "asdf", line1: "Invalidenstraße 1", line2: "N/A", city: "xxx" });
    expect(result.issues.map((i) => [i.code, i.field, i.severity])).toEqual([
      ["vague_address", "city", "error"],
      ["vague_address", "name", "error"],
      ["placeholder_removed", "line2", "warning"],
    ]);
    expect(result.normalized.line2).toBeUndefined();
  });

  it("reports missing fields instead of failing", () => {
    const result = checkAddress({});
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.field)).toEqual(["country", "name", "line1", "city"]);
    expect(checkAddress({ ...de, line1: "Invalidenstraße 1", country: "XX" }).issues[0]).toMatchObject({
      code: "country_invalid",
      message: '"XX" is not an ISO 3166-1 alpha-2 country code',
    });
  });

  it("cleans whitespace, invisible characters and case", () => {
    const result = checkAddress({
      name: "  Ana   Müller ",
      line1: "Invalidenstraße\u200B 1\u0000",
      city: "Berlin",
      postalCode: " 10115 ",
      country: " de ",
    });
    expect(result.normalized).toEqual({
      name: "Ana Müller",
      line1: "Invalidenstraße 1",
      city: "Berlin",
      postalCode: "10115",
      country: "DE",
    });
    expect(result.issues).toEqual([expect.objectContaining({ code: "invalid_characters", severity: "warning" })]);
    expect(result.ok).toBe(true);
  });

  it("cuts absurdly long fields and says so", () => {
    const result = checkAddress({ ...de, line1: `Invalidenstraße 1 ${"x".repeat(5000)}` });
    expect(result.issues[0]).toMatchObject({ code: "field_too_long", field: "line1", severity: "error" });
    expect(result.normalized.line1.length).toBeLessThanOrEqual(300);
  });
});

// Deterministic pseudo-random generator (mulberry32), so a failure can be replayed.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANGES: Array<[number, number]> = [
  [0x00, 0x7f],
  [0x80, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x590, 0x6ff],
  [0xe00, 0xe7f],
  [0x2000, 0x206f],
  [0x3000, 0x30ff],
  [0x4e00, 0x4fff],
  [0xac00, 0xad00],
  [0xd800, 0xdfff],
  [0xfe00, 0xffff],
  [0x1f300, 0x1f6ff],
];

function randomString(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = "";
  for (let i = 0; i < length; i++) {
    const [from, to] = RANGES[Math.floor(next() * RANGES.length)]!;
    text += String.fromCodePoint(from + Math.floor(next() * (to - from)));
  }
  return text;
}

function randomValue(next: () => number): unknown {
  const pick = next();
  if (pick < 0.55) return randomString(next);
  if (pick < 0.65)
    return ["PO Box 1", "n/a", "東京都", "SW1A 1AA", "Québec", "00000", "ص.ب 1", "  "][Math.floor(next() * 8)];
  if (pick < 0.72) return next() * 1e6;
  if (pick < 0.78) return null;
  if (pick < 0.84) return undefined;
  if (pick < 0.88) return { toString: () => "x" };
  if (pick < 0.92) return ["a"];
  if (pick < 0.96) return Number.NaN;
  return "x".repeat(Math.floor(next() * 20_000));
}

const COUNTRIES = ["US", "JP", "CN", "DE", "GB", "CA", "BR", "IN", "MX", "AU", "HK", "AE", "SE", "FI", "zz", ""];

describe("never crashes", () => {
  it("returns a result for random strings, unicode, wrong types and odd objects", () => {
    const next = random(20240607);
    const fields = ["name", "company", "line1", "line2", "city", "region", "postalCode", "country", "phone"];
    for (let i = 0; i < 1500; i++) {
      const address: Record<string, unknown> = {};
      for (const field of fields) address[field] = randomValue(next);
      if (next() < 0.6) address.country = COUNTRIES[Math.floor(next() * COUNTRIES.length)];
      const options = { carrierRequiresLatin: next() < 0.5, carrierRefusesPoBox: next() < 0.5 };
      const result = checkAddress(address as AddressInput, options);
      expect(typeof result.ok).toBe("boolean");
      expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === "error"));
      for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
      expect(typeof result.normalized.line1).toBe("string");
      expect(() => addressFingerprint(address as AddressInput)).not.toThrow();
      const text = randomString(next);
      expect(() => [normalizePhone(text, "DE"), parseIpAddress(text), parseIpRange(text)]).not.toThrow();
    }
  }, 60_000);

  it("accepts inputs that are not objects at all", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
      },
    );
    for (const input of [null, undefined, 42, "Main Street 1", [], hostile]) {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from untyped callers
      const result = checkAddress(input as any, null);
      expect(result.ok).toBe(false);
    }
  });
});
