import { quoteRates, RATE_OBJECTIVES, RateInputError, REFERENCE_FX_RATES, rankOptions } from "@crossflow/domain";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { validationHook } from "../../validation";
import { errorResponses, IdempotencyHeader, jsonBody, jsonResponse } from "./common.schemas";
import { RatesInput, RatesResult } from "./quotes.schemas";

export const quotesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

quotesRoutes.openapi(
  createRoute({
    method: "post",
    path: "/quotes/rates",
    tags: ["Quotes"],
    summary: "Carrier options with price, transit days and CO2e, best first",
    description:
      "Rates every carrier service that serves the lane from its rate card (chargeable weight = max(actual, volumetric), fuel and remote-area surcharges, converted with dated reference FX rates) and ranks them by a weighted cost/speed/carbon objective. Services that cannot take the parcels are listed under `excluded` with the reason.",
    request: { headers: IdempotencyHeader, body: jsonBody(RatesInput) },
    responses: { 200: jsonResponse(RatesResult, "Options, best first"), ...errorResponses },
  }),
  async (c) => {
    const input = c.req.valid("json");
    let quote: ReturnType<typeof quoteRates>;
    try {
      quote = quoteRates({
        origin: input.origin,
        destination: input.destination,
        parcels: input.parcels,
        currency: input.currency,
        date: input.date ?? new Date().toISOString().slice(0, 10),
        fx: REFERENCE_FX_RATES,
      });
    } catch (error) {
      if (error instanceof RateInputError) {
        throw new ApiError(
          "validation_failed",
          error.message,
          error.issues.map((i) => ({ path: i.path, message: i.message })),
        );
      }
      throw error;
    }
    const ranked = rankOptions(quote.options, input.objective ?? RATE_OBJECTIVES.balanced);
    return c.json(
      {
        options: ranked.map((o) => ({
          carrier: o.carrier,
          service: o.service,
          carrierName: o.carrierName,
          serviceName: o.serviceName,
          price: o.price,
          currency: o.currency,
          transitDays: o.transitDays,
          transitDaysMin: o.transitDaysMin,
          co2eGrams: o.co2eGrams,
          chargeableWeightGrams: o.chargeableWeightGrams,
          reason: o.rankReason,
          breakdown: o.explanation,
        })),
        excluded: quote.exclusions.map((e) => ({ carrier: e.carrier, service: e.service, reason: e.reason })),
        fx: { base: REFERENCE_FX_RATES.base, date: REFERENCE_FX_RATES.date },
      },
      200,
    );
  },
);
