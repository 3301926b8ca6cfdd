import type { Hook } from "@hono/zod-openapi";
import type { z } from "zod";
import { ApiError, type ErrorDetail } from "./errors";

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

/** Every zod-openapi validation failure becomes a 400 naming the fields at fault. */
// biome-ignore lint/suspicious/noExplicitAny: shared by every route
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) {
    const details = zodDetails(result.error as z.ZodError);
    const fields = details.map((d) => d.path).join(", ");
    throw new ApiError("validation_failed", `Invalid request: ${fields}`, details);
  }
};
