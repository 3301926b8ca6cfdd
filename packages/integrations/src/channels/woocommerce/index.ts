import { joinUrl, requestJson, requireCredentials } from "../http";
import { asArray, asObject, text } from "../mapping";
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
import { mapWooCommerceOrder } from "./map";

export { mapWooCommerceOrder } from "./map";

interface WooCursor {
  modifiedAfter: string;
  page?: number;
}

function api(connection: ChannelConnection) {
  const { storeUrl, consumerKey, consumerSecret } = requireCredentials("woocommerce", connection, [
    "storeUrl",
    "consumerKey",
    "consumerSecret",
  ]);
  const base = `${(connection.baseUrl ?? storeUrl).replace(/\/+$/, "")}/wp-json/wc/v3`;
  // Basic auth over HTTPS is WooCommerce's documented scheme for REST API keys.
  const authorization = `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString("base64")}`;
  return { base, headers: { authorization } };
}

function decodeCursor(cursor: string | null, fallback: Date): WooCursor {
  if (cursor) {
    try {
      const parsed = asObject(JSON.parse(cursor));
      if (typeof parsed.modifiedAfter === "string") {
        return {
          modifiedAfter: parsed.modifiedAfter,
          ...(typeof parsed.page === "number" ? { page: parsed.page } : {}),
        };
      }
    } catch {
      // An unreadable cursor restarts from the fallback; intake dedupes the overlap.
    }
  }
  return { modifiedAfter: fallback.toISOString() };
}

function gmtMillis(value: unknown): number {
  const t = text(value);
  return t ? Date.parse(/[zZ]$/.test(t) ? t : `${t}Z`) : Number.NaN;
}

export function createWooCommerceAdapter(overrides: Partial<ChannelRuntime> = {}): ChannelAdapter {
  const runtime = runtimeWith(overrides);

  async function pullOrders(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult> {
    const { base, headers } = api(connection);
    const since = request.since ?? new Date(runtime.now().getTime() - 30 * 24 * 3600 * 1000);
    const cursor = decodeCursor(request.cursor, since);
    const perPage = request.pageSize ?? 50;
    const maxPages = request.maxPages ?? 20;
    const orders: unknown[] = [];
    let newest = Date.parse(cursor.modifiedAfter);
    let page = cursor.page ?? 1;
    for (let fetched = 0; fetched < maxPages; fetched++) {
      const response = await requestJson<unknown[]>(
        "woocommerce",
        runtime,
        joinUrl(base, "/orders", {
          modified_after: cursor.modifiedAfter,
          dates_are_gmt: "true",
          orderby: "modified",
          order: "asc",
          page,
          per_page: perPage,
        }),
        { headers },
      );
      const batch = asArray(response.body);
      for (const order of batch) {
        orders.push(order);
        const modified = gmtMillis(asObject(order).date_modified_gmt);
        if (modified > newest) newest = modified;
      }
      const totalPages = Number(response.headers.get("x-wp-totalpages") ?? "1");
      if (page >= totalPages || batch.length === 0) {
        return {
          orders,
          nextCursor: JSON.stringify({ modifiedAfter: new Date(newest).toISOString() }),
          hasMore: false,
        };
      }
      page++;
    }
    return { orders, nextCursor: JSON.stringify({ modifiedAfter: cursor.modifiedAfter, page }), hasMore: true };
  }

  async function fetchOrders(connection: ChannelConnection, externalIds: readonly string[]): Promise<unknown[]> {
    if (externalIds.length === 0) return [];
    const { base, headers } = api(connection);
    const response = await requestJson<unknown[]>(
      "woocommerce",
      runtime,
      joinUrl(base, "/orders", { include: externalIds.join(","), per_page: Math.min(100, externalIds.length) }),
      { headers },
    );
    return asArray(response.body);
  }

  /**
   * WooCommerce core has no tracking field: the shipment is a customer-visible order note
   * (WooCommerce e-mails it to the buyer) and the order moves to "completed".
   */
  async function confirmShipment(connection: ChannelConnection, shipment: ShipmentConfirmation) {
    const { base, headers } = api(connection);
    const parcel = shipment.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ");
    const note = [
      `Shipped with ${shipment.carrier}${shipment.service ? ` (${shipment.service})` : ""}: tracking number ${shipment.trackingNumber}.`,
      shipment.trackingUrl ? `Track it at ${shipment.trackingUrl}` : undefined,
      `Contents: ${parcel}.`,
    ]
      .filter(Boolean)
      .join(" ");
    const id = encodeURIComponent(shipment.externalId);
    const created = await requestJson<Record<string, unknown>>(
      "woocommerce",
      runtime,
      joinUrl(base, `/orders/${id}/notes`),
      {
        method: "POST",
        headers,
        body: { note, customer_note: shipment.notifyBuyer ?? true },
      },
    );
    await requestJson("woocommerce", runtime, joinUrl(base, `/orders/${id}`), {
      method: "PUT",
      headers,
      body: { status: "completed" },
    });
    return { reference: text(asObject(created.body).id) };
  }

  async function pushStock(connection: ChannelConnection, levels: readonly StockLevel[]): Promise<StockPushResult> {
    const { base, headers } = api(connection);
    const result: StockPushResult = { updated: [], failed: [] };
    for (let start = 0; start < levels.length; start += 100) {
      const chunk = levels.slice(start, start + 100);
      const found = await requestJson<unknown[]>(
        "woocommerce",
        runtime,
        joinUrl(base, "/products", { sku: chunk.map((l) => l.sku).join(","), per_page: 100 }),
        { headers },
      );
      const products = new Map<string, { id: number; parentId: number }>();
      for (const raw of asArray(found.body)) {
        const product = asObject(raw);
        const sku = text(product.sku);
        if (sku && typeof product.id === "number") {
          products.set(sku, {
            id: product.id,
            parentId: typeof product.parent_id === "number" ? product.parent_id : 0,
          });
        }
      }
      // Simple products go to /products/batch; variations to their parent's /variations/batch.
      const batches = new Map<number, Array<{ sku: string; update: Record<string, unknown> }>>();
      for (const level of chunk) {
        const product = products.get(level.sku);
        if (!product) {
          result.failed.push({ sku: level.sku, reason: "no WooCommerce product has this SKU" });
          continue;
        }
        const update = { id: product.id, manage_stock: true, stock_quantity: Math.max(0, level.available) };
        batches.set(product.parentId, [...(batches.get(product.parentId) ?? []), { sku: level.sku, update }]);
      }
      for (const [parentId, entries] of batches) {
        const path = parentId > 0 ? `/products/${parentId}/variations/batch` : "/products/batch";
        const response = await requestJson<Record<string, unknown>>("woocommerce", runtime, joinUrl(base, path), {
          method: "POST",
          headers,
          body: { update: entries.map((e) => e.update) },
        });
        const answered = asArray(asObject(response.body).update).map(asObject);
        for (const entry of entries) {
          const row = answered.find((r) => r.id === entry.update.id);
          const error = asObject(row?.error);
          if (!row) result.failed.push({ sku: entry.sku, reason: "missing from the batch response" });
          else if (text(error.message)) result.failed.push({ sku: entry.sku, reason: text(error.message)! });
          else result.updated.push(entry.sku);
        }
      }
    }
    return result;
  }

  return {
    channel: "woocommerce",
    displayName: "WooCommerce",
    credentialFields: [
      { key: "storeUrl", label: "Store URL (https://shop.example.com)", secret: false, required: true },
      { key: "consumerKey", label: "REST API consumer key (ck_…)", secret: true, required: true },
      { key: "consumerSecret", label: "REST API consumer secret (cs_…)", secret: true, required: true },
      { key: "webhookSecret", label: "Webhook secret", secret: true, required: true },
    ],

    async verifyWebhook({ rawBody, headers, secret }) {
      const signature = headerValue(headers, "x-wc-webhook-signature");
      if (!signature) return { ok: false, reason: "missing X-WC-Webhook-Signature header" };
      if (!secret) return { ok: false, reason: "no webhook secret configured" };
      if (!signatureMatches(signature, hmacSha256(secret, bodyBytes(rawBody)), "base64")) {
        return { ok: false, reason: "X-WC-Webhook-Signature does not match the body" };
      }
      return {
        ok: true,
        eventId: headerValue(headers, "x-wc-webhook-delivery-id"),
        topic: headerValue(headers, "x-wc-webhook-topic"),
      };
    },

    parseWebhook(rawBody, headers): ChannelWebhookEvent {
      const topic = headerValue(headers, "x-wc-webhook-topic") ?? "";
      const eventId = headerValue(headers, "x-wc-webhook-delivery-id");
      const base = { eventId, topic };
      const payload = parseJson(rawBody);
      // Saving a webhook in WooCommerce sends a form-encoded "webhook_id=…" ping.
      if (payload === undefined) return { ...base, kind: "ignored", reason: "ping or non-JSON body" };
      const body = asObject(payload);
      const externalId = text(body.id) ?? "";
      if (topic === "order.deleted") {
        return externalId
          ? { ...base, kind: "cancelled", externalId, reason: "order deleted in WooCommerce" }
          : { ...base, kind: "ignored", reason: "deleted order without id" };
      }
      if (topic === "order.created" || topic === "order.updated" || topic === "order.restored") {
        if (body.status === "cancelled" && externalId) return { ...base, kind: "cancelled", externalId, payload };
        if (body.status === "refunded" && externalId) return { ...base, kind: "refunded", externalId, payload };
        return { ...base, kind: "order", externalId, payload };
      }
      return { ...base, kind: "ignored", reason: `topic ${topic || "(none)"} is not handled` };
    },

    mapOrder: mapWooCommerceOrder,
    pullOrders,
    fetchOrders,
    confirmShipment,
    pushStock,
  };
}

export const wooCommerceAdapter = createWooCommerceAdapter();
