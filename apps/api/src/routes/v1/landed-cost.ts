import { createReferenceFxProvider, LandedCostInputError, quoteLandedCost } from "@crossflow/domain";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { validationHook } from "../../validation";
import { errorResponses, IdempotencyHeader, jsonBody, jsonResponse } from "./common.schemas";
import { LandedCostInput, LandedCostResult } from "./landed-cost.schemas";

export const landedCostRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// The shipped dated reference rates; a live provider replaces this in production.
const fxProvider = createReferenceFxProvider();

landedCostRoutes.openapi(
  createRoute({
    method: "post",
    path: "/quotes/landed-cost",
    tags: ["Quotes"],
    summary: "Duty, import VAT/GST and fees for lines, origin, destination and incoterm",
    description:
      "Applies the destination's rules in force on `date` (EU IOSS up to EUR 150 with the EUR 3 flat duty from 2026-07-01, UK up to GBP 135, AU/NZ GST at sale, CA CUSMA thresholds, US without de minimis, CH, NO VOEC, JP, KR, SG, Gulf states), with duty rates from the shipped table or your `dutyOverrides`. Thresholds are compared through dated reference FX rates. A duty rate that is not known is reported with `dutyKnown: false` and a warning, never guessed.",
    request: { headers: IdempotencyHeader, body: jsonBody(LandedCostInput) },
    responses: { 200: jsonResponse(LandedCostResult, "The landed-cost quote"), ...errorResponses },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const date = input.date ?? new Date().toISOString().slice(0, 10);
    const fx = await fxProvider.ratesOn(date);
    try {
      const quote = quoteLandedCost(
        {
          origin: input.origin,
          destination: input.destination,
          incoterm: input.incoterm,
          currency: input.currency,
          date,
          shipping: input.shipping,
          insurance: input.insurance,
          lines: input.lines,
          destinationRegion: input.destinationRegion,
        },
        {
          fx,
          dutyOverrides: input.dutyOverrides,
          iossRegistered: input.iossRegistered,
          voecRegistered: input.voecRegistered,
        },
      );
      return c.json(quote, 200);
    } catch (error) {
      if (error instanceof LandedCostInputError) {
        throw new ApiError("validation_failed", error.message, error.issues);
      }
      throw error;
    }
  },
);
