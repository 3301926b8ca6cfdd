import { decimalToMinorUnits } from "@crossflow/domain";
import {
  isRetryableStatus,
  PaymentVerificationError,
  type PaymentVerifier,
  type Verification,
  type VerifyPaymentInput,
} from "./types";

export const PAYPAL_SANDBOX_BASE_URL = "https://api-m.sandbox.paypal.com";
export const PAYPAL_LIVE_BASE_URL = "https://api-m.paypal.com";

export interface PayPalVerifierConfig {
  clientId: string;
  clientSecret: string;
  /** Default: the sandbox. Live is https://api-m.paypal.com; tests point it at the local fake. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Clock in milliseconds, for the token's expiry. */
  now?: () => number;
}

interface PayPalMoney {
  currency_code: string;
  value: string;
}

export interface PayPalCapture {
  id: string;
  status: string;
  status_details?: { reason?: string };
  amount: PayPalMoney;
  create_time?: string;
  update_time?: string;
}

interface PayPalAuthorization {
  id: string;
  status: string;
  amount: PayPalMoney;
}

export interface PayPalOrder {
  id: string;
  status: string;
  intent?: string;
  purchase_units?: Array<{
    amount: PayPalMoney;
    payments?: { captures?: PayPalCapture[]; authorizations?: PayPalAuthorization[] };
  }>;
}

const PROVIDER = "paypal";
const DISPUTE_REASONS = new Set(["BUYER_COMPLAINT", "CHARGEBACK"]);

function readableReason(reason: string | undefined): string | undefined {
  return reason ? reason.toLowerCase().replaceAll("_", " ") : undefined;
}

function minor(money: PayPalMoney): { amount: number; currency: string } {
  const currency = money.currency_code.toUpperCase();
  return { amount: decimalToMinorUnits(money.value, currency), currency };
}

export function captureVerification(capture: PayPalCapture): Verification {
  const base: Verification = {
    status: "pending",
    ...minor(capture.amount),
    source: `PayPal capture ${capture.id}`,
    providerStatus: capture.status,
  };
  const reason = capture.status_details?.reason;
  switch (capture.status) {
    case "COMPLETED":
      return {
        ...base,
        status: "succeeded",
        capturedAt: capture.create_time ? new Date(capture.create_time).toISOString() : undefined,
      };
    case "PENDING":
      return reason && DISPUTE_REASONS.has(reason)
        ? { ...base, status: "disputed", detail: readableReason(reason) }
        : { ...base, status: "pending", detail: readableReason(reason) };
    case "DECLINED":
    case "FAILED":
      return { ...base, status: "failed", detail: readableReason(reason) ?? capture.status.toLowerCase() };
    case "REFUNDED":
      return { ...base, status: "refunded", amountRefunded: base.amount };
    case "PARTIALLY_REFUNDED":
      return { ...base, status: "partially_refunded" };
    default:
      return { ...base, status: "pending", detail: `PayPal status ${capture.status}` };
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Several captures on one order: the worst news wins, then what was actually captured. */
function capturesVerification(base: Verification, captures: readonly PayPalCapture[]): Verification {
  const checked = captures.map(captureVerification);
  const withStatus = (...statuses: Verification["status"][]) => checked.filter((c) => statuses.includes(c.status));
  const providerStatus = `${base.providerStatus}; captures ${checked.map((c) => c.providerStatus).join(", ")}`;
  const disputed = withStatus("disputed")[0];
  if (disputed) return { ...base, providerStatus, status: "disputed", detail: disputed.detail };
  if (withStatus("refunded").length === checked.length) {
    return { ...base, providerStatus, status: "refunded", amountRefunded: sum(checked.map((c) => c.amount)) };
  }
  if (withStatus("refunded", "partially_refunded").length > 0) {
    return { ...base, providerStatus, status: "partially_refunded" };
  }
  const pending = withStatus("pending")[0];
  if (pending) return { ...base, providerStatus, status: "pending", detail: pending.detail };
  const completed = withStatus("succeeded");
  if (completed.length > 0) {
    const capturedAt = completed
      .map((c) => c.capturedAt)
      .filter((at): at is string => at !== undefined)
      .sort()
      .at(-1);
    return { ...base, providerStatus, status: "succeeded", amount: sum(completed.map((c) => c.amount)), capturedAt };
  }
  return { ...base, providerStatus, status: "failed", detail: checked[0]?.detail };
}

function authorizationsVerification(base: Verification, authorizations: readonly PayPalAuthorization[]): Verification {
  const providerStatus = `${base.providerStatus}; authorizations ${authorizations.map((a) => a.status).join(", ")}`;
  const open = authorizations.filter((a) => a.status === "CREATED" || a.status === "PARTIALLY_CAPTURED");
  if (open.length > 0) {
    return { ...base, providerStatus, status: "authorized", amount: sum(open.map((a) => minor(a.amount).amount)) };
  }
  const statuses = new Set(authorizations.map((a) => a.status));
  if (statuses.has("PENDING")) return { ...base, providerStatus, status: "pending" };
  if (statuses.has("CAPTURED")) return { ...base, providerStatus, status: "succeeded" };
  if (statuses.has("DENIED")) return { ...base, providerStatus, status: "failed", detail: "authorization denied" };
  return { ...base, providerStatus, status: "canceled", detail: "authorization voided or expired" };
}

export function orderVerification(order: PayPalOrder): Verification {
  const units = order.purchase_units ?? [];
  const first = units[0];
  if (!first) throw new Error(`PayPal order ${order.id} has no purchase units`);
  const amounts = units.map((unit) => minor(unit.amount));
  const base: Verification = {
    status: "pending",
    amount: sum(amounts.map((a) => a.amount)),
    currency: amounts[0]!.currency,
    source: `PayPal order ${order.id}`,
    providerStatus: order.status,
  };
  const captures = units.flatMap((unit) => unit.payments?.captures ?? []);
  if (captures.length > 0) return capturesVerification(base, captures);
  const authorizations = units.flatMap((unit) => unit.payments?.authorizations ?? []);
  if (authorizations.length > 0) return authorizationsVerification(base, authorizations);
  switch (order.status) {
    case "CREATED":
    case "SAVED":
    case "PAYER_ACTION_REQUIRED":
      return { ...base, status: "requires_action", detail: "the buyer has not approved the payment yet" };
    case "APPROVED":
      return { ...base, status: "pending", detail: "approved by the buyer but not captured yet" };
    case "VOIDED":
      return { ...base, status: "canceled", detail: "the order was voided" };
    default:
      return { ...base, status: "pending", detail: `PayPal order status ${order.status} without a capture` };
  }
}

function parseReference(reference: string): { kind: "capture" | "order" | "either"; id: string } {
  const match = /^(capture|order)s?[:/](.+)$/i.exec(reference);
  if (!match) return { kind: "either", id: reference };
  return { kind: match[1]!.toLowerCase() as "capture" | "order", id: match[2]!.trim() };
}

function isCapture(body: unknown): body is PayPalCapture {
  const b = body as PayPalCapture | null;
  return typeof b?.id === "string" && typeof b.status === "string" && typeof b.amount?.value === "string";
}

function isOrder(body: unknown): body is PayPalOrder {
  const b = body as PayPalOrder | null;
  return typeof b?.id === "string" && typeof b.status === "string" && Array.isArray(b.purchase_units);
}

/**
 * Reads captures (GET /v2/payments/captures/{id}) and orders (GET /v2/checkout/orders/{id})
 * with an OAuth2 client-credentials token that is fetched once and reused until it expires.
 */
export function createPayPalPaymentVerifier(config: PayPalVerifierConfig): PaymentVerifier {
  const baseUrl = (config.baseUrl ?? PAYPAL_SANDBOX_BASE_URL).replace(/\/+$/, "");
  const doFetch = config.fetch ?? fetch;
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? 20_000;
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  const fail = (message: string, retryable: boolean, status?: number, cause?: unknown) =>
    new PaymentVerificationError(message, { provider: PROVIDER, retryable, status, cause });

  async function send(url: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw fail(`PayPal could not be reached for ${what}: ${(error as Error).message}`, true, undefined, error);
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (error) {
      if (response.ok) throw fail(`PayPal sent an unreadable answer for ${what}`, false, response.status, error);
    }
    return { status: response.status, body };
  }

  async function requestToken(): Promise<string> {
    const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
    const { status, body } = await send(
      `${baseUrl}/v1/oauth2/token`,
      {
        method: "POST",
        headers: {
          Authorization: `Basic ${basic}`,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: "grant_type=client_credentials",
      },
      "an access token",
    );
    if (status === 401 || status === 403) {
      throw fail("PayPal rejected the client id and secret (PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET)", false, status);
    }
    if (status !== 200)
      throw fail(`PayPal's token endpoint answered HTTP ${status}`, isRetryableStatus(status), status);
    const { access_token: token, expires_in: expiresIn } = (body ?? {}) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (typeof token !== "string" || typeof expiresIn !== "number") {
      throw fail("PayPal's token endpoint answered without an access_token and expires_in", false, status);
    }
    // Renew a minute early (or at half-life for short tokens) so no request carries a token that expires in flight.
    const margin = Math.min(60, Math.floor(expiresIn / 2));
    cached = { token, expiresAt: now() + (expiresIn - margin) * 1000 };
    return token;
  }

  function accessToken(): Promise<string> {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
    inflight ??= requestToken().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  async function get(path: string, what: string): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken();
      const answer = await send(
        `${baseUrl}${path}`,
        { method: "GET", headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } },
        what,
      );
      // A token PayPal revoked before its expiry: fetch a new one, once.
      if (answer.status === 401 && attempt === 0) {
        if (cached?.token === token) cached = null;
        continue;
      }
      return answer;
    }
  }

  async function fetchObject<T>(
    kind: "capture" | "order",
    id: string,
    valid: (body: unknown) => body is T,
  ): Promise<T | null> {
    const path = kind === "capture" ? `/v2/payments/captures/` : `/v2/checkout/orders/`;
    const what = `${kind} ${id}`;
    const { status, body } = await get(`${path}${encodeURIComponent(id)}`, what);
    if (status === 404) return null;
    if (status === 401 || status === 403) {
      throw fail(
        `PayPal refused to show ${what} (HTTP ${status}): check the app's credentials and permissions`,
        false,
        status,
      );
    }
    if (status !== 200) throw fail(`PayPal answered HTTP ${status} for ${what}`, isRetryableStatus(status), status);
    if (!valid(body)) throw fail(`PayPal's answer for ${what} is not a ${kind}`, false, status);
    return body;
  }

  function convert(map: () => Verification, what: string): Verification {
    try {
      return map();
    } catch (error) {
      throw fail(`PayPal's ${what} could not be read: ${(error as Error).message}`, false, 200, error);
    }
  }

  return {
    async verify(input: VerifyPaymentInput) {
      const reference = input.reference?.trim();
      if (!reference) return null;
      const { kind, id } = parseReference(reference);
      const notFound = (source: string, detail?: string): Verification => ({
        status: "not_found",
        amount: 0,
        currency: input.currency.toUpperCase(),
        source,
        detail,
      });
      if (kind !== "order") {
        const capture = await fetchObject("capture", id, isCapture);
        if (capture) return convert(() => captureVerification(capture), `capture ${id}`);
        if (kind === "capture") return notFound(`PayPal capture ${id}`);
      }
      const order = await fetchObject("order", id, isOrder);
      if (order) return convert(() => orderVerification(order), `order ${id}`);
      return kind === "order"
        ? notFound(`PayPal order ${id}`)
        : notFound(`PayPal payment ${id}`, "neither a capture nor an order");
    },
  };
}
