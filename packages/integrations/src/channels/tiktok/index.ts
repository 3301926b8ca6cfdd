import { ChannelApiError, ChannelConfigError, joinUrl, requestJson, requireCredentials } from "../http";
import { asArray, asObject, type Json, text } from "../mapping";
import { bodyBytes, headerValue, hmacSha256, parseJson, signatureMatches } from "../signatures";
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
import { mapTikTokOrder } from "./map";

export { mapTikTokOrder } from "./map";

export const TIKTOK_API_BASE = "https://open-api.tiktokglobalshop.com";
/** TikTok retries a webhook for up to 72 hours; a signed timestamp older than this is refused as a replay. */
export const TIKTOK_WEBHOOK_MAX_AGE_MS = 73 * 3600 * 1000;

/**
 * TikTok Shop request signing (202309): query parameters except sign and access_token,
 * sorted by key, as key+value after the path, then the JSON body, wrapped in the app secret
 * on both sides; HMAC-SHA256 with the app secret, hex.
 */
export function tiktokSign(path: string, query: Record<string, string>, body: string, appSecret: string): string {
  const params = Object.keys(query)
    .filter((k) => k !== "sign" && k !== "access_token")
    .sort()
    .map((k) => `${k}${query[k]}`)
    .join("");
  return hmacSha256(appSecret, `${appSecret}${path}${params}${body}${appSecret}`).toString("hex");
}

function settingObject(connection: ChannelConnection, key: string): Record<string, unknown> {
  const value = connection.settings?.[key] ?? (connection.credentials as Record<string, unknown>)[key];
  if (typeof value === "string") {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return asObject(value);
}

export function createTikTokAdapter(overrides: Partial<ChannelRuntime> = {}): ChannelAdapter {
  const runtime = runtimeWith(overrides);

  async function call(
    connection: ChannelConnection,
    method: "GET" | "POST",
    path: string,
    params: Record<string, string | number | undefined> = {},
    body?: unknown,
  ): Promise<Json> {
    const c = requireCredentials("tiktok", connection, ["appKey", "appSecret", "accessToken", "shopCipher"]);
    const query: Record<string, string> = {
      app_key: c.appKey,
      timestamp: String(Math.floor(runtime.now().getTime() / 1000)),
      shop_cipher: c.shopCipher,
    };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query[k] = String(v);
    const raw = body === undefined ? "" : JSON.stringify(body);
    query.sign = tiktokSign(path, query, raw, c.appSecret);
    const response = await requestJson<Json>(
      "tiktok",
      runtime,
      joinUrl(connection.baseUrl ?? TIKTOK_API_BASE, path, query),
      {
        method,
        headers: { "x-tts-access-token": c.accessToken, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: raw }),
      },
    );
    const code = Number(response.body.code ?? -1);
    if (code !== 0) {
      throw new ChannelApiError(
        "tiktok",
        `${path} answered code ${code}: ${text(response.body.message) ?? ""}`,
        400,
        response.body,
        false,
      );
    }
    return asObject(response.body.data);
  }

  async function pullOrders(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult> {
    const since = request.since ?? new Date(runtime.now().getTime() - 30 * 24 * 3600 * 1000);
    let updatedFrom = Math.floor(since.getTime() / 1000);
    let pageToken: string | undefined;
    if (request.cursor) {
      try {
        const parsed = asObject(JSON.parse(request.cursor));
        if (typeof parsed.updateTimeGe === "number") updatedFrom = parsed.updateTimeGe;
        pageToken = text(parsed.pageToken);
      } catch {
        // An unreadable cursor restarts from `since`; intake dedupes.
      }
    }
    const orders: unknown[] = [];
    let newest = updatedFrom;
    for (let page = 0; page < (request.maxPages ?? 20); page++) {
      const data = await call(
        connection,
        "POST",
        "/order/202309/orders/search",
        { page_size: request.pageSize ?? 50, sort_field: "update_time", sort_order: "ASC", page_token: pageToken },
        { update_time_ge: updatedFrom },
      );
      for (const order of asArray(data.orders)) {
        orders.push(order);
        const updated = Number(asObject(order).update_time ?? 0);
        if (updated > newest) newest = updated;
      }
      pageToken = text(data.next_page_token);
      if (!pageToken) return { orders, nextCursor: JSON.stringify({ updateTimeGe: newest }), hasMore: false };
    }
    return { orders, nextCursor: JSON.stringify({ updateTimeGe: updatedFrom, pageToken }), hasMore: true };
  }

  async function fetchOrders(connection: ChannelConnection, externalIds: readonly string[]): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let start = 0; start < externalIds.length; start += 50) {
      const data = await call(connection, "GET", "/order/202309/orders", {
        ids: externalIds.slice(start, start + 50).join(","),
      });
      out.push(...asArray(data.orders));
    }
    return out;
  }

  /** Mark Package As Shipped: the units' line item ids, the tracking number and TikTok's id for the carrier. */
  async function confirmShipment(connection: ChannelConnection, shipment: ShipmentConfirmation) {
    const providers = settingObject(connection, "shippingProviderIds");
    const providerId = text(providers[shipment.carrier]) ?? text(providers[shipment.carrier.toLowerCase()]);
    if (!providerId) {
      throw new ChannelConfigError(
        "tiktok",
        `no TikTok shipping_provider_id is configured for carrier ${shipment.carrier}`,
      );
    }
    const ids: string[] = [];
    for (const line of shipment.lines) {
      const units = (line.externalLineId ?? "").split(",").filter(Boolean);
      if (units.length < line.quantity) {
        throw new ChannelApiError(
          "tiktok",
          `line ${line.sku} needs ${line.quantity} line item ids, has ${units.length}`,
          422,
          null,
          false,
        );
      }
      ids.push(...units.slice(0, line.quantity));
    }
    const data = await call(
      connection,
      "POST",
      `/fulfillment/202309/orders/${encodeURIComponent(shipment.externalId)}/packages`,
      {},
      { order_line_item_ids: ids, tracking_number: shipment.trackingNumber, shipping_provider_id: providerId },
    );
    return { reference: text(data.package_id) };
  }

  async function pushStock(connection: ChannelConnection, levels: readonly StockLevel[]): Promise<StockPushResult> {
    const result: StockPushResult = { updated: [], failed: [] };
    const configuredWarehouse = text(connection.settings?.warehouseId);
    for (let start = 0; start < levels.length; start += 50) {
      const chunk = levels.slice(start, start + 50);
      const found = await call(
        connection,
        "POST",
        "/product/202309/products/search",
        { page_size: 100 },
        { seller_skus: chunk.map((l) => l.sku) },
      );
      const bySku = new Map<string, { productId: string; skuId: string; warehouseId?: string }>();
      for (const product of asArray(found.products).map(asObject)) {
        for (const sku of asArray(product.skus).map(asObject)) {
          const seller = text(sku.seller_sku);
          const productId = text(product.id);
          const skuId = text(sku.id);
          if (seller && productId && skuId) {
            bySku.set(seller, {
              productId,
              skuId,
              warehouseId: text(asObject(asArray(sku.inventory)[0]).warehouse_id),
            });
          }
        }
      }
      const byProduct = new Map<string, Array<{ level: StockLevel; skuId: string; warehouseId: string }>>();
      for (const level of chunk) {
        const found = bySku.get(level.sku);
        const warehouseId = configuredWarehouse ?? found?.warehouseId;
        if (!found || !warehouseId) {
          result.failed.push({
            sku: level.sku,
            reason: found ? "no warehouse to set stock in" : "no TikTok Shop SKU has this seller SKU",
          });
          continue;
        }
        byProduct.set(found.productId, [
          ...(byProduct.get(found.productId) ?? []),
          { level, skuId: found.skuId, warehouseId },
        ]);
      }
      for (const [productId, entries] of byProduct) {
        try {
          await call(
            connection,
            "POST",
            `/product/202309/products/${encodeURIComponent(productId)}/inventory/update`,
            {},
            {
              skus: entries.map((e) => ({
                id: e.skuId,
                inventory: [{ warehouse_id: e.warehouseId, quantity: Math.max(0, e.level.available) }],
              })),
            },
          );
          result.updated.push(...entries.map((e) => e.level.sku));
        } catch (error) {
          if (!(error instanceof ChannelApiError) || error.retryable) throw error;
          result.failed.push(...entries.map((e) => ({ sku: e.level.sku, reason: error.message })));
        }
      }
    }
    return result;
  }

  return {
    channel: "tiktok",
    displayName: "TikTok Shop",
    credentialFields: [
      { key: "appKey", label: "App key", secret: false, required: true },
      { key: "appSecret", label: "App secret", secret: true, required: true },
      { key: "accessToken", label: "Shop access token", secret: true, required: true },
      { key: "shopCipher", label: "Shop cipher", secret: false, required: true },
    ],

    /** Authorization = hex HMAC-SHA256 of app key + raw body with the app secret; the body's timestamp must be recent. */
    async verifyWebhook({ rawBody, headers, secret, credentials, now }) {
      const signature = headerValue(headers, "authorization");
      if (!signature) return { ok: false, reason: "missing Authorization header" };
      const appKey = credentials?.appKey;
      if (!secret || !appKey) return { ok: false, reason: "no app key and secret configured" };
      if (!signatureMatches(signature, hmacSha256(secret, appKey, bodyBytes(rawBody)), "hex")) {
        return { ok: false, reason: "Authorization signature does not match the body" };
      }
      const body = asObject(parseJson(rawBody));
      const timestamp = Number(body.timestamp);
      const at = (now ?? runtime.now()).getTime();
      if (
        !Number.isFinite(timestamp) ||
        at - timestamp * 1000 > TIKTOK_WEBHOOK_MAX_AGE_MS ||
        timestamp * 1000 - at > 300_000
      ) {
        return { ok: false, reason: "webhook timestamp is stale or in the future" };
      }
      return { ok: true, eventId: text(body.tts_notification_id), topic: text(body.type) };
    },

    parseWebhook(rawBody): ChannelWebhookEvent {
      const body = asObject(parseJson(rawBody));
      const data = asObject(body.data);
      const type = Number(body.type);
      const base = { eventId: text(body.tts_notification_id), topic: text(body.type) };
      const orderId = text(data.order_id);
      if (!orderId) return { ...base, kind: "ignored", reason: `webhook type ${body.type} carries no order` };
      if (type === 1) {
        const status = text(data.order_status) ?? "";
        if (status === "CANCELLED") return { ...base, kind: "cancelled", externalId: orderId };
        return { ...base, kind: "order_hint", externalId: orderId, reason: `status ${status}` };
      }
      if (type === 3) return { ...base, kind: "address_changed", externalId: orderId };
      if (type === 11)
        return { ...base, kind: "order_hint", externalId: orderId, reason: "cancellation status changed" };
      return { ...base, kind: "ignored", reason: `webhook type ${body.type} is not handled` };
    },

    mapOrder: mapTikTokOrder,
    pullOrders,
    fetchOrders,
    confirmShipment,
    pushStock,
  };
}

export const tiktokAdapter = createTikTokAdapter();
