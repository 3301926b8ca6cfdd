import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (throws if it is not). */
  json<T = Record<string, unknown>>(): T;
  /** The body parsed as application/x-www-form-urlencoded. */
  form(): URLSearchParams;
}

export interface FakeReply {
  status?: number;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: FakeRequest, params: string[]) => FakeReply | Promise<FakeReply>;

export interface FakeCarrierServer {
  /** "http://127.0.0.1:PORT": the base URL adapters are pointed at. */
  readonly url: string;
  /** Every request received, oldest first (also the ones that were made to fail). */
  readonly requests: FakeRequest[];
  /** Answer METHOD path with the handler; a RegExp path hands its capture groups to the handler. */
  route(method: string, path: string | RegExp, handler: FakeHandler): void;
  /** Make the next `times` matching requests answer with this reply (a 429, a 503…) before the routes see them. */
  failNext(method: string, path: string | RegExp, reply: FakeReply, times?: number): void;
  /** Requests made to a path (string: exact, RegExp: match). */
  requestsTo(method: string, path: string | RegExp): FakeRequest[];
  reset(): void;
  close(): Promise<void>;
}

interface Route {
  method: string;
  path: string | RegExp;
  handler: FakeHandler;
}

interface Failure {
  method: string;
  path: string | RegExp;
  reply: FakeReply;
  left: number;
}

function matches(path: string | RegExp, actual: string): string[] | null {
  if (typeof path === "string") return path === actual ? [] : null;
  const match = path.exec(actual);
  return match ? match.slice(1).map((group) => decodeURIComponent(group ?? "")) : null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, reply: FakeReply): void {
  const status = reply.status ?? 200;
  const headers = { ...reply.headers };
  let body: string | Uint8Array = "";
  if (typeof reply.body === "string" || reply.body instanceof Uint8Array) body = reply.body;
  else if (reply.body !== undefined) {
    body = JSON.stringify(reply.body);
    headers["content-type"] ??= "application/json";
  }
  response.writeHead(status, headers);
  response.end(body);
}

/**
 * A local HTTP server standing in for a carrier's API. Carrier fakes (`<carrier>/fake.ts`)
 * register routes that check authentication and the request's shape the way the vendor does,
 * and answer with the recorded payloads in `<carrier>/fixtures`.
 */
export async function startFakeCarrierServer(): Promise<FakeCarrierServer> {
  const routes: Route[] = [];
  let failures: Failure[] = [];
  const requests: FakeRequest[] = [];

  const server = createServer(async (incoming, response) => {
    try {
      const url = new URL(incoming.url ?? "/", "http://fake");
      const body = await readBody(incoming);
      const request: FakeRequest = {
        method: incoming.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        json: <T>() => JSON.parse(body) as T,
        form: () => new URLSearchParams(body),
      };
      requests.push(request);
      const failure = failures.find((f) => f.method === request.method && matches(f.path, request.path) && f.left > 0);
      if (failure) {
        failure.left -= 1;
        send(response, failure.reply);
        return;
      }
      for (const route of routes) {
        if (route.method !== request.method) continue;
        const params = matches(route.path, request.path);
        if (params) {
          send(response, await route.handler(request, params));
          return;
        }
      }
      send(response, { status: 404, body: { error: `no fake route for ${request.method} ${request.path}` } });
    } catch (error) {
      send(response, { status: 500, body: { error: (error as Error).message } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(method, path, handler) {
      routes.push({ method, path, handler });
    },
    failNext(method, path, reply, times = 1) {
      failures.push({ method, path, reply, left: times });
    },
    requestsTo(method, path) {
      return requests.filter((r) => r.method === method && matches(path, r.path) !== null);
    },
    reset() {
      failures = [];
      requests.length = 0;
    },
    close() {
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Decodes `Authorization: Basic …` into [user, password]. */
export function basicCredentials(header: string | undefined): [string, string] | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1] ?? null;
}

/** Test sleep: records the waits and resolves at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Bearer tokens a fake OAuth endpoint has issued; revoking them makes the next API call a 401. */
export class FakeTokenIssuer {
  private readonly valid = new Set<string>();
  issued = 0;

  constructor(private readonly prefix: string) {}

  issue(): string {
    this.issued += 1;
    const token = `${this.prefix}-token-${this.issued}`;
    this.valid.add(token);
    return token;
  }

  accepts(authorization: string | undefined): boolean {
    const token = bearerToken(authorization);
    return token !== null && this.valid.has(token);
  }

  /** As when the vendor rotates the app's credentials: every issued token stops working. */
  revokeAll(): void {
    this.valid.clear();
  }
}
