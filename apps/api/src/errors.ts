import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 409,
  insufficient_stock: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  read_only: 423,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  get status() {
    return ERROR_STATUS[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

export function errorResponse(c: Context, error: ApiError) {
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}

/** The one place where any thrown error becomes the envelope; bad input never yields a 500. */
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorResponse(c, err);
  const domain = err as Error & { code?: string; details?: ErrorDetail[] };
  if (domain.constructor?.name === "DomainConflictError" && domain.code && domain.code in ERROR_STATUS) {
    return errorResponse(c, new ApiError(domain.code as ErrorCode, domain.message, domain.details ?? []));
  }
  if (domain.constructor?.name === "IllegalTransitionError") {
    return errorResponse(c, new ApiError("invalid_state", domain.message));
  }
  if (err instanceof HTTPException) {
    if (err.status === 413) return errorResponse(c, new ApiError("payload_too_large", "The request body is too large"));
    if (err.status === 400)
      return errorResponse(
        c,
        new ApiError("invalid_json", "The request body is not valid JSON", [{ path: "", message: err.message }]),
      );
    return c.json(errorBody("invalid_request", err.message), err.status);
  }
  console.error(`[api] ${c.req.method} ${c.req.path} failed:`, err);
  return errorResponse(c, new ApiError("internal_error", "Something went wrong on our side; it has been logged"));
}
