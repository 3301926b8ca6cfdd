import { describe, expect, it } from "vitest";
import { CUSTOMER_EMAIL_EVENTS } from "./events";
import { EMAIL_LOCALES } from "./locales";
import { EMAIL_MESSAGES } from "./messages/index";
import { renderCustomerEmail } from "./render";
import { placeholdersOf } from "./templates/context";
import { SAMPLE_EMAIL_BRAND, sampleCustomerEmailData } from "./testing/sample-order";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

const english = leaves(EMAIL_MESSAGES.en);
const UNRENDERED = /\{\w+\}/;

describe("e-mail message catalogs", () => {
  it("cover all twelve portal locales", () => {
    expect(Object.keys(EMAIL_MESSAGES).sort()).toEqual([...EMAIL_LOCALES].sort());
    expect(EMAIL_LOCALES).toHaveLength(12);
  });

  it("have a catalog section for every event with a subject", () => {
    for (const event of CUSTOMER_EMAIL_EVENTS) {
      expect(english.get(`${event}.subject`), event).toBeTruthy();
    }
  });

  describe.each(EMAIL_LOCALES)("%s", (locale) => {
    const catalog = leaves(EMAIL_MESSAGES[locale]);

    it("has exactly the English keys, none empty", () => {
      expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of catalog) expect(text.trim(), key).not.toBe("");
    });

    it("uses the same placeholders as English in every message", () => {
      for (const [key, text] of english) {
        expect(placeholdersOf(catalog.get(key) ?? ""), `${locale} ${key}`).toEqual(placeholdersOf(text));
      }
    });

    it.skipIf(locale === "en")("is translated, not copied from English", () => {
      const copied = [...catalog].filter(([key, text]) => text === english.get(key) && !/^\{?\w*\}?$/.test(text));
      // A few short words can coincide ("Total" in French, Spanish, Portuguese).
      expect(copied.length, copied.map(([key]) => key).join(", ")).toBeLessThanOrEqual(2);
    });
  });
});

describe("no placeholder is left unrendered", () => {
  const full = sampleCustomerEmailData();
  const minimal = sampleCustomerEmailData({
    total: undefined,
    carrier: undefined,
    estimatedDelivery: undefined,
    failedAttempt: undefined,
    refund: undefined,
    returnInfo: { rma: "RMA-1" },
    customerName: " ",
  });

  it.each(EMAIL_LOCALES)(
    "%s: every event, with all optional data and with none",
    async (locale) => {
      for (const event of CUSTOMER_EMAIL_EVENTS) {
        for (const [variant, data] of [
          ["full", full],
          ["minimal", minimal],
        ] as const) {
          const email = await renderCustomerEmail(event, data, { locale, brand: SAMPLE_EMAIL_BRAND });
          const where = `${locale} ${event} ${variant}`;
          expect(email.locale).toBe(locale);
          expect(email.subject, where).not.toMatch(UNRENDERED);
          expect(email.text, where).not.toMatch(UNRENDERED);
          expect(email.html, where).not.toMatch(UNRENDERED);
          expect(email.subject, where).toContain(data.orderNumber);
          expect(email.text, where).toContain(data.trackingUrl);
        }
      }
    },
    30_000,
  );
});
