import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import paypalInternalError from "../../fixtures/payments/paypal/error_internal_server_error.json" with { type: "json" };
import paypalInvalidClient from "../../fixtures/payments/paypal/error_invalid_client.json" with { type: "json" };
import paypalInvalidToken from "../../fixtures/payments/paypal/error_invalid_token.json" with { type: "json" };
import paypalNotFound from "../../fixtures/payments/paypal/error_resource_not_found.json" with { type: "json" };
import paypalToken from "../../fixtures/payments/paypal/oauth2_token.json" with { type: "json" };
import stripeApiError from "../../fixtures/payments/stripe/error_api.json" with { type: "json" };
import stripeInvalidKey from "../../fixtures/payments/stripe/error_invalid_api_key.json" with { type: "json" };
import stripeMissing from "../../fixtures/payments/stripe/error_resource_missing.json" with { type: "json" };
import type { Payload } from "./fake-payloads";

export interface FakePaymentServerOptions {
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  stripeSecretKey?: string;
  paypalClientId?: string;
  paypalClientSecret?: string;
  /** expires_in of issued PayPal tokens. Default: the recorded response's 31668 s. */
  paypalTokenTtlSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  authorization: string | undefined;
  status: number;
  /** Stripe's Idempotency-Key header, when the client sent one. */
  idempotencyKey?: string;
  /** The form-encoded body of a POST to Stripe. */
  body?: string;
}

/** Make the next matching requests fail: an HTTP status with the vendor's error body, or a dropped connection. */
export interface FakeFailure {
  method?: string;
  path: string | RegExp;
  status?: number;
  body?: unknown;
  /** Drop the connection without an answer (a network error for the client). */
  drop?: boolean;
  /** How many requests fail. Default 1; Infinity until reset(). */
  times?: number;
}

export interface FakePaymentServer {
  /** "http://127.0.0.1:PORT": STRIPE_API_BASE and PAYPAL_BASE_URL for the adapters. */
  readonly url: string;
  readonly port: number;
  readonly stripeSecretKey: string;
  readonly paypalClientId: string;
  readonly paypalClientSecret: string;
  /** Every request answered, oldest first. */
  readonly requests: RecordedRequest[];
  readonly stripe: {
    /** Store PaymentIntents and charges (by their `object` field), replacing any with the same id. */
    put(...objects: Payload[]): void;
    /** Refunds created through POST /v1/refunds, oldest first. */
    refunds(): Payload[];
  };
  readonly paypal: {
    putCapture(...captures: Payload[]): void;
    putOrder(...orders: Payload[]): void;
    /** Invalidate every issued token, as PayPal does when an app's credentials are rotated. */
    revokeTokens(): void;
    tokensIssued(): number;
  };
  fail(failure: FakeFailure): void;
  /** Forget stored objects, tokens, failures and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const JSON_HEADERS = { "Content-Type": "application/json" };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "****";
}

/**
 * A local stand-in for the Stripe and PayPal endpoints the payment adapters call, for tests
 * and the demo: GET /v1/payment_intents/{id}, GET /v1/charges/{id} (Bearer secret key),
 * POST /v1/oauth2/token (Basic client id:secret), GET /v2/payments/captures/{id} and
 * GET /v2/checkout/orders/{id} (Bearer issued token). Bodies are the vendors' published shapes.
 */
export async function startFakePaymentServer(options: FakePaymentServerOptions = {}): Promise<FakePaymentServer> {
  const stripeSecretKey = options.stripeSecretKey ?? "sk_test_crossflowFakePaymentServer0000";
  const paypalClientId = options.paypalClientId ?? "AcrossflowFakeClientId";
  const paypalClientSecret = options.paypalClientSecret ?? "EcrossflowFakeClientSecret";
  const tokenTtl = options.paypalTokenTtlSeconds ?? paypalToken.expires_in;

  const paymentIntents = new Map<string, Payload>();
  const charges = new Map<string, Payload>();
  const captures = new Map<string, Payload>();
  const orders = new Map<string, Payload>();
  const refunds = new Map<string, Payload>();
  const refundsByIdempotencyKey = new Map<string, Payload>();
  const postedBodies = new WeakMap<IncomingMessage, string>();
  const tokens = new Map<string, number>();
  let tokensIssued = 0;
  let failures: Array<FakeFailure & { left: number }> = [];
  const requests: RecordedRequest[] = [];

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { ...JSON_HEADERS, ...headers });
    response.end(JSON.stringify(body));
  }

  function stripeAnswer(request: IncomingMessage, response: ServerResponse, status: number, body: unknown) {
    send(response, status, body, {
      "Request-Id": `req_${randomBytes(7).toString("hex")}`,
      "Stripe-Version": String(request.headers["stripe-version"] ?? "2026-10-28.endive"),
    });
  }

  function paypalAnswer(response: ServerResponse, status: number, body: unknown) {
    send(response, status, body, { "Paypal-Debug-Id": randomBytes(7).toString("hex") });
  }

  function handleStripe(request: IncomingMessage, response: ServerResponse, url: URL) {
    const auth = request.headers.authorization;
    if (!auth?.startsWith("Bearer ")) {
      return stripeAnswer(request, response, 401, {
        error: {
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
          type: "invalid_request_error",
        },
      });
    }
    const key = auth.slice("Bearer ".length);
    if (key !== stripeSecretKey) {
      return stripeAnswer(request, response, 401, {
        error: { ...stripeInvalidKey.error, message: `Invalid API Key provided: ${maskKey(key)}` },
      });
    }
    if (url.pathname === "/v1/refunds" && request.method === "POST") return createRefund(request, response);
    const match = /^\/v1\/(payment_intents|charges)\/([^/]+)$/.exec(url.pathname);
    if (!match || request.method !== "GET") {
      return stripeAnswer(request, response, 404, {
        error: {
          message: `Unrecognized request URL (${request.method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          type: "invalid_request_error",
        },
      });
    }
    const [, collection, rawId] = match;
    const id = decodeURIComponent(rawId!);
    const store = collection === "payment_intents" ? paymentIntents : charges;
    const found = store.get(id);
    if (!found) {
      const kind = collection === "payment_intents" ? "payment_intent" : "charge";
      return stripeAnswer(request, response, 404, {
        error: {
          ...stripeMissing.error,
          message: `No such ${kind}: '${id}'`,
          param: kind === "payment_intent" ? "intent" : "id",
        },
      });
    }
    const expand = [...url.searchParams.entries()].filter(([k]) => /^expand(\[\d*\])?$/.test(k)).map(([, v]) => v);
    const body = structuredClone(found);
    if ("latest_charge" in body) {
      const chargeId =
        typeof body.latest_charge === "object" && body.latest_charge !== null
          ? String((body.latest_charge as Payload).id)
          : (body.latest_charge as string | null);
      const charge = chargeId ? charges.get(chargeId) : undefined;
      body.latest_charge = expand.includes("latest_charge") && charge ? structuredClone(charge) : chargeId;
    }
    return stripeAnswer(request, response, 200, body);
  }

  /** POST /v1/refunds as Stripe answers it: against a stored PaymentIntent or charge, replayed per Idempotency-Key. */
  async function createRefund(request: IncomingMessage, response: ServerResponse) {
    const raw = await readBody(request);
    postedBodies.set(request, raw);
    const form = new URLSearchParams(raw);
    const key = request.headers["idempotency-key"];
    const replay = typeof key === "string" ? refundsByIdempotencyKey.get(key) : undefined;
    if (replay) return stripeAnswer(request, response, 200, replay);
    const intentId = form.get("payment_intent");
    const chargeId = form.get("charge");
    const intent = intentId ? paymentIntents.get(intentId) : undefined;
    const charge = chargeId ? charges.get(chargeId) : undefined;
    if ((intentId && !intent) || (chargeId && !charge) || (!intentId && !chargeId)) {
      const param = intentId ? "payment_intent" : "charge";
      return stripeAnswer(request, response, 404, {
        error: { ...stripeMissing.error, message: `No such ${param}: '${intentId ?? chargeId ?? ""}'`, param },
      });
    }
    const paid = Number(
      intent ? (intent.amount_received ?? intent.amount) : (charge!.amount_captured ?? charge!.amount),
    );
    const target = intent ? String(intent.id) : String(charge!.id);
    const already = [...refunds.values()]
      .filter((r) => r.payment_intent === target || r.charge === target)
      .reduce((sum, r) => sum + Number(r.amount), 0);
    const amount = form.has("amount") ? Number(form.get("amount")) : paid - already;
    if (!Number.isInteger(amount) || amount < 1 || amount > paid - already) {
      return stripeAnswer(request, response, 400, {
        error: {
          code: "amount_too_large",
          message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${paid - already})`,
          param: "amount",
          type: "invalid_request_error",
        },
      });
    }
    const metadata: Record<string, string> = {};
    for (const [k, v] of form) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    const latest = intent?.latest_charge;
    const refund: Payload = {
      id: `re_${randomBytes(12).toString("base64url")}`,
      object: "refund",
      amount,
      balance_transaction: `txn_${randomBytes(12).toString("base64url")}`,
      charge: charge
        ? String(charge.id)
        : typeof latest === "string"
          ? latest
          : ((latest as Payload | null)?.id ?? null),
      created: Math.floor(Date.now() / 1000),
      currency: String((intent ?? charge)!.currency),
      metadata,
      payment_intent: intent ? String(intent.id) : (charge!.payment_intent ?? null),
      reason: form.get("reason"),
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    };
    refunds.set(String(refund.id), refund);
    if (typeof key === "string") refundsByIdempotencyKey.set(key, refund);
    return stripeAnswer(request, response, 200, refund);
  }

  async function handlePayPal(request: IncomingMessage, response: ServerResponse, url: URL) {
    if (url.pathname === "/v1/oauth2/token" && request.method === "POST") {
      const body = new URLSearchParams(await readBody(request));
      const auth = request.headers.authorization ?? "";
      const decoded = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString("utf8") : "";
      if (decoded !== `${paypalClientId}:${paypalClientSecret}`)
        return paypalAnswer(response, 401, paypalInvalidClient);
      if (body.get("grant_type") !== "client_credentials") {
        return paypalAnswer(response, 400, {
          error: "unsupported_grant_type",
          error_description: "Grant Type is NULL",
        });
      }
      const token = `A21AA${randomBytes(36).toString("base64url")}`;
      tokens.set(token, Date.now() + tokenTtl * 1000);
      tokensIssued++;
      return paypalAnswer(response, 200, {
        ...paypalToken,
        access_token: token,
        expires_in: tokenTtl,
        nonce: `${new Date().toISOString().slice(0, 19)}Z${randomBytes(16).toString("base64url")}`,
      });
    }
    const auth = request.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined || expiresAt <= Date.now()) return paypalAnswer(response, 401, paypalInvalidToken);

    const match = /^\/v2\/(payments\/captures|checkout\/orders)\/([^/]+)$/.exec(url.pathname);
    if (!match || request.method !== "GET") {
      return paypalAnswer(response, 404, {
        name: "NOT_FOUND",
        message: "The specified resource does not exist.",
        debug_id: randomBytes(7).toString("hex"),
      });
    }
    const [, collection, rawId] = match;
    const id = decodeURIComponent(rawId!);
    const found = (collection === "payments/captures" ? captures : orders).get(id);
    if (!found) {
      const details =
        collection === "checkout/orders"
          ? paypalNotFound.details.map((d) => ({ field: "order_id", value: id, location: "path", ...d }))
          : paypalNotFound.details;
      return paypalAnswer(response, 404, { ...paypalNotFound, details, debug_id: randomBytes(7).toString("hex") });
    }
    return paypalAnswer(response, 200, found);
  }

  function injectedFailure(request: IncomingMessage, path: string) {
    const failure = failures.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method.toUpperCase() === request.method) &&
        (typeof f.path === "string" ? path.startsWith(f.path) : f.path.test(path)),
    );
    if (failure) failure.left--;
    return failure;
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    const isPayPal = url.pathname.startsWith("/v2/") || url.pathname === "/v1/oauth2/token";
    response.on("finish", () =>
      requests.push({
        method: request.method ?? "GET",
        path: url.pathname,
        query: url.search,
        authorization: request.headers.authorization,
        status: response.statusCode,
        ...(typeof request.headers["idempotency-key"] === "string"
          ? { idempotencyKey: request.headers["idempotency-key"] }
          : {}),
        ...(postedBodies.has(request) ? { body: postedBodies.get(request) } : {}),
      }),
    );
    const failure = injectedFailure(request, url.pathname);
    if (failure?.drop) {
      request.socket.destroy();
      return;
    }
    if (failure) {
      const status = failure.status ?? 500;
      const body = failure.body ?? (isPayPal ? paypalInternalError : stripeApiError);
      return isPayPal ? paypalAnswer(response, status, body) : stripeAnswer(request, response, status, body);
    }
    const handled = isPayPal ? handlePayPal(request, response, url) : handleStripe(request, response, url);
    Promise.resolve(handled).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: String(error) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;

  const byId = (store: Map<string, Payload>, objects: Payload[]) => {
    for (const object of objects) store.set(String(object.id), structuredClone(object));
  };

  return {
    url: `http://${address}:${port}`,
    port,
    stripeSecretKey,
    paypalClientId,
    paypalClientSecret,
    requests,
    stripe: {
      put(...objects) {
        for (const object of objects) {
          if (object.object === "payment_intent") byId(paymentIntents, [object]);
          else if (object.object === "charge") byId(charges, [object]);
          else
            throw new Error(`The fake Stripe stores payment_intent and charge objects, not ${String(object.object)}`);
        }
      },
      refunds: () => [...refunds.values()].map((r) => structuredClone(r)),
    },
    paypal: {
      putCapture: (...objects) => byId(captures, objects),
      putOrder: (...objects) => byId(orders, objects),
      revokeTokens: () => tokens.clear(),
      tokensIssued: () => tokensIssued,
    },
    fail(failure) {
      failures.push({ ...failure, left: failure.times ?? 1 });
    },
    reset() {
      for (const store of [paymentIntents, charges, captures, orders, refunds, refundsByIdempotencyKey]) store.clear();
      tokens.clear();
      tokensIssued = 0;
      failures = [];
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
