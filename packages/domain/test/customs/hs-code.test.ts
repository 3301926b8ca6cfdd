import { describe, expect, it } from "vitest";
import {
  checkCustomsProfile,
  formatHsCode,
  HS_2022_CHAPTER_TITLES,
  HS_2022_HEADING_TEXTS,
  HS_2022_HEADINGS,
  HS_2022_SUBHEADING_TEXTS,
  HS_KEYWORD_RULES,
  isGenericCustomsDescription,
  validateHsCode,
} from "../../src/index";

describe("HS 2022 table", () => {
  it("has the 1,228 headings of HS 2022 and a title for chapters 01–97", () => {
    expect(HS_2022_HEADINGS.size).toBe(1228);
    expect(Object.keys(HS_2022_CHAPTER_TITLES)).toHaveLength(97);
  });

  it("has headings in every chapter except the reserved chapter 77", () => {
    for (const chapter of Object.keys(HS_2022_CHAPTER_TITLES)) {
      const count = [...HS_2022_HEADINGS].filter((h) => h.startsWith(chapter)).length;
      if (chapter === "77") expect(count).toBe(0);
      else expect(count, chapter).toBeGreaterThan(0);
    }
  });

  it("describes only headings that exist, and covers the e-commerce chapters", () => {
    for (const heading of Object.keys(HS_2022_HEADING_TEXTS)) expect(HS_2022_HEADINGS.has(heading), heading).toBe(true);
    for (const code of Object.keys(HS_2022_SUBHEADING_TEXTS)) {
      expect(code).toMatch(/^\d{6}$/);
      expect(HS_2022_HEADINGS.has(code.slice(0, 4)), code).toBe(true);
    }
    const chapters = "33 39 40 42 44 48 49 52 61 62 63 64 65 69 70 71 73 82 83 84 85 87 90 91 94 95 96".split(" ");
    for (const chapter of chapters) {
      expect(
        Object.keys(HS_2022_HEADING_TEXTS).some((h) => h.startsWith(chapter)),
        chapter,
      ).toBe(true);
    }
    for (const chapter of ["61", "62", "64", "91", "95", "96"]) {
      const all = [...HS_2022_HEADINGS].filter((h) => h.startsWith(chapter));
      expect(
        all.every((h) => HS_2022_HEADING_TEXTS[h]),
        chapter,
      ).toBe(true);
    }
  });

  it("points every keyword rule at a valid heading or subheading", () => {
    for (const rule of HS_KEYWORD_RULES) {
      for (const code of [rule.hsCode, ...(rule.refine ?? []).map((r) => r.hsCode)]) {
        expect(code).toMatch(/^(\d{4}|\d{6})$/);
        expect(HS_2022_HEADINGS.has(code.slice(0, 4)), code).toBe(true);
      }
    }
  });
});

describe("validateHsCode", () => {
  it("accepts six digits and national lines of 8 to 10 digits, with or without separators", () => {
    expect(validateHsCode("610910")).toMatchObject({
      valid: true,
      chapter: "61",
      heading: "6109",
      subheading: "610910",
      nationalExtension: null,
      headingText: expect.stringContaining("T-shirts"),
    });
    expect(validateHsCode("6109.10.00")).toMatchObject({
      valid: true,
      normalized: "61091000",
      nationalExtension: "00",
    });
    expect(validateHsCode("8517 13 00 00")).toMatchObject({
      valid: true,
      subheading: "851713",
      nationalExtension: "0000",
    });
    expect(validateHsCode("640411900").valid).toBe(true);
  });

  it("refuses too few digits, odd lengths and other characters", () => {
    expect(validateHsCode("6109").issues.map((i) => i.code)).toEqual(["hs_code_length"]);
    expect(validateHsCode("6109101").issues.map((i) => i.code)).toEqual(["hs_code_length"]);
    expect(validateHsCode("61091000001").valid).toBe(false);
    expect(validateHsCode("61O910").issues.map((i) => i.code)).toEqual(["hs_code_format"]);
    expect(validateHsCode("").issues.map((i) => i.code)).toEqual(["hs_code_missing"]);
    expect(validateHsCode(undefined).valid).toBe(false);
  });

  it("refuses the reserved chapter, chapters that do not exist and deleted headings", () => {
    expect(validateHsCode("770100").issues.map((i) => i.code)).toEqual(["hs_chapter_reserved"]);
    expect(validateHsCode("000000").issues.map((i) => i.code)).toEqual(["hs_chapter_unknown"]);
    expect(validateHsCode("990100").issues.map((i) => i.code)).toEqual(["hs_chapter_unknown"]);
    for (const deleted of ["420400", "846900", "852000", "950100", "880300", "690800"]) {
      expect(
        validateHsCode(deleted).issues.map((i) => i.code),
        deleted,
      ).toEqual(["hs_heading_unknown"]);
    }
    expect(validateHsCode("852411").valid).toBe(true);
    expect(validateHsCode("880600").valid).toBe(true);
  });

  it("formats codes the way tariffs print them", () => {
    expect(formatHsCode("610910")).toBe("6109.10");
    expect(formatHsCode("6109100010")).toBe("6109.10.0010");
    expect(formatHsCode("abc")).toBe("abc");
  });
});

describe("checkCustomsProfile", () => {
  const complete = {
    hsCode: "610910",
    originCountry: "CN",
    customsDescription: "Men's cotton T-shirt",
    customsValue: 800,
    currency: "USD",
  };

  it("finds nothing wrong with a complete profile", () => {
    expect(checkCustomsProfile(complete)).toEqual([]);
  });

  it("names each missing or invalid field", () => {
    const issues = checkCustomsProfile({ customsDescription: null });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ["hsCode", "hs_code_missing"],
      ["originCountry", "origin_missing"],
      ["customsDescription", "description_missing"],
      ["customsValue", "value_missing"],
    ]);
    expect(checkCustomsProfile({ ...complete, originCountry: "China" })[0]).toMatchObject({
      field: "originCountry",
      code: "origin_invalid",
    });
    expect(checkCustomsProfile({ ...complete, customsValue: 0 })[0]?.code).toBe("value_not_positive");
    expect(checkCustomsProfile({ ...complete, customsValue: 12.5 })[0]?.code).toBe("value_not_integer");
    expect(checkCustomsProfile({ ...complete, hsCode: "4204" }).map((i) => i.code)).toEqual([
      "hs_code_length",
      "hs_heading_unknown",
    ]);
    expect(checkCustomsProfile({ ...complete, currency: "XYZ" })[0]?.field).toBe("currency");
  });

  it("rejects descriptions that do not say what the goods are", () => {
    for (const vague of [
      "Gift",
      "sample",
      "Goods",
      "merchandise",
      "Item",
      "Parts",
      "Accessories",
      "gift set",
      "Spare parts",
      "Misc. items",
    ]) {
      expect(isGenericCustomsDescription(vague), vague).toBe(true);
      expect(checkCustomsProfile({ ...complete, customsDescription: vague }).map((i) => i.code)).toEqual([
        "description_generic",
      ]);
    }
    for (const specific of [
      "Phone accessories: silicone case",
      "Bicycle parts - brake pads",
      "Cotton T-shirt",
      "Ceramic mug",
    ]) {
      expect(isGenericCustomsDescription(specific), specific).toBe(false);
    }
  });
});
