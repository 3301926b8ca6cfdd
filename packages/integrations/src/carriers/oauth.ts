import type { CarrierHttp, CarrierResponse } from "./http";

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/**
 * OAuth client-credentials tokens per client id, reused until shortly before they expire.
 * Concurrent callers share one token request.
 */
export class TokenCache {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Renew this long before the stated expiry, so a token never dies mid-request. */
    private readonly marginMs = 60_000,
  ) {}

  async get(key: string, issue: () => Promise<IssuedToken>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.token;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const request = issue()
      .then((issued) => {
        const lifetime = Math.max(0, issued.expiresInSeconds * 1000 - this.marginMs);
        this.tokens.set(key, { token: issued.accessToken, expiresAt: this.now() + lifetime });
        return issued.accessToken;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, request);
    return request;
  }

  invalidate(key: string): void {
    this.tokens.delete(key);
  }
}

/**
 * Calls the API with a cached bearer token; on 401 the token is dropped, a new one fetched and
 * the call made once more (a token revoked or rotated before its stated expiry).
 */
export async function withBearerToken(
  cache: TokenCache,
  key: string,
  issue: () => Promise<IssuedToken>,
  call: (token: string) => Promise<CarrierResponse>,
): Promise<CarrierResponse> {
  const first = await call(await cache.get(key, issue));
  if (first.status !== 401) return first;
  cache.invalidate(key);
  return call(await cache.get(key, issue));
}

export type { CarrierHttp };
