import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import { ChannelApiError, joinUrl, requestJson, requireCredentials } from "../http";
import { asArray, asObject, type Json, text } from "../mapping";
import { bodyBytes, headerValue, parseJson } from "../signatures";
import {
  type ChannelAdapter,
  type ChannelConnection,
  type ChannelRuntime,
  type ChannelWebhookEvent,
  type PullOrdersRequest,
  type PullOrdersResult,
  runtimeWith,
  type ShipmentConfirmation,
  type StockLevel,
  type StockPushResult,
} from "../types";
import { mapEbayOrder } from "./map";

export { mapEbayOrder } from "./map";

export const EBAY_API_BASE = "https://api.ebay.com";
const SELL_SCOPES = [
  "https://api.ebay.com/oauth/api_scope/sell.fulfillment",
  "https://api.ebay.com/oauth/api_scope/sell.inventory",
].join(" ");

/** What the Notification API's getPublicKey returns for a kid. */
export interface EbayPublicKey {
  key: string;
  algorithm?: string;
  digest?: string;
}

export type EbayPublicKeyLookup = (kid: string, credentials: Record<string, string>) => Promise<EbayPublicKey | null>;

/** eBay returns the key as one line between the PEM markers; node wants 64-character lines. */
export function toPem(key: string): string {
  const body = key.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----\n`;
}

/** The challenge response eBay expects when it validates a notification endpoint. */
export function ebayChallengeResponse(challengeCode: string, verificationToken: string, endpointUrl: string): string {
  return createHash("sha256").update(challengeCode).update(verificationToken).update(endpointUrl).digest("hex");
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

export function createEbayAdapter(
  overrides: Partial<ChannelRuntime> & { publicKeyLookup?: EbayPublicKeyLookup } = {},
): ChannelAdapter {
  const runtime = runtimeWith(overrides);
  const tokens = new Map<string, CachedToken>();
  const publicKeys = new Map<string, EbayPublicKey>();

  async function oauth(base: string, clientId: string, clientSecret: string, form: Record<string, string>) {
    const key = `${base}:${clientId}:${form.grant_type}:${form.refresh_token ?? ""}`;
    const cached = tokens.get(key);
    if (cached && cached.expiresAt > runtime.now().getTime()) return cached.accessToken;
    const response = await requestJson<Json>("ebay", runtime, joinUrl(base, "/identity/v1/oauth2/token"), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form).toString(),
    });
    const token = text(response.body.access_token);
    if (!token) throw new ChannelApiError("ebay", "OAuth answered without an access_token", 502, response.body);
    const lifetime = typeof response.body.expires_in === "number" ? response.body.expires_in : 7200;
    tokens.set(key, { accessToken: token, expiresAt: runtime.now().getTime() + (lifetime - 60) * 1000 });
    return token;
  }

  function base(connection: ChannelConnection): string {
    return connection.baseUrl ?? text(connection.settings?.apiBase) ?? EBAY_API_BASE;
  }

  async function userToken(connection: ChannelConnection): Promise<string> {
    const c = requireCredentials("ebay", connection, ["clientId", "clientSecret", "refreshToken"]);
    return oauth(base(connection), c.clientId, c.clientSecret, {
      grant_type: "refresh_token",
      refresh_token: c.refreshToken,
      scope: SELL_SCOPES,
    });
  }

  async function call<T = Json>(
    connection: ChannelConnection,
    path: string,
    init: { method?: string; query?: Record<string, string | number | undefined>; body?: unknown } = {},
  ) {
    const token = await userToken(connection);
    return requestJson<T>("ebay", runtime, joinUrl(base(connection), path, init.query), {
      method: init.method,
      headers: { authorization: `Bearer ${token}`, "content-language": "en-US" },
      body: init.body,
    });
  }

  /** Notification API getPublicKey with an application (client credentials) token, cached by kid. */
  const defaultLookup: EbayPublicKeyLookup = async (kid, credentials) => {
    const baseUrl = credentials.apiBase ?? EBAY_API_BASE;
    if (!credentials.clientId || !credentials.clientSecret) return null;
    const token = await oauth(baseUrl, credentials.clientId, credentials.clientSecret, {
      grant_type: "client_credentials",
      scope: "https://api.ebay.com/oauth/api_scope",
    });
    const response = await requestJson<Json>(
      "ebay",
      runtime,
      joinUrl(baseUrl, `/commerce/notification/v1/public_key/${encodeURIComponent(kid)}`),
      { headers: { authorization: `Bearer ${token}` } },
    );
    const key = text(response.body.key);
    return key ? { key, algorithm: text(response.body.algorithm), digest: text(response.body.digest) } : null;
  };
  const lookup = overrides.publicKeyLookup ?? defaultLookup;

  async function pullOrders(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult> {
    const since = request.since ?? new Date(runtime.now().getTime() - 30 * 24 * 3600 * 1000);
    let modifiedAfter = since.toISOString();
    let offset = 0;
    if (request.cursor) {
      try {
        const parsed = asObject(JSON.parse(request.cursor));
        modifiedAfter = text(parsed.modifiedAfter) ?? modifiedAfter;
        offset = typeof parsed.offset === "number" ? parsed.offset : 0;
      } catch {
        // An unreadable cursor restarts from `since`; intake dedupes.
      }
    }
    const limit = request.pageSize ?? 50;
    const orders: unknown[] = [];
    let newest = Date.parse(modifiedAfter);
    for (let page = 0; page < (request.maxPages ?? 20); page++) {
      const response = await call(connection, "/sell/fulfillment/v1/order", {
        query: { filter: `lastmodifieddate:[${modifiedAfter}..]`, limit, offset },
      });
      const batch = asArray(response.body.orders);
      for (const order of batch) {
        orders.push(order);
        const modified = Date.parse(text(asObject(order).lastModifiedDate) ?? "");
        if (modified > newest) newest = modified;
      }
      const total = typeof response.body.total === "number" ? response.body.total : 0;
      offset += batch.length;
      if (batch.length === 0 || offset >= total) {
        return {
          orders,
          nextCursor: JSON.stringify({ modifiedAfter: new Date(newest).toISOString() }),
          hasMore: false,
        };
      }
    }
    return { orders, nextCursor: JSON.stringify({ modifiedAfter, offset }), hasMore: true };
  }

  async function fetchOrders(connection: ChannelConnection, externalIds: readonly string[]): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let start = 0; start < externalIds.length; start += 50) {
      const ids = externalIds.slice(start, start + 50);
      const response = await call(connection, "/sell/fulfillment/v1/order", { query: { orderIds: ids.join(",") } });
      out.push(...asArray(response.body.orders));
    }
    return out;
  }

  async function confirmShipment(connection: ChannelConnection, shipment: ShipmentConfirmation) {
    const id = encodeURIComponent(shipment.externalId);
    let items: Json[] | null = null;
    const lineItems = [];
    for (const line of shipment.lines) {
      let lineItemId = line.externalLineId;
      if (!lineItemId) {
        items ??= asArray((await call(connection, `/sell/fulfillment/v1/order/${id}`)).body.lineItems).map(asObject);
        lineItemId = text(items.find((item) => text(item.sku) === line.sku)?.lineItemId);
      }
      if (!lineItemId) {
        throw new ChannelApiError(
          "ebay",
          `order ${shipment.externalId} has no line item with SKU ${line.sku}`,
          422,
          null,
          false,
        );
      }
      lineItems.push({ lineItemId, quantity: line.quantity });
    }
    const response = await call(connection, `/sell/fulfillment/v1/order/${id}/shipping_fulfillment`, {
      method: "POST",
      body: {
        lineItems,
        shippedDate: (shipment.shippedAt ?? runtime.now()).toISOString(),
        shippingCarrierCode: shipment.carrier.replace(/\s+/g, "_").toUpperCase(),
        trackingNumber: shipment.trackingNumber,
      },
    });
    const location = response.headers.get("location");
    return { reference: location?.split("/").pop() };
  }

  async function pushStock(connection: ChannelConnection, levels: readonly StockLevel[]): Promise<StockPushResult> {
    const result: StockPushResult = { updated: [], failed: [] };
    for (let start = 0; start < levels.length; start += 25) {
      const chunk = levels.slice(start, start + 25);
      const response = await call(connection, "/sell/inventory/v1/bulk_update_price_quantity", {
        method: "POST",
        body: {
          requests: chunk.map((l) => ({
            sku: l.sku,
            shipToLocationAvailability: { quantity: Math.max(0, l.available) },
          })),
        },
      });
      const answers = asArray(response.body.responses).map(asObject);
      for (const level of chunk) {
        const answer = answers.find((a) => text(a.sku) === level.sku);
        const problems = asArray(answer?.errors).map((e) => text(asObject(e).message) ?? "error");
        if (answer && Number(answer.statusCode) === 200 && problems.length === 0) result.updated.push(level.sku);
        else result.failed.push({ sku: level.sku, reason: problems.join("; ") || "missing from eBay's response" });
      }
    }
    return result;
  }

  return {
    channel: "ebay",
    displayName: "eBay",
    credentialFields: [
      { key: "clientId", label: "App ID (client id)", secret: false, required: true },
      { key: "clientSecret", label: "Cert ID (client secret)", secret: true, required: true },
      { key: "refreshToken", label: "User refresh token", secret: true, required: true },
      { key: "verificationToken", label: "Notification endpoint verification token", secret: true, required: true },
    ],

    /**
     * X-EBAY-SIGNATURE is base64 JSON {alg, kid, signature, digest}: an ECDSA signature over
     * the raw body, checked with the public key the Notification API publishes for kid.
     */
    async verifyWebhook({ rawBody, headers, credentials }) {
      const header = headerValue(headers, "x-ebay-signature");
      if (!header) return { ok: false, reason: "missing X-EBAY-SIGNATURE header" };
      const decoded = asObject(parseJson(Buffer.from(header, "base64").toString("utf8")));
      const kid = text(decoded.kid);
      const signature = text(decoded.signature);
      if (!kid || !signature) return { ok: false, reason: "X-EBAY-SIGNATURE is not eBay's signature JSON" };
      if (text(decoded.alg) && text(decoded.alg)!.toLowerCase() !== "ecdsa") {
        return { ok: false, reason: `unsupported signature algorithm ${text(decoded.alg)}` };
      }
      let key = publicKeys.get(kid) ?? null;
      if (!key) {
        try {
          key = await lookup(kid, credentials ?? {});
        } catch (error) {
          return { ok: false, reason: `public key ${kid} could not be fetched: ${(error as Error).message}` };
        }
        if (!key) return { ok: false, reason: `no public key ${kid}` };
        publicKeys.set(kid, key);
      }
      const digest = (text(decoded.digest) ?? key.digest ?? "SHA1").toLowerCase().replace("-", "");
      let valid = false;
      try {
        valid = verifySignature(
          digest,
          bodyBytes(rawBody),
          createPublicKey(toPem(key.key)),
          Buffer.from(signature, "base64"),
        );
      } catch {
        valid = false;
      }
      if (!valid) return { ok: false, reason: "X-EBAY-SIGNATURE does not match the body" };
      const body = asObject(parseJson(rawBody));
      return {
        ok: true,
        eventId: text(asObject(body.notification).notificationId),
        topic: text(asObject(body.metadata).topic),
      };
    },

    parseWebhook(rawBody): ChannelWebhookEvent {
      const body = asObject(parseJson(rawBody));
      const topic = text(asObject(body.metadata).topic) ?? "";
      const notification = asObject(body.notification);
      const eventId = text(notification.notificationId);
      const orderId = text(asObject(notification.data).orderId);
      if (orderId) return { eventId, topic, kind: "order_hint", externalId: orderId, reason: topic || "notification" };
      if (topic === "MARKETPLACE_ACCOUNT_DELETION") {
        const user = text(asObject(notification.data).username) ?? "unknown user";
        return { eventId, topic, kind: "ignored", reason: `marketplace account deletion for ${user} acknowledged` };
      }
      return { eventId, topic, kind: "ignored", reason: `topic ${topic || "(none)"} is not handled` };
    },

    webhookChallenge({ query, endpointUrl, verificationToken }) {
      const code = query.get("challenge_code");
      if (!code) return null;
      return { status: 200, body: { challengeResponse: ebayChallengeResponse(code, verificationToken, endpointUrl) } };
    },

    mapOrder: mapEbayOrder,
    pullOrders,
    fetchOrders,
    confirmShipment,
    pushStock,
  };
}

export const ebayAdapter = createEbayAdapter();
