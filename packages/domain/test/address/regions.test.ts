import { describe, expect, it } from "vitest";
import { checkAddress, resolveRegion } from "../../src/index";

const base = { name: "Sam Lee", line1: "145 Court Street", city: "Somewhere" };

describe("states and provinces", () => {
  it.each([
    ["US", "NY", "NY"],
    ["US", "new york", "NY"],
    ["US", "N.Y.", "NY"],
    ["US", "US-NY", "NY"],
    ["US", "Washington D.C.", "DC"],
    ["US", "Washington", "WA"],
    ["US", "Puerto Rico", "PR"],
    ["US", "Guam", "GU"],
    ["US", "AE", "AE"],
    ["CA", "Québec", "QC"],
    ["CA", "quebec", "QC"],
    ["CA", "Colombie-Britannique", "BC"],
    ["AU", "Victoria", "VIC"],
    ["AU", "nsw", "NSW"],
    ["AU", "Northern Territory", "NT"],
    ["BR", "São Paulo", "SP"],
    ["BR", "sao paulo", "SP"],
    ["BR", "Pará", "PA"],
    ["BR", "Paraná", "PR"],
    ["MX", "CDMX", "CMX"],
    ["MX", "Ciudad de México", "CMX"],
    ["MX", "NL", "NLE"],
    ["MX", "Nuevo León", "NLE"],
    ["MX", "Q. Roo", "ROO"],
    ["IN", "Maharashtra", "MH"],
    ["IN", "Orissa", "OD"],
    ["IN", "TG", "TS"],
    ["IN", "Jammu & Kashmir", "JK"],
    ["JP", "東京都", "13"],
    ["JP", "東京", "13"],
    ["JP", "Tokyo-to", "13"],
    ["JP", "Tokyo Prefecture", "13"],
    ["JP", "JP-13", "13"],
    ["JP", "13", "13"],
    ["JP", "Hyōgo", "28"],
    ["JP", "hyogo-ken", "28"],
    ["JP", "大阪府", "27"],
    ["JP", "Kyoto", "26"],
    ["JP", "北海道", "01"],
    ["CN", "广东省", "GD"],
    ["CN", "Guangdong Sheng", "GD"],
    ["CN", "Guangxi Zhuang Autonomous Region", "GX"],
    ["CN", "广西壮族自治区", "GX"],
    ["CN", "上海市", "SH"],
    ["CN", "Shaanxi", "SN"],
    ["CN", "Shanxi", "SX"],
  ])("%s %s is %s", (country, value, code) => {
    expect(resolveRegion(country, value)?.code).toBe(code);
  });

  it("normalizes to the code in the Americas, Australia and India, and to the romanized name in Japan and China", () => {
    const us = checkAddress({ ...base, region: "new york", postalCode: "11201", country: "US" });
    expect(us).toMatchObject({ ok: true, normalized: { region: "NY" } });
    const jp = checkAddress({
      ...base,
      line1: "渋谷2-21-1",
      city: "渋谷区",
      region: "東京都",
      postalCode: "150-0002",
      country: "JP",
    });
    expect(jp).toMatchObject({ ok: true, normalized: { region: "Tokyo" } });
    const cn = checkAddress({
      ...base,
      line1: "深南大道6008号",
      city: "深圳市",
      region: "广东省",
      postalCode: "518000",
      country: "CN",
    });
    expect(cn).toMatchObject({ ok: true, issues: [], normalized: { region: "Guangdong" } });
  });

  it.each(["US", "CA", "AU", "BR", "MX", "IN", "JP"])("requires the region for %s", (country) => {
    const result = checkAddress({ ...base, country });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "region_missing", field: "region", severity: "error" }),
    );
    expect(result.ok).toBe(false);
  });

  it("rejects a misspelt state with an example of what is expected", () => {
    const result = checkAddress({ ...base, region: "Nwe York", postalCode: "11201", country: "US" });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        code: "region_invalid",
        field: "region",
        severity: "error",
        message: '"Nwe York" is not a known state of US (e.g. NY)',
      },
    ]);
  });

  it("only warns about a Chinese province that is missing or unknown", () => {
    const missing = checkAddress({
      ...base,
      line1: "88 Century Avenue",
      city: "Pudong",
      postalCode: "200120",
      country: "CN",
    });
    expect(missing.ok).toBe(true);
    expect(missing.issues).toEqual([expect.objectContaining({ code: "region_missing", severity: "warning" })]);
    const unknown = checkAddress({ ...base, region: "Atlantis", postalCode: "200120", country: "CN" });
    expect(unknown.ok).toBe(true);
    expect(unknown.issues).toEqual([expect.objectContaining({ code: "region_invalid", severity: "warning" })]);
    const inCity = checkAddress({
      ...base,
      line1: "深南大道6008号",
      city: "广东省深圳市",
      postalCode: "518000",
      country: "CN",
    });
    expect(inCity).toMatchObject({ issues: [], normalized: { region: "Guangdong" } });
  });

  it("finds a Japanese prefecture written in the city line, without mistaking 東京都 for 京都", () => {
    const kanji = checkAddress({
      ...base,
      line1: "渋谷2-21-1",
      city: "東京都渋谷区",
      postalCode: "1500002",
      country: "JP",
    });
    expect(kanji).toMatchObject({ ok: true, normalized: { region: "Tokyo", postalCode: "150-0002" } });
    const romaji = checkAddress({
      ...base,
      line1: "2-21-1 Shibuya",
      city: "Shibuya-ku, Tokyo",
      postalCode: "1500002",
      country: "JP",
    });
    expect(romaji).toMatchObject({ ok: true, normalized: { region: "Tokyo" } });
  });

  it("warns when a Canadian or Australian postal code belongs to another province or state", () => {
    const ca = checkAddress({ ...base, region: "QC", postalCode: "M5V 2T6", country: "CA" });
    expect(ca.ok).toBe(true);
    expect(ca.issues).toEqual([
      expect.objectContaining({
        code: "postal_code_region_mismatch",
        message: "Postal code M5V 2T6 belongs to ON, not QC",
      }),
    ]);
    const au = checkAddress({ ...base, region: "VIC", postalCode: "2000", country: "AU" });
    expect(au.issues).toEqual([expect.objectContaining({ code: "postal_code_region_mismatch" })]);
    expect(checkAddress({ ...base, region: "ACT", postalCode: "2600", country: "AU" }).issues).toEqual([]);
  });

  it("passes other countries' regions through untouched", () => {
    const result = checkAddress({
      ...base,
      line1: "Via Brera 8",
      region: "MI",
      postalCode: "20121",
      city: "Milano",
      country: "IT",
    });
    expect(result).toMatchObject({ ok: true, issues: [], normalized: { region: "MI" } });
  });
});
