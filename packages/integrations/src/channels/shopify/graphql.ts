import { ChannelApiError, joinUrl, requestJson } from "../http";
import { asArray, asObject, type Json, text } from "../mapping";
import type { ChannelRuntime } from "../types";

export const SHOPIFY_API_VERSION = "2025-07";

export interface ShopifyClientConfig {
  baseUrl: string;
  accessToken: string;
}

interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Admin GraphQL with Shopify's cost-based rate limit: each response reports the bucket
 * (extensions.cost.throttleStatus). Before a query we wait until the bucket holds its expected
 * cost, and a THROTTLED answer is waited out and retried.
 */
export class ShopifyGraphqlClient {
  private throttle: ThrottleStatus | null = null;
  private throttleAt = 0;
  /** requestedQueryCost of the last answered query: what the same query will cost next time. */
  lastRequestedCost = 0;

  constructor(
    private readonly runtime: ChannelRuntime,
    private readonly config: ShopifyClientConfig,
  ) {}

  /** Seconds to wait before spending `cost` points, from the last reported bucket. */
  waitMsFor(cost: number): number {
    if (!this.throttle) return 0;
    const elapsed = (this.runtime.now().getTime() - this.throttleAt) / 1000;
    const available = Math.min(
      this.throttle.maximumAvailable,
      this.throttle.currentlyAvailable + elapsed * this.throttle.restoreRate,
    );
    if (available >= cost) return 0;
    return Math.ceil(((cost - available) / this.throttle.restoreRate) * 1000);
  }

  async query<T = Json>(query: string, variables: Record<string, unknown>, expectedCost = 0): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const wait = this.waitMsFor(expectedCost);
      if (wait > 0) await this.runtime.sleep(wait);
      const response = await requestJson<Json>(
        "shopify",
        this.runtime,
        joinUrl(this.config.baseUrl, `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`),
        {
          method: "POST",
          headers: { "X-Shopify-Access-Token": this.config.accessToken },
          body: { query, variables },
        },
      );
      const body = asObject(response.body);
      const cost = asObject(asObject(body.extensions).cost);
      const status = asObject(cost.throttleStatus);
      if (typeof status.currentlyAvailable === "number" && typeof status.restoreRate === "number") {
        this.throttle = {
          maximumAvailable: Number(status.maximumAvailable ?? status.currentlyAvailable),
          currentlyAvailable: status.currentlyAvailable,
          restoreRate: status.restoreRate,
        };
        this.throttleAt = this.runtime.now().getTime();
      }
      if (typeof cost.requestedQueryCost === "number") this.lastRequestedCost = cost.requestedQueryCost;
      const errors = asArray(body.errors).map(asObject);
      if (errors.length > 0) {
        const throttled = errors.some((e) => asObject(e.extensions).code === "THROTTLED");
        if (throttled && attempt < 6) {
          const requested = typeof cost.requestedQueryCost === "number" ? cost.requestedQueryCost : expectedCost;
          expectedCost = Math.max(expectedCost, requested);
          // With no bucket reported, fall back to a second per attempt.
          if (this.waitMsFor(expectedCost) === 0) await this.runtime.sleep(1000 * attempt);
          continue;
        }
        throw new ChannelApiError(
          "shopify",
          `GraphQL errors: ${errors.map((e) => text(e.message) ?? "error").join("; ")}`,
          throttled ? 429 : 400,
          body,
          throttled,
        );
      }
      return body.data as T;
    }
  }
}

export const ORDER_FIELDS = `
  id name email phone createdAt updatedAt cancelledAt test taxesIncluded currencyCode customerLocale
  displayFinancialStatus displayFulfillmentStatus paymentGatewayNames
  customer { id firstName lastName email phone }
  shippingAddress { name firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone }
  billingAddress { name firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone }
  totalPriceSet { shopMoney { amount currencyCode } }
  lineItems(first: 100) {
    nodes {
      id sku name title quantity requiresShipping
      originalUnitPriceSet { shopMoney { amount currencyCode } }
      totalDiscountSet { shopMoney { amount currencyCode } }
      taxLines { priceSet { shopMoney { amount currencyCode } } }
    }
  }
  shippingLines(first: 10) {
    nodes {
      discountedPriceSet { shopMoney { amount currencyCode } }
      taxLines { priceSet { shopMoney { amount currencyCode } } }
    }
  }
`;

export const ORDERS_QUERY = `query CrossflowOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ${ORDER_FIELDS} }
  }
}`;

export const ORDERS_BY_ID_QUERY = `query CrossflowOrdersById($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Order { ${ORDER_FIELDS} } }
}`;

export const FULFILLMENT_ORDERS_QUERY = `query CrossflowFulfillmentOrders($id: ID!) {
  order(id: $id) {
    fulfillmentOrders(first: 20) {
      nodes {
        id status
        lineItems(first: 100) { nodes { id remainingQuantity lineItem { id sku } } }
      }
    }
  }
}`;

export const FULFILLMENT_CREATE_MUTATION = `mutation CrossflowFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

export const VARIANTS_BY_SKU_QUERY = `query CrossflowVariantsBySku($first: Int!, $query: String!) {
  productVariants(first: $first, query: $query) { nodes { sku inventoryItem { id } } }
}`;

export const INVENTORY_SET_MUTATION = `mutation CrossflowInventorySet($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}`;
