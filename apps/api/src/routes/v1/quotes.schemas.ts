import { z } from "@hono/zod-openapi";
import { CountryCode, CurrencyCode } from "./common.schemas";

const Location = z.object({ country: CountryCode, postalCode: z.string().trim().max(20).optional() });

export const RatesInput = z
  .object({
    origin: Location,
    destination: Location,
    currency: CurrencyCode,
    date: z.iso.date().optional().openapi({ description: "Tariff date, default today (UTC)" }),
    parcels: z
      .array(
        z.object({
          weightGrams: z.number().int().positive().max(1_000_000),
          dimensionsMm: z.object({
            length: z.number().int().positive().max(10_000),
            width: z.number().int().positive().max(10_000),
            height: z.number().int().positive().max(10_000),
          }),
        }),
      )
      .min(1)
      .max(50),
    objective: z
      .object({
        cost: z.number().min(0).max(1000),
        speed: z.number().min(0).max(1000),
        carbon: z.number().min(0).max(1000),
      })
      .optional()
      .openapi({ description: "Weights for ranking; default balanced (cost 0.5, speed 0.3, carbon 0.2)" }),
  })
  .openapi("RatesInput");

export const RateOption = z
  .looseObject({
    carrier: z.string(),
    service: z.string(),
    price: z.number().int(),
    currency: z.string(),
    transitDays: z.number().int(),
    co2eGrams: z.number().int(),
    reason: z.string(),
  })
  .openapi("RateOption");

export const RatesResult = z
  .object({
    options: z.array(RateOption),
    excluded: z.array(z.object({ carrier: z.string(), service: z.string(), reason: z.string() })),
    fx: z.object({ base: z.string(), date: z.string() }),
  })
  .openapi("Rates");
