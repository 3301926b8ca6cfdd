import { isCountry, isCurrency } from "@crossflow/domain";
import { z } from "@hono/zod-openapi";

export const CountryCode = z
  .string()
  .refine(isCountry, { message: "must be an ISO 3166-1 alpha-2 country code, upper case (e.g. DE)" })
  .openapi({ example: "DE" });

export const CurrencyCode = z
  .string()
  .refine(isCurrency, { message: "must be an ISO 4217 currency code, upper case (e.g. EUR)" })
  .openapi({ example: "EUR" });

export const MinorUnits = z
  .number()
  .int({ message: "must be an integer amount in minor units (cents), not a decimal" })
  .min(0)
  .max(1_000_000_000_00)
  .openapi({ description: "integer amount in minor units of the currency", example: 1999 });

const text = (max: number) => z.string().trim().min(1).max(max);

export const Address = z
  .object({
    name: text(200),
    company: z.string().max(200).optional(),
    line1: text(300),
    line2: z.string().max(300).optional(),
    city: text(200),
    region: z.string().max(100).optional(),
    postalCode: z.string().max(20).optional(),
    country: CountryCode,
    phone: z.string().max(40).optional(),
    taxId: z
      .string()
      .trim()
      .max(40)
      .optional()
      .openapi({ description: "Recipient's customs/tax id where the destination requires one (KR PCCC, BR CPF…)" }),
  })
  .openapi("Address");

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorEnvelope } };
export const errorResponses = {
  400: { description: "Invalid input; `details` names each field at fault", content: errorContent },
  401: { description: "Missing or invalid API key", content: errorContent },
  404: { description: "Not found (also for another tenant's resources)", content: errorContent },
  409: { description: "Conflict (state, stock, or Idempotency-Key reuse)", content: errorContent },
  413: { description: "Request body too large", content: errorContent },
} as const;

export const IdempotencyHeader = z.object({
  "idempotency-key": z.string().optional().openapi({
    description: "Retry-safe writes: the same key and body replay the first answer; another body is a 409",
  }),
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
