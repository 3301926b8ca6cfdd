import { CarrierError, type CarrierTransportOptions } from "./types";

export interface CarrierResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body as JSON; undefined when it is empty or not JSON. */
  body: unknown;
}

export interface CarrierRequest {
  headers?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: string;
}

export interface CarrierHttp {
  readonly baseUrl: string;
  request(method: string, path: string, init?: CarrierRequest): Promise<CarrierResponse>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Throttling and the server's own failures are worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * fetch with the carrier's base URL, a timeout, and retries with exponential backoff (0.5 s,
 * 1 s, 2 s…, or the server's Retry-After) on 429, 5xx and network errors. Any other status is
 * returned to the adapter, which knows the vendor's error shape.
 */
export function createCarrierHttp(
  carrier: string,
  defaultBaseUrl: string,
  options: CarrierTransportOptions = {},
): CarrierHttp {
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;

  return {
    baseUrl,
    async request(method, path, init = {}) {
      const url = new URL(baseUrl + path);
      for (const [key, value] of Object.entries(init.query ?? {}))
        if (value !== undefined) url.searchParams.set(key, value);
      for (let attempt = 0; ; attempt += 1) {
        const backoff = 500 * 2 ** attempt;
        let response: Response;
        try {
          response = await doFetch(url, {
            method,
            headers: init.headers,
            body: init.body,
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (cause) {
          if (attempt < maxRetries) {
            await sleep(backoff);
            continue;
          }
          throw new CarrierError(`${carrier}: ${method} ${path} failed: ${(cause as Error).message}`, {
            carrier,
            retryable: true,
            cause,
          });
        }
        if (isRetryableStatus(response.status) && attempt < maxRetries) {
          await response.body?.cancel();
          await sleep(retryAfterMs(response.headers) ?? backoff);
          continue;
        }
        const text = await response.text();
        return { status: response.status, headers: response.headers, text, body: parseBody(text) };
      }
    },
  };
}

/** The vendor's answer as a CarrierError: `describe` pulls the vendor's message and code out of its error body. */
export function carrierFailure(
  carrier: string,
  what: string,
  response: CarrierResponse,
  describe: (body: unknown) => { message?: string; code?: string } = () => ({}),
): CarrierError {
  const { message, code } = describe(response.body);
  return new CarrierError(`${carrier}: ${what} failed with HTTP ${response.status}${message ? `: ${message}` : ""}`, {
    carrier,
    status: response.status,
    code,
    retryable: isRetryableStatus(response.status),
  });
}

export function base64ToBytes(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, "base64"));
}
