/** A write the caller asked for that the data does not allow (maps to a 4xx at the edge). */
export class DomainConflictError extends Error {
  constructor(
    readonly code: "insufficient_stock" | "conflict" | "invalid_state" | "not_found" | "validation_failed",
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export function isCheckViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === "23514" || e?.cause?.code === "23514";
}
