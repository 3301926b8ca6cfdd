import { z } from "@hono/zod-openapi";
import { CountryCode, CurrencyCode, MinorUnits } from "./common.schemas";

const HsCode = z
  .string()
  .trim()
  .regex(/^\d{4}[.\s]?\d{2}(?:[.\s]?\d{2,4})?$/, {
    message: "must be an HS code of 6 digits, or a national line of 8 to 10 digits (e.g. 610910 or 6109.10.00)",
  })
  .openapi({ example: "610910" });

const DecimalPercent = z
  .string()
  .regex(/^\d{1,3}(?:\.\d{1,4})?$/, { message: 'must be a decimal percentage as a string, e.g. "12" or "6.5"' })
  .openapi({ example: "12" });

const IsoDate = z.iso.date();

export const LandedCostLineInput = z
  .object({
    hsCode: HsCode,
    value: MinorUnits.openapi({
      description: "value of ONE unit, minor units of the body currency; the line is value × quantity",
    }),
    quantity: z.number().int().min(1).max(100_000),
    weightGrams: z.number().int().min(0).max(1_000_000).openapi({ description: "weight of one unit" }),
    originCountry: CountryCode.openapi({ description: "where the goods were made" }),
    description: z.string().trim().max(300).optional(),
  })
  .openapi("LandedCostLine");

export const LandedCostInput = z
  .object({
    origin: CountryCode.openapi({ description: "country the parcel ships from" }),
    destination: CountryCode,
    incoterm: z
      .enum(["DDP", "DAP"])
      .openapi({ description: "DDP: merchant pays duty and tax; DAP: buyer pays at the border" }),
    currency: CurrencyCode,
    date: IsoDate.optional().openapi({
      description: "rules and rates in force on this date apply; default today (UTC)",
    }),
    shipping: MinorUnits,
    insurance: MinorUnits.optional(),
    lines: z.array(LandedCostLineInput).min(1).max(200),
    destinationRegion: z.string().trim().max(10).optional(),
    iossRegistered: z
      .boolean()
      .optional()
      .openapi({ description: "the seller collects EU VAT through IOSS (default true)" }),
    voecRegistered: z
      .boolean()
      .optional()
      .openapi({ description: "the seller collects Norwegian VAT through VOEC (default true)" }),
    dutyOverrides: z
      .array(
        z.object({
          destination: z.string().regex(/^(?:[A-Z]{2}|EU|GCC)$/, { message: "must be a country code, EU or GCC" }),
          hsPrefix: z.string().regex(/^\d{2,10}$/, { message: "must be 2 to 10 digits" }),
          ratePercent: DecimalPercent,
          validFrom: IsoDate.optional(),
          validTo: IsoDate.optional(),
          note: z.string().max(200).optional(),
        }),
      )
      .max(200)
      .optional()
      .openapi({
        description: "the tenant's own duty rates (e.g. binding tariff information); they win over the table",
      }),
  })
  .openapi("LandedCostInput");

const LineResult = z.looseObject({
  index: z.number().int(),
  hsCode: z.string(),
  lineValue: z.number().int(),
  dutyKnown: z.boolean(),
  duty: z.number().int().nullable(),
  dutyRatePercent: z.string().nullable(),
  dutyBasis: z.string(),
  dutySource: z.string(),
});

export const LandedCostResult = z
  .looseObject({
    currency: z.string(),
    goods: z.number().int(),
    shipping: z.number().int(),
    duty: z.number().int().openapi({ description: "known duty; see dutyKnown" }),
    tax: z.number().int(),
    fees: z.number().int(),
    total: z.number().int(),
    regime: z.string().openapi({ example: "EU_IOSS" }),
    explanation: z.array(z.string()),
    warnings: z.array(z.string()),
    dutyKnown: z.boolean(),
    taxKnown: z.boolean(),
    dutyDueAt: z.enum(["checkout", "border"]),
    taxCollectedAt: z.enum(["checkout", "border"]),
    lines: z.array(LineResult),
    payment: z.object({
      buyerAtCheckout: z.number().int(),
      buyerAtBorder: z.number().int(),
      merchantPaysAuthorities: z.number().int(),
    }),
    fxRates: z.array(
      z.object({ from: z.string(), to: z.string(), rate: z.string(), date: z.string(), source: z.string() }),
    ),
    rulesVersion: z.string(),
    rulesDate: z.string(),
  })
  .openapi("LandedCost");
