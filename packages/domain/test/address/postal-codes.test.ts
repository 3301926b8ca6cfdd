import { describe, expect, it } from "vitest";
import { checkAddress, checkPostalCode, POSTAL_CODE_FORMATS } from "../../src/index";

// country, a valid code as people type it, its canonical form, an invalid code.
const CASES: Array<[string, string, string, string]> = [
  ["US", "10001", "10001", "1000"],
  ["CN", "100000", "100000", "10000"],
  ["GB", "sw1a1aa", "SW1A 1AA", "SW1A 1A"],
  ["DE", "10115", "10115", "00115"],
  ["JP", "1500002", "150-0002", "150-002"],
  ["FR", "75011", "75011", "7501"],
  ["KR", "04524", "04524", "123-456"],
  ["CA", "m5v2t6", "M5V 2T6", "D5V 2T6"],
  ["IN", "110 001", "110001", "011000"],
  ["RU", "101000", "101000", "10100"],
  ["BR", "01310100", "01310-100", "0131-0100"],
  ["AU", "2000", "2000", "20000"],
  ["IT", "00184", "00184", "0184"],
  ["ES", "28004", "28004", "53004"],
  ["NL", "1015cj", "1015 CJ", "1015 SA"],
  ["MX", "06700", "06700", "6700"],
  ["ID", "10110", "10110", "01011"],
  ["TR", "34000", "34000", "99000"],
  ["SA", "11564", "11564", "01564"],
  ["PL", "00001", "00-001", "000-01"],
  ["SE", "11152", "111 52", "011 52"],
  ["BE", "1000", "1000", "0999"],
  ["CH", "8001", "8001", "80010"],
  ["AT", "1010", "1010", "0101"],
  ["NO", "0150", "0150", "150"],
  ["DK", "2100", "2100", "0100"],
  ["FI", "00100", "00100", "0010"],
  ["IE", "d02x285", "D02 X285", "B02 X285"],
  ["PT", "1000001", "1000-001", "1000-01"],
  ["CZ", "11000", "110 00", "910 00"],
  ["HU", "1051", "1051", "0151"],
  ["RO", "010011", "010011", "01001"],
  ["GR", "10431", "104 31", "904 31"],
  ["IL", "6100000", "6100000", "610000"],
  ["SG", "018956", "018956", "18956"],
  ["MY", "50450", "50450", "5045"],
  ["TH", "10200", "10200", "01020"],
  ["VN", "10000", "10000", "1000"],
  ["PH", "1000", "1000", "100"],
  ["NZ", "1010", "1010", "10100"],
  ["TW", "110", "110", "11"],
  ["ZA", "8001", "8001", "800"],
  ["CL", "832-0000", "8320000", "83200"],
  ["CO", "110111", "110111", "11011"],
  ["AR", "c1425dkh", "C1425DKH", "C1425DK"],
];

describe("postal-code formats", () => {
  it.each(CASES)("%s accepts %s as %s and rejects %s", (country, valid, canonical, invalid) => {
    expect(POSTAL_CODE_FORMATS[country]).toBeDefined();
    expect(checkPostalCode(country, valid)).toEqual({ status: "valid", canonical });
    expect(checkPostalCode(country, invalid).status).toBe("invalid");
    expect(checkPostalCode(country, POSTAL_CODE_FORMATS[country]!.example).status).toBe("valid");
  });

  it("gives the expected format and an example when a code is invalid", () => {
    const result = checkAddress({
      name: "Ana Müller",
      line1: "Invalidenstraße 1",
      city: "Berlin",
      postalCode: "1011",
      country: "DE",
    });
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual({
      code: "postal_code_invalid",
      field: "postalCode",
      severity: "error",
      message: 'Postal code "1011" is not a valid DE postal code (expected 5 digits, e.g. 10115)',
    });
  });

  it("accepts ZIP+4, the Japanese 〒 mark, full-width digits and 3+2/3+3 Taiwanese codes", () => {
    expect(checkPostalCode("US", "10001 1234")).toEqual({ status: "valid", canonical: "10001-1234" });
    expect(checkPostalCode("JP", "〒１５０－０００２")).toEqual({ status: "valid", canonical: "150-0002" });
    expect(checkPostalCode("TW", "110-49")).toEqual({ status: "valid", canonical: "11049" });
    expect(checkPostalCode("TW", "110001")).toEqual({ status: "valid", canonical: "110001" });
    expect(checkPostalCode("AR", "1425")).toEqual({ status: "valid", canonical: "1425" });
    expect(checkPostalCode("GB", "GIR 0AA")).toEqual({ status: "valid", canonical: "GIR 0AA" });
  });

  it("strips the country prefixes Europeans write, and keeps the ones that are part of the code", () => {
    expect(checkPostalCode("DE", "D-10115")).toEqual({ status: "valid", canonical: "10115" });
    expect(checkPostalCode("CH", "CH-8001")).toEqual({ status: "valid", canonical: "8001" });
    expect(checkPostalCode("SE", "SE-111 52")).toEqual({ status: "valid", canonical: "111 52" });
    expect(checkPostalCode("LT", "01100")).toEqual({ status: "valid", canonical: "LT-01100" });
    expect(checkPostalCode("DE", "F-10115").status).toBe("invalid");
  });

  it("treats all zeros as a placeholder where codes are used", () => {
    expect(checkPostalCode("US", "00000").status).toBe("placeholder");
    const result = checkAddress({
      name: "A B",
      line1: "1 Main St",
      city: "X",
      region: "NY",
      postalCode: "00000",
      country: "US",
    });
    expect(result.issues[0]?.message).toMatch(/placeholder/);
  });

  it("leaves the code out where the country has none (HK, AE), warning only about a real-looking value", () => {
    const hk = checkAddress({
      name: "Chan Tai Man",
      line1: "1 Queen's Road Central",
      city: "Hong Kong",
      country: "HK",
    });
    expect(hk).toMatchObject({ ok: true, issues: [] });
    const filler = checkAddress({
      name: "Omar Haddad",
      line1: "Sheikh Zayed Road 1",
      city: "Dubai",
      postalCode: "00000",
      country: "AE",
    });
    expect(filler.issues).toEqual([]);
    expect(filler.normalized.postalCode).toBeUndefined();
    const stray = checkAddress({
      name: "Chan Tai Man",
      line1: "1 Queen's Road Central",
      postalCode: "999077",
      country: "HK",
    });
    expect(stray.ok).toBe(true);
    expect(stray.issues).toEqual([expect.objectContaining({ code: "postal_code_unexpected", severity: "warning" })]);
    expect(stray.normalized).toMatchObject({ city: "Hong Kong", country: "HK" });
    expect(stray.normalized.postalCode).toBeUndefined();
  });

  it("requires the code where it is used, and only warns where it is often omitted", () => {
    const de = checkAddress({ name: "Ana Müller", line1: "Invalidenstraße 1", city: "Berlin", country: "DE" });
    expect(de.ok).toBe(false);
    expect(de.issues[0]).toMatchObject({ code: "missing_field", field: "postalCode", severity: "error" });
    const ie = checkAddress({ name: "Aoife Byrne", line1: "5 Grafton Street", city: "Dublin", country: "IE" });
    expect(ie.ok).toBe(true);
    expect(ie.issues[0]).toMatchObject({ code: "missing_field", field: "postalCode", severity: "warning" });
  });
});
