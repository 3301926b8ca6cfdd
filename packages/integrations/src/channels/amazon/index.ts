import { ChannelApiError, joinUrl, requestJson, requireCredentials } from "../http";
import { asArray, asObject, type Json, text } from "../mapping";
import { headerValue, parseJson, safeEqual } from "../signatures";
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
import { type AmazonOrderPayload, mapAmazonOrder } from "./map";

export { type AmazonOrderPayload, mapAmazonOrder } from "./map";

export const AMAZON_LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
export const AMAZON_EU_ENDPOINT = "https://sellingpartnerapi-eu.amazon.com";
/** Header the notification forwarder (EventBridge API destination, API-key auth) sends with the connection's secret. */
export const AMAZON_WEBHOOK_TOKEN_HEADER = "x-crossflow-webhook-token";

/** Carrier codes Amazon's shipmentConfirmation accepts by name; anything else is "Other" plus carrierName. */
const CARRIER_CODES = new Map(
  [
    "DHL",
    "DHL Express",
    "UPS",
    "FedEx",
    "USPS",
    "DPD",
    "Hermes",
    "GLS",
    "Royal Mail",
    "Parcelforce",
    "Yanwen",
    "4PX",
    "China Post",
    "Japan Post",
    "Yamato Transport",
    "Colissimo",
    "Chronopost",
    "Deutsche Post",
    "Poste Italiane",
    "Correos",
    "PostNL",
    "Australia Post",
    "Canada Post",
  ].map((c) => [c.toLowerCase(), c]),
);

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

export function createAmazonAdapter(overrides: Partial<ChannelRuntime> = {}): ChannelAdapter {
  const runtime = runtimeWith(overrides);
  const tokens = new Map<string, CachedToken>();

  function config(connection: ChannelConnection) {
    const creds = requireCredentials("amazon", connection, ["clientId", "clientSecret", "refreshToken"]);
    const settings = connection.settings ?? {};
    const all = { ...(connection.credentials as Record<string, unknown>), ...settings };
    const endpoint = connection.baseUrl ?? text(all.endpoint) ?? AMAZON_EU_ENDPOINT;
    const tokenUrl =
      text(all.lwaTokenUrl) ??
      (connection.baseUrl ? joinUrl(connection.baseUrl, "/auth/o2/token") : AMAZON_LWA_TOKEN_URL);
    const marketplaceIds = (text(all.marketplaceIds) ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
    return { ...creds, endpoint, tokenUrl, marketplaceIds, sellerId: text(all.sellerId) };
  }

  /** Login with Amazon: a refresh token for an access token, cached until a minute before expiry. */
  async function accessToken(connection: ChannelConnection, forceRefresh = false): Promise<string> {
    const c = config(connection);
    const key = `${c.clientId}:${c.refreshToken}`;
    const cached = tokens.get(key);
    if (!forceRefresh && cached && cached.expiresAt > runtime.now().getTime()) return cached.accessToken;
    const response = await requestJson<Json>("amazon", runtime, c.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: c.refreshToken,
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }).toString(),
    });
    const token = text(response.body.access_token);
    if (!token) throw new ChannelApiError("amazon", "LWA answered without an access_token", 502, response.body);
    const lifetime = typeof response.body.expires_in === "number" ? response.body.expires_in : 3600;
    tokens.set(key, { accessToken: token, expiresAt: runtime.now().getTime() + (lifetime - 60) * 1000 });
    return token;
  }

  /** An SP-API call with the LWA token; a 403 for an expired token refreshes it once. */
  async function sp<T = Json>(
    connection: ChannelConnection,
    path: string,
    init: { method?: string; query?: Record<string, string | undefined>; body?: unknown } = {},
  ): Promise<T> {
    const { endpoint } = config(connection);
    const url = joinUrl(endpoint, path, init.query);
    for (let attempt = 1; ; attempt++) {
      const token = await accessToken(connection, attempt > 1);
      try {
        const response = await requestJson<T>("amazon", runtime, url, {
          method: init.method,
          headers: { "x-amz-access-token": token },
          body: init.body,
          attempts: 5,
          backoffMs: 2000,
        });
        return response.body;
      } catch (error) {
        const expired =
          error instanceof ChannelApiError &&
          error.status === 403 &&
          JSON.stringify(error.body ?? "").match(/expired|Unauthorized|invalid.*token/i);
        if (!expired || attempt > 1) throw error;
      }
    }
  }

  async function orderItems(connection: ChannelConnection, orderId: string): Promise<Json[]> {
    const items: Json[] = [];
    let nextToken: string | undefined;
    do {
      const body = await sp(connection, `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`, {
        query: { NextToken: nextToken },
      });
      const payload = asObject(body.payload);
      items.push(...asArray(payload.OrderItems).map(asObject));
      nextToken = text(payload.NextToken);
    } while (nextToken);
    return items;
  }

  async function pullOrders(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult> {
    const c = config(connection);
    if (c.marketplaceIds.length === 0)
      throw new ChannelApiError("amazon", "the connection names no marketplaceIds", 400, null, false);
    const since = request.since ?? new Date(runtime.now().getTime() - 30 * 24 * 3600 * 1000);
    let lastUpdatedAfter = since.toISOString();
    let nextToken: string | undefined;
    if (request.cursor) {
      try {
        const parsed = asObject(JSON.parse(request.cursor));
        lastUpdatedAfter = text(parsed.lastUpdatedAfter) ?? lastUpdatedAfter;
        nextToken = text(parsed.nextToken);
      } catch {
        // An unreadable cursor restarts from `since`; intake dedupes.
      }
    }
    const orders: AmazonOrderPayload[] = [];
    let newest = Date.parse(lastUpdatedAfter);
    const maxPages = request.maxPages ?? 10;
    for (let page = 0; page < maxPages; page++) {
      const body = await sp(connection, "/orders/v0/orders", {
        query: nextToken
          ? { MarketplaceIds: c.marketplaceIds.join(","), NextToken: nextToken }
          : {
              MarketplaceIds: c.marketplaceIds.join(","),
              LastUpdatedAfter: lastUpdatedAfter,
              MaxResultsPerPage: String(request.pageSize ?? 100),
            },
      });
      const payload = asObject(body.payload);
      for (const order of asArray(payload.Orders).map(asObject)) {
        const id = text(order.AmazonOrderId);
        if (!id) continue;
        orders.push({ order, items: await orderItems(connection, id) });
        const updated = Date.parse(text(order.LastUpdateDate) ?? "");
        if (updated > newest) newest = updated;
      }
      nextToken = text(payload.NextToken);
      if (!nextToken) {
        return {
          orders,
          nextCursor: JSON.stringify({ lastUpdatedAfter: new Date(newest).toISOString() }),
          hasMore: false,
        };
      }
    }
    return { orders, nextCursor: JSON.stringify({ lastUpdatedAfter, nextToken }), hasMore: true };
  }

  async function fetchOrders(connection: ChannelConnection, externalIds: readonly string[]): Promise<unknown[]> {
    const out: AmazonOrderPayload[] = [];
    for (const id of externalIds) {
      const body = await sp(connection, `/orders/v0/orders/${encodeURIComponent(id)}`);
      const order = asObject(body.payload);
      if (text(order.AmazonOrderId)) out.push({ order, items: await orderItems(connection, id) });
    }
    return out;
  }

  async function confirmShipment(connection: ChannelConnection, shipment: ShipmentConfirmation) {
    const c = config(connection);
    const id = encodeURIComponent(shipment.externalId);
    let marketplaceId = c.marketplaceIds.length === 1 ? c.marketplaceIds[0] : undefined;
    if (!marketplaceId) {
      marketplaceId = text(asObject((await sp(connection, `/orders/v0/orders/${id}`)).payload).MarketplaceId);
    }
    let items: Json[] | null = null;
    const orderItemsBody = [];
    for (const line of shipment.lines) {
      let orderItemId = line.externalLineId;
      if (!orderItemId) {
        items ??= await orderItems(connection, shipment.externalId);
        orderItemId = text(items.find((item) => text(item.SellerSKU) === line.sku)?.OrderItemId);
      }
      if (!orderItemId) {
        throw new ChannelApiError(
          "amazon",
          `order ${shipment.externalId} has no item with SKU ${line.sku}`,
          422,
          null,
          false,
        );
      }
      orderItemsBody.push({ orderItemId, quantity: line.quantity });
    }
    const known = CARRIER_CODES.get(shipment.carrier.toLowerCase());
    await sp(connection, `/orders/v0/orders/${id}/shipmentConfirmation`, {
      method: "POST",
      body: {
        marketplaceId,
        packageDetail: {
          packageReferenceId: "1",
          carrierCode: known ?? "Other",
          ...(known ? {} : { carrierName: shipment.carrier }),
          ...(shipment.service ? { shippingMethod: shipment.service } : {}),
          trackingNumber: shipment.trackingNumber,
          shipDate: (shipment.shippedAt ?? runtime.now()).toISOString(),
          orderItems: orderItemsBody,
        },
      },
    });
    return {};
  }

  /**
   * Merchant-fulfilled quantity per SKU through the Listings Items API (a PATCH of
   * fulfillment_availability per SKU and marketplace). FBA stock is Amazon's to count.
   */
  async function pushStock(connection: ChannelConnection, levels: readonly StockLevel[]): Promise<StockPushResult> {
    const c = config(connection);
    if (!c.sellerId)
      throw new ChannelApiError("amazon", "stock push needs the connection's sellerId", 400, null, false);
    const result: StockPushResult = { updated: [], failed: [] };
    for (const level of levels) {
      try {
        const body = await sp(
          connection,
          `/listings/2021-08-01/items/${encodeURIComponent(c.sellerId)}/${encodeURIComponent(level.sku)}`,
          {
            method: "PATCH",
            query: { marketplaceIds: c.marketplaceIds.join(",") },
            body: {
              productType: "PRODUCT",
              patches: [
                {
                  op: "replace",
                  path: "/attributes/fulfillment_availability",
                  value: [{ fulfillment_channel_code: "DEFAULT", quantity: Math.max(0, level.available) }],
                },
              ],
            },
          },
        );
        if (text(body.status) === "ACCEPTED") result.updated.push(level.sku);
        else {
          const issues = asArray(body.issues).map((i) => text(asObject(i).message) ?? "issue");
          result.failed.push({
            sku: level.sku,
            reason: issues.join("; ") || `status ${text(body.status) ?? "unknown"}`,
          });
        }
      } catch (error) {
        if (error instanceof ChannelApiError && !error.retryable) {
          result.failed.push({ sku: level.sku, reason: error.message });
        } else throw error;
      }
    }
    return result;
  }

  return {
    channel: "amazon",
    displayName: "Amazon (SP-API)",
    credentialFields: [
      { key: "clientId", label: "LWA client id", secret: false, required: true },
      { key: "clientSecret", label: "LWA client secret", secret: true, required: true },
      { key: "refreshToken", label: "Seller refresh token", secret: true, required: true },
      { key: "marketplaceIds", label: "Marketplace ids (comma-separated)", secret: false, required: true },
      { key: "sellerId", label: "Seller (merchant) id", secret: false, required: false },
      { key: "endpoint", label: "SP-API endpoint (EU, NA or FE)", secret: false, required: false },
      { key: "webhookSecret", label: "Notification forwarder token", secret: true, required: false },
    ],

    /**
     * SP-API notifications go to SQS or EventBridge, which sign nothing for us; the forwarder
     * sends the connection's token. A notification is only a hint (the order is fetched from
     * SP-API itself), so a forged one can at worst cause an extra fetch.
     */
    async verifyWebhook({ headers, secret }) {
      const token = headerValue(headers, AMAZON_WEBHOOK_TOKEN_HEADER);
      if (!token) return { ok: false, reason: `missing ${AMAZON_WEBHOOK_TOKEN_HEADER} header` };
      if (!secret) return { ok: false, reason: "no webhook token configured" };
      if (!safeEqual(Buffer.from(token), Buffer.from(secret)))
        return { ok: false, reason: "webhook token does not match" };
      return { ok: true };
    },

    parseWebhook(rawBody): ChannelWebhookEvent {
      let body = asObject(parseJson(rawBody));
      // An SQS message carries the notification as a JSON string in Body; EventBridge in detail.
      if (typeof body.Body === "string") body = asObject(parseJson(body.Body));
      if (body.detail) body = asObject(body.detail);
      const type = text(body.NotificationType) ?? text(body["detail-type"]) ?? "";
      const eventId = text(asObject(body.NotificationMetadata).NotificationId);
      const change = asObject(asObject(body.Payload).OrderChangeNotification);
      const orderId = text(change.AmazonOrderId);
      if (type !== "ORDER_CHANGE" || !orderId) {
        return {
          eventId,
          topic: type,
          kind: "ignored",
          reason: `notification ${type || "(unknown)"} is not an order change`,
        };
      }
      return {
        eventId,
        topic: type,
        kind: "order_hint",
        externalId: orderId,
        reason: `${text(change.OrderChangeType) ?? "change"}: ${text(asObject(change.Summary).OrderStatus) ?? "status unknown"}`,
      };
    },

    mapOrder: mapAmazonOrder,
    pullOrders,
    fetchOrders,
    confirmShipment,
    pushStock,
  };
}

export const amazonAdapter = createAmazonAdapter();
