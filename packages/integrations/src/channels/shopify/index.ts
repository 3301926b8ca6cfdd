import { parseMinorUnits } from "@crossflow/domain";
import { ChannelApiError, ChannelConfigError, requireCredentials } from "../http";
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
import {
  FULFILLMENT_CREATE_MUTATION,
  FULFILLMENT_ORDERS_QUERY,
  INVENTORY_SET_MUTATION,
  ORDERS_BY_ID_QUERY,
  ORDERS_QUERY,
  ShopifyGraphqlClient,
  VARIANTS_BY_SKU_QUERY,
} from "./graphql";
import { mapShopifyOrder, shopifyNumericId } from "./map";

export { SHOPIFY_API_VERSION, ShopifyGraphqlClient } from "./graphql";
export { mapShopifyGraphqlOrder, mapShopifyOrder, mapShopifyRestOrder, shopifyNumericId } from "./map";

const ORDER_TOPICS = new Set(["orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/edited"]);

interface ShopifyCursor {
  updatedAt: string;
  after?: string;
}

function client(runtime: ChannelRuntime, connection: ChannelConnection): ShopifyGraphqlClient {
  const { shopDomain, accessToken } = requireCredentials("shopify", connection, ["shopDomain", "accessToken"]);
  return new ShopifyGraphqlClient(runtime, { baseUrl: connection.baseUrl ?? `https://${shopDomain}`, accessToken });
}

function gid(kind: string, id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${kind}/${id}`;
}

function decodeCursor(cursor: string | null, fallback: Date): ShopifyCursor {
  if (cursor) {
    try {
      const parsed = asObject(JSON.parse(cursor));
      if (typeof parsed.updatedAt === "string") {
        return { updatedAt: parsed.updatedAt, ...(typeof parsed.after === "string" ? { after: parsed.after } : {}) };
      }
    } catch {
      // A cursor from an older format: start again from the fallback; intake dedupes.
    }
  }
  return { updatedAt: fallback.toISOString() };
}

function userErrors(data: Json, field: string): string[] {
  return asArray(asObject(data[field]).userErrors).map((e) => text(asObject(e).message) ?? "error");
}

export function createShopifyAdapter(overrides: Partial<ChannelRuntime> = {}): ChannelAdapter {
  const runtime = runtimeWith(overrides);

  async function pullOrders(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult> {
    const graphql = client(runtime, connection);
    const since = request.since ?? new Date(runtime.now().getTime() - 30 * 24 * 3600 * 1000);
    const cursor = decodeCursor(request.cursor, since);
    const maxPages = request.maxPages ?? 20;
    // Each order costs about its line items; ten orders with 50 lines stay well under the 1,000-point cap.
    const first = request.pageSize ?? 10;
    const orders: unknown[] = [];
    let newest = cursor.updatedAt;
    let after = cursor.after;
    let expectedCost = 0;
    for (let page = 0; page < maxPages; page++) {
      const data = await graphql.query<Json>(
        ORDERS_QUERY,
        { first, after: after ?? null, query: `updated_at:>='${cursor.updatedAt}'` },
        expectedCost,
      );
      const connectionData = asObject(data.orders);
      const nodes = asArray(connectionData.nodes);
      for (const node of nodes) {
        orders.push(node);
        const updated = text(asObject(node).updatedAt);
        if (updated && Date.parse(updated) > Date.parse(newest)) newest = updated;
      }
      // The next page asks for the same fields, so it will cost what this one was estimated at.
      expectedCost = graphql.lastRequestedCost;
      const pageInfo = asObject(connectionData.pageInfo);
      if (pageInfo.hasNextPage !== true) {
        return { orders, nextCursor: JSON.stringify({ updatedAt: newest }), hasMore: false };
      }
      after = text(pageInfo.endCursor);
    }
    return {
      orders,
      nextCursor: JSON.stringify({ updatedAt: cursor.updatedAt, after }),
      hasMore: true,
    };
  }

  async function fetchOrders(connection: ChannelConnection, externalIds: readonly string[]): Promise<unknown[]> {
    if (externalIds.length === 0) return [];
    const data = await client(runtime, connection).query<Json>(ORDERS_BY_ID_QUERY, {
      ids: externalIds.map((id) => gid("Order", id)),
    });
    return asArray(data.nodes).filter((n) => n !== null);
  }

  async function confirmShipment(connection: ChannelConnection, shipment: ShipmentConfirmation) {
    const graphql = client(runtime, connection);
    const data = await graphql.query<Json>(FULFILLMENT_ORDERS_QUERY, { id: gid("Order", shipment.externalId) });
    const fulfillmentOrders = asArray(asObject(asObject(data.order).fulfillmentOrders).nodes)
      .map(asObject)
      .filter((fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS");
    const remaining = new Map<string, number>();
    const byFulfillmentOrder = new Map<string, Array<{ id: string; quantity: number }>>();
    for (const wanted of shipment.lines) {
      let needed = wanted.quantity;
      for (const fo of fulfillmentOrders) {
        for (const raw of asArray(asObject(fo.lineItems).nodes)) {
          if (needed === 0) break;
          const item = asObject(raw);
          const lineItem = asObject(item.lineItem);
          const matches = wanted.externalLineId
            ? shopifyNumericId(lineItem.id) === shopifyNumericId(wanted.externalLineId)
            : text(lineItem.sku) === wanted.sku;
          const id = text(item.id);
          if (!matches || !id) continue;
          const left = remaining.get(id) ?? Number(item.remainingQuantity ?? 0);
          const take = Math.min(left, needed);
          if (take <= 0) continue;
          remaining.set(id, left - take);
          needed -= take;
          const foId = text(fo.id)!;
          byFulfillmentOrder.set(foId, [...(byFulfillmentOrder.get(foId) ?? []), { id, quantity: take }]);
        }
      }
      if (needed > 0) {
        throw new ChannelApiError(
          "shopify",
          `order ${shipment.externalId} has ${wanted.quantity - needed} of ${wanted.quantity} × ${wanted.sku} left to fulfil`,
          422,
          null,
          false,
        );
      }
    }
    const result = await graphql.query<Json>(FULFILLMENT_CREATE_MUTATION, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [...byFulfillmentOrder].map(([fulfillmentOrderId, items]) => ({
          fulfillmentOrderId,
          fulfillmentOrderLineItems: items,
        })),
        trackingInfo: {
          company: shipment.carrier,
          number: shipment.trackingNumber,
          ...(shipment.trackingUrl ? { url: shipment.trackingUrl } : {}),
        },
        notifyCustomer: shipment.notifyBuyer ?? true,
      },
    });
    const problems = userErrors(result, "fulfillmentCreate");
    if (problems.length > 0) throw new ChannelApiError("shopify", problems.join("; "), 422, result, false);
    return { reference: text(asObject(asObject(result.fulfillmentCreate).fulfillment).id) };
  }

  async function pushStock(connection: ChannelConnection, levels: readonly StockLevel[]): Promise<StockPushResult> {
    const location =
      text(connection.settings?.locationId) ?? text((connection.credentials as Record<string, unknown>).locationId);
    if (!location) throw new ChannelConfigError("shopify", "stock push needs the connection's locationId");
    const graphql = client(runtime, connection);
    const result: StockPushResult = { updated: [], failed: [] };
    for (let start = 0; start < levels.length; start += 25) {
      const chunk = levels.slice(start, start + 25);
      const found = await graphql.query<Json>(VARIANTS_BY_SKU_QUERY, {
        first: chunk.length * 2,
        query: chunk.map((l) => `sku:${JSON.stringify(l.sku)}`).join(" OR "),
      });
      const items = new Map<string, string>();
      for (const raw of asArray(asObject(found.productVariants).nodes)) {
        const variant = asObject(raw);
        const sku = text(variant.sku);
        const item = text(asObject(variant.inventoryItem).id);
        if (sku && item && !items.has(sku)) items.set(sku, item);
      }
      const quantities: Array<{ inventoryItemId: string; locationId: string; quantity: number }> = [];
      const sent: string[] = [];
      for (const level of chunk) {
        const item = items.get(level.sku);
        if (!item) {
          result.failed.push({ sku: level.sku, reason: "no Shopify variant has this SKU" });
          continue;
        }
        quantities.push({
          inventoryItemId: item,
          locationId: gid("Location", location),
          quantity: Math.max(0, level.available),
        });
        sent.push(level.sku);
      }
      if (quantities.length === 0) continue;
      const set = await graphql.query<Json>(INVENTORY_SET_MUTATION, {
        input: { name: "available", reason: "correction", ignoreCompareQuantity: true, quantities },
      });
      const problems = userErrors(set, "inventorySetQuantities");
      if (problems.length > 0) {
        for (const sku of sent) result.failed.push({ sku, reason: problems.join("; ") });
      } else {
        result.updated.push(...sent);
      }
    }
    return result;
  }

  return {
    channel: "shopify",
    displayName: "Shopify",
    credentialFields: [
      { key: "shopDomain", label: "Shop domain (acme.myshopify.com)", secret: false, required: true },
      { key: "accessToken", label: "Admin API access token", secret: true, required: true },
      { key: "apiSecret", label: "App client secret (signs webhooks)", secret: true, required: true },
      { key: "locationId", label: "Location for stock updates", secret: false, required: false },
    ],

    async verifyWebhook({ rawBody, headers, secret, credentials }) {
      const signature = headerValue(headers, "x-shopify-hmac-sha256");
      if (!signature) return { ok: false, reason: "missing X-Shopify-Hmac-Sha256 header" };
      if (!secret) return { ok: false, reason: "no webhook secret configured" };
      if (!signatureMatches(signature, hmacSha256(secret, bodyBytes(rawBody)), "base64")) {
        return { ok: false, reason: "X-Shopify-Hmac-Sha256 does not match the body" };
      }
      const shop = headerValue(headers, "x-shopify-shop-domain");
      if (credentials?.shopDomain && shop && shop.toLowerCase() !== credentials.shopDomain.toLowerCase()) {
        return { ok: false, reason: `webhook is from ${shop}, not ${credentials.shopDomain}` };
      }
      return {
        ok: true,
        eventId: headerValue(headers, "x-shopify-event-id") ?? headerValue(headers, "x-shopify-webhook-id"),
        topic: headerValue(headers, "x-shopify-topic"),
      };
    },

    parseWebhook(rawBody, headers): ChannelWebhookEvent {
      const topic = headerValue(headers, "x-shopify-topic") ?? "";
      const eventId = headerValue(headers, "x-shopify-event-id") ?? headerValue(headers, "x-shopify-webhook-id");
      const payload = parseJson(rawBody);
      const body = asObject(payload);
      const base = { eventId, topic };
      if (payload === undefined) return { ...base, kind: "ignored", reason: "body is not JSON" };
      if (topic === "orders/cancelled") {
        const externalId = shopifyNumericId(body.id);
        if (!externalId) return { ...base, kind: "ignored", reason: "cancelled order without id" };
        return { ...base, kind: "cancelled", externalId, payload, reason: text(body.cancel_reason) };
      }
      if (topic === "refunds/create") {
        const externalId = shopifyNumericId(body.order_id);
        if (!externalId) return { ...base, kind: "ignored", reason: "refund without order_id" };
        const transactions = asArray(body.transactions)
          .map(asObject)
          .filter((t) => t.kind === "refund" && t.status !== "failure");
        const currency = text(transactions[0]?.currency);
        let amount = 0;
        for (const t of transactions) {
          const parsed = currency ? parseMinorUnits(String(t.amount ?? ""), currency) : null;
          if (parsed?.ok) amount += parsed.value;
        }
        return { ...base, kind: "refunded", externalId, payload, ...(currency ? { currency, amount } : {}) };
      }
      if (ORDER_TOPICS.has(topic)) {
        // An order payload without an id still goes to mapOrder, which reports it field by field.
        return { ...base, kind: "order", externalId: shopifyNumericId(body.id) ?? "", payload };
      }
      return { ...base, kind: "ignored", reason: `topic ${topic || "(none)"} is not handled` };
    },

    mapOrder: mapShopifyOrder,
    pullOrders,
    fetchOrders,
    confirmShipment,
    pushStock,
  };
}

export const shopifyAdapter = createShopifyAdapter();
