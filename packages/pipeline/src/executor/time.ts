const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Parses an Inngest time string ("300ms", "2h45m", "1d") into milliseconds. */
export function parseTimeString(value: string): number | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(trimmed); match; match = part.exec(trimmed)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed = part.lastIndex;
  }
  return consumed === trimmed.length ? total : undefined;
}

/**
 * When a Sleep or a timeout ends: the SDK sends either a time string (relative) or an
 * ISO 8601 date (sleepUntil).
 */
export function resolveDeadline(value: string, now: Date): Date {
  const relative = parseTimeString(value);
  if (relative !== undefined) return new Date(now.getTime() + relative);
  const absolute = Date.parse(value);
  if (Number.isNaN(absolute)) throw new Error(`Invalid time "${value}"`);
  return new Date(absolute);
}

/** Retry-After from the SDK: seconds, or an ISO date (RetryAfterError with a Date). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Exponential backoff with jitter: base·2^(attempt-1), capped, ±20 %. */
export function exponentialBackoff(baseMs: number, maxMs: number): (attempt: number) => number {
  return (attempt) => {
    const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(raw * (0.8 + Math.random() * 0.4));
  };
}
