import type { ChannelConnection, ChannelRuntime } from "./types";

/** A channel API call that failed; `retryable` says whether trying later may help. */
export class ChannelApiError extends Error {
  constructor(
    readonly channel: string,
    message: string,
    readonly status: number,
    readonly body: unknown = null,
    readonly retryable: boolean = status === 429 || status >= 500,
  ) {
    super(`${channel}: ${message}`);
    this.name = "ChannelApiError";
  }
}

/** Credentials missing or malformed on a connection: a setup problem, never retryable. */
export class ChannelConfigError extends Error {
  constructor(
    readonly channel: string,
    message: string,
  ) {
    super(`${channel}: ${message}`);
    this.name = "ChannelConfigError";
  }
}

export function requireCredentials<K extends string>(
  channel: string,
  connection: ChannelConnection,
  keys: readonly K[],
): Record<K, string> {
  const out = {} as Record<K, string>;
  const missing: string[] = [];
  for (const key of keys) {
    const value = (connection.credentials as Record<string, unknown>)[key];
    if (typeof value !== "string" || value.trim() === "") missing.push(key);
    else out[key] = value;
  }
  if (missing.length > 0) throw new ChannelConfigError(channel, `connection is missing ${missing.join(", ")}`);
  return out;
}

export function joinUrl(base: string, path: string, query?: Record<string, string | number | undefined>): string {
  const url = new URL(base.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Seconds (or an HTTP date) from Retry-After as milliseconds, capped. */
export function retryAfterMs(response: Response, now: Date, fallbackMs: number): number {
  const header = response.headers.get("retry-after");
  if (!header) return fallbackMs;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(0, seconds * 1000), 120_000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? fallbackMs : Math.min(Math.max(0, at - now.getTime()), 120_000);
}

export interface JsonRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Attempts for 429 and 5xx before giving up (default 4). */
  attempts?: number;
  /** First backoff; doubles per attempt unless Retry-After says otherwise (default 1 s). */
  backoffMs?: number;
}

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * One JSON call with backoff on 429 and 5xx (Retry-After honoured). Any other non-2xx
 * response is a ChannelApiError carrying the vendor's error body.
 */
export async function requestJson<T = unknown>(
  channel: string,
  runtime: ChannelRuntime,
  url: string,
  request: JsonRequest = {},
): Promise<JsonResponse<T>> {
  const attempts = request.attempts ?? 4;
  let backoff = request.backoffMs ?? 1000;
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    headers["content-type"] ??= "application/json";
  }
  for (let attempt = 1; ; attempt++) {
    const response = await runtime.fetch(url, { method: request.method ?? "GET", headers, body });
    if (response.ok) {
      return { status: response.status, headers: response.headers, body: (await readBody(response)) as T };
    }
    const errorBody = await readBody(response);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= attempts) {
      throw new ChannelApiError(
        channel,
        `${request.method ?? "GET"} ${new URL(url).pathname} answered ${response.status}`,
        response.status,
        errorBody,
      );
    }
    await runtime.sleep(retryAfterMs(response, runtime.now(), backoff));
    backoff *= 2;
  }
}
