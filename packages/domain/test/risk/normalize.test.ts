import { describe, expect, it } from "vitest";
import {
  addressFingerprint,
  ipInRange,
  normalizeEmail,
  normalizePhone,
  parseIpAddress,
  parseIpRange,
} from "../../src/index";

describe("addressFingerprint", () => {
  it("is the same for the usual spellings of one address", () => {
    const a = addressFingerprint({
      line1: "123 Main Street",
      line2: "Apt #5",
      city: "New York",
      postalCode: "10001",
      country: "US",
    });
    expect(a).toBe("US|10001|123 main st 5");
    for (const line of ["123 main st.", "123 MAIN ST", "123  Main   Str"]) {
      expect(addressFingerprint({ line1: line, line2: "Unit 5", postalCode: "10001", country: "us" })).toBe(a);
    }
    expect(
      addressFingerprint({ line1: "123 Main St", line2: "Suite 5", city: "NYC", postalCode: "10001", country: "US" }),
    ).toBe(a);
    expect(addressFingerprint({ line1: "12 A North Avenue", postalCode: "02134", country: "US" })).toBe(
      addressFingerprint({ line1: "12a N. Ave.", postalCode: "02134", country: "US" }),
    );
  });

  it("folds German and Dutch street words, accents and postal-code spaces", () => {
    const de = addressFingerprint({ line1: "Invalidenstraße 1", postalCode: "10115", country: "DE" });
    expect(de).toBe("DE|10115|invalidenstr 1");
    expect(addressFingerprint({ line1: "Invalidenstr. 1", postalCode: "10 115", country: "DE" })).toBe(de);
    expect(addressFingerprint({ line1: "Kalverstraat 1", postalCode: "1012 nx", country: "NL" })).toBe(
      addressFingerprint({ line1: "Kalverstr. 1", postalCode: "1012NX", country: "NL" }),
    );
    expect(addressFingerprint({ line1: "Rua São João 5", postalCode: "01310-100", country: "BR" })).toBe(
      "BR|01310100|rua sao joao 5",
    );
  });

  it("uses the city only when there is no postal code, and never the name", () => {
    expect(addressFingerprint({ name: "A", line1: "1 Queen's Road Central", city: "Hong Kong", country: "HK" })).toBe(
      "HK|hong kong|1 queen s rd central",
    );
    expect(addressFingerprint({ name: "A", line1: "Main St 1", postalCode: "1000", country: "BE" })).toBe(
      addressFingerprint({ name: "B", line1: "Main St 1", city: "Brussel", postalCode: "1000", country: "BE" }),
    );
  });

  it("keeps different addresses apart", () => {
    const one = addressFingerprint({ line1: "123 Main St", postalCode: "10001", country: "US" });
    expect(addressFingerprint({ line1: "124 Main St", postalCode: "10001", country: "US" })).not.toBe(one);
    expect(addressFingerprint({ line1: "123 Main St", postalCode: "10002", country: "US" })).not.toBe(one);
    expect(addressFingerprint({ line1: "123 Main St", line2: "Apt 2", postalCode: "10001", country: "US" })).not.toBe(
      one,
    );
  });

  it("handles CJK addresses and full-width digits", () => {
    expect(addressFingerprint({ line1: "渋谷２－２１－１", postalCode: "150-0002", country: "JP" })).toBe(
      addressFingerprint({ line1: "渋谷2-21-1", postalCode: "1500002", country: "JP" }),
    );
  });
});

describe("normalizePhone", () => {
  it.each([
    ["+49 30 1234567", undefined, "+49301234567"],
    ["+49 (0)30 123 45 67", undefined, "+49301234567"],
    ["0049 30 1234567", undefined, "+49301234567"],
    ["030 1234567", "DE", "+49301234567"],
    ["(212) 555-1234", "US", "+12125551234"],
    ["1-212-555-1234", "US", "+12125551234"],
    ["011 44 20 7946 0958", "US", "+442079460958"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["06 1 234 5678", "HU", "+3612345678"],
    ["8 (495) 123-45-67", "RU", "+74951234567"],
    ["06 12345678", "IT", "+390612345678"],
    ["090-1234-5678", "JP", "+819012345678"],
    ["0011 49 30 1234567", "AU", "+49301234567"],
    ["+1 212 555 1234 ext. 89", undefined, "+12125551234"],
    ["030 1234567", undefined, "0301234567"],
    ["１２３４５６７", undefined, "1234567"],
    ["12", "DE", null],
    ["+1234567890123456", undefined, null],
    ["call me", "DE", null],
  ])("%s (%s) → %s", (phone, country, expected) => {
    expect(normalizePhone(phone, country)).toBe(expected);
  });
});

describe("normalizeEmail", () => {
  it("lower-cases, drops +tags and Gmail dots", () => {
    expect(normalizeEmail(" Ann.Lee+Shop@GoogleMail.com ")).toBe("annlee@gmail.com");
    expect(normalizeEmail("ann.lee+x@example.com")).toBe("ann.lee@example.com");
    expect(normalizeEmail("+x@example.com")).toBe("+x@example.com");
    expect(normalizeEmail("not-an-email")).toBe("not-an-email");
  });
});

describe("IP addresses and ranges", () => {
  it.each([
    ["203.0.113.7", 4],
    ["2001:db8::1", 6],
    ["::1", 6],
    ["::", 6],
    ["1::", 6],
    ["1:2:3:4:5:6:7:8", 6],
    ["1:2:3:4:5:6:1.2.3.4", 6],
    ["::1.2.3.4", 6],
    ["::ffff:203.0.113.7", 4],
    ["fe80::1%eth0", 6],
    ["[2001:db8::2]", 6],
  ])("reads %s as IPv%s", (text, version) => {
    expect(parseIpAddress(text)?.version).toBe(version);
  });

  it.each([
    "",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "01.2.3.4",
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    "12345::",
    "::g",
    ":1::2",
    "1.2.3.4:80",
  ])("rejects %s", (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });

  it("matches CIDR blocks of both families, and mapped IPv4 against IPv4 blocks", () => {
    const ip = (text: string) => parseIpAddress(text)!;
    const range = (text: string) => parseIpRange(text)!;
    expect(ipInRange(ip("10.255.255.255"), range("10.0.0.0/8"))).toBe(true);
    expect(ipInRange(ip("11.0.0.0"), range("10.0.0.0/8"))).toBe(false);
    expect(ipInRange(ip("1.2.3.4"), range("0.0.0.0/0"))).toBe(true);
    expect(ipInRange(ip("2001:db8::1"), range("0.0.0.0/0"))).toBe(false);
    expect(ipInRange(ip("2001:db8:ffff:ffff::"), range("2001:db8::/32"))).toBe(true);
    expect(ipInRange(ip("2001:db9::"), range("2001:db8::/32"))).toBe(false);
    expect(ipInRange(ip("::ffff:10.1.2.3"), range("10.0.0.0/8"))).toBe(true);
    expect(ipInRange(ip("10.1.2.3"), range("::ffff:10.0.0.0/104"))).toBe(true);
    expect(parseIpRange("10.0.0.0/33")).toBeNull();
    expect(parseIpRange("2001:db8::/129")).toBeNull();
    expect(parseIpRange("10.0.0.0/8/8")).toBeNull();
    expect(parseIpRange("10.0.0.0/x")).toBeNull();
  });
});
