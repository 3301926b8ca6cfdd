import type { ChannelAddress, ChannelOrderInput, ChannelOrderStatus, ChannelPaymentStatus } from "@crossflow/domain";
import { asArray, asObject, countryCode, type Json, joinText, MappingErrors, notAnObject, text } from "../mapping";
import type { MapOrderResult } from "../types";

/** "gid://shopify/Order/820982911946154508" → "820982911946154508"; REST ids are already numeric. */
export function shopifyNumericId(id: unknown): string | undefined {
  const value = text(id);
  if (!value) return undefined;
  const match = /^gid:\/\/shopify\/\w+\/(\d+)/.exec(value);
  return match ? match[1] : value;
}

const FINANCIAL: Record<string, ChannelPaymentStatus> = {
  pending: "pending",
  authorized: "authorized",
  partially_paid: "pending",
  paid: "paid",
  partially_refunded: "paid",
  refunded: "refunded",
  voided: "failed",
  expired: "failed",
};

function orderStatus(input: { cancelled: boolean; financial: string; fulfillment: string }): ChannelOrderStatus {
  if (input.cancelled) return "cancelled";
  if (input.financial === "refunded") return "refunded";
  if (input.financial === "partially_refunded") return "partially_refunded";
  if (input.fulfillment === "fulfilled") return "shipped";
  if (input.fulfillment === "partial" || input.fulfillment === "partially_fulfilled") return "partially_shipped";
  if (input.fulfillment === "on_hold") return "on_hold";
  if (input.financial === "pending" || input.financial === "partially_paid") return "pending";
  return "open";
}

/** The REST address (webhooks) and the GraphQL MailingAddress share most names; both are read here. */
function address(raw: unknown): ChannelAddress | undefined {
  const a = asObject(raw);
  if (Object.keys(a).length === 0) return undefined;
  const out: ChannelAddress = {
    name: text(a.name) ?? joinText(a.first_name ?? a.firstName, a.last_name ?? a.lastName),
    line1: text(a.address1) ?? "",
    city: text(a.city) ?? "",
    country: countryCode(a.country_code ?? a.countryCodeV2 ?? a.countryCode),
  };
  const company = text(a.company);
  const line2 = text(a.address2);
  const region = text(a.province_code ?? a.provinceCode) ?? text(a.province);
  const postalCode = text(a.zip);
  const phone = text(a.phone);
  if (company) out.company = company;
  if (line2) out.line2 = line2;
  if (region) out.region = region;
  if (postalCode) out.postalCode = postalCode;
  if (phone) out.phone = phone;
  return out;
}

function sumMoney(
  errors: MappingErrors,
  path: string,
  items: unknown[],
  pick: (item: Json) => unknown,
  currency: string,
) {
  return items.reduce<number>((sum, item, i) => sum + errors.money(`${path}[${i}]`, pick(asObject(item)), currency), 0);
}

/** An order as the REST Admin API and the orders/* webhooks send it (snake_case, money as strings). */
export function mapShopifyRestOrder(o: Json): MapOrderResult {
  const errors = new MappingErrors();
  const currency = errors.currency("currency", o.currency);
  const lines = asArray(o.line_items)
    .map((raw, i) => {
      const line = asObject(raw);
      const path = `line_items[${i}]`;
      const discount =
        asArray(line.discount_allocations).length > 0
          ? sumMoney(
              errors,
              `${path}.discount_allocations`,
              asArray(line.discount_allocations),
              (d) => d.amount,
              currency,
            )
          : errors.money(`${path}.total_discount`, line.total_discount, currency);
      return {
        externalLineId: text(line.id),
        sku: errors.required(`${path}.sku`, line.sku),
        title: text(line.name) ?? text(line.title),
        quantity: errors.integer(`${path}.quantity`, line.quantity),
        unitPrice: errors.requiredMoney(`${path}.price`, line.price, currency),
        tax: sumMoney(errors, `${path}.tax_lines`, asArray(line.tax_lines), (t) => t.price, currency),
        discount,
        requiresShipping: line.requires_shipping !== false,
      };
    })
    .filter((line) => line.requiresShipping)
    .map(({ requiresShipping: _, ...line }) => line);
  const shippingLines = asArray(o.shipping_lines);
  const shippingPaid = shippingLines.reduce<number>((sum, raw, i) => {
    const s = asObject(raw);
    return sum + errors.money(`shipping_lines[${i}].discounted_price`, s.discounted_price ?? s.price, currency);
  }, 0);
  const shippingTax = shippingLines.reduce<number>(
    (sum, raw, i) =>
      sum +
      sumMoney(errors, `shipping_lines[${i}].tax_lines`, asArray(asObject(raw).tax_lines), (t) => t.price, currency),
    0,
  );
  const customer = asObject(o.customer);
  const shipping = address(o.shipping_address);
  if (!shipping) errors.add("shipping_address", "is required");
  const financial = text(o.financial_status) ?? "pending";
  const gateways = asArray(o.payment_gateway_names).map(text).filter(Boolean);
  const order: ChannelOrderInput = {
    channel: "shopify",
    externalId: shopifyNumericId(o.id) ?? errors.required("id", o.id),
    orderNumber: text(o.name),
    status: orderStatus({
      cancelled: Boolean(text(o.cancelled_at)),
      financial,
      fulfillment: text(o.fulfillment_status) ?? "",
    }),
    currency,
    buyer: {
      email: text(o.email) ?? text(o.contact_email) ?? text(customer.email),
      name: joinText(customer.first_name, customer.last_name) || (shipping?.name ?? ""),
      phone: text(o.phone) ?? text(customer.phone),
      locale: text(o.customer_locale),
      externalId: text(customer.id),
    },
    shippingAddress: shipping ?? { name: "", line1: "", city: "", country: "" },
    billingAddress: address(o.billing_address),
    lines,
    shippingPaid,
    shippingTax,
    taxesIncluded: o.taxes_included === true,
    total: errors.money("total_price", o.total_price, currency),
    payment: {
      provider: gateways.includes("shopify_payments") ? "shopify_payments" : "shopify",
      status: FINANCIAL[financial] ?? "pending",
    },
    placedAt: errors.date("created_at", o.created_at),
    updatedAt: text(o.updated_at) ? errors.date("updated_at", o.updated_at) : undefined,
    flags: o.test === true ? { test: true } : {},
  };
  return errors.finish(order);
}

function shopMoney(set: unknown): unknown {
  return asObject(asObject(set).shopMoney).amount;
}

/** An Order node from the Admin GraphQL API (camelCase, MoneyBag sets, enum statuses). */
export function mapShopifyGraphqlOrder(o: Json): MapOrderResult {
  const errors = new MappingErrors();
  const currency = errors.currency("currencyCode", o.currencyCode);
  const lineNodes = asArray(asObject(o.lineItems).nodes);
  const lines = lineNodes
    .map((raw, i) => {
      const line = asObject(raw);
      const path = `lineItems.nodes[${i}]`;
      return {
        externalLineId: shopifyNumericId(line.id),
        sku: errors.required(`${path}.sku`, line.sku),
        title: text(line.name) ?? text(line.title),
        quantity: errors.integer(`${path}.quantity`, line.quantity),
        unitPrice: errors.requiredMoney(
          `${path}.originalUnitPriceSet.shopMoney.amount`,
          shopMoney(line.originalUnitPriceSet),
          currency,
        ),
        tax: sumMoney(errors, `${path}.taxLines`, asArray(line.taxLines), (t) => shopMoney(t.priceSet), currency),
        discount: errors.money(`${path}.totalDiscountSet.shopMoney.amount`, shopMoney(line.totalDiscountSet), currency),
        requiresShipping: line.requiresShipping !== false,
      };
    })
    .filter((line) => line.requiresShipping)
    .map(({ requiresShipping: _, ...line }) => line);
  const shippingNodes = asArray(asObject(o.shippingLines).nodes);
  const shippingPaid = shippingNodes.reduce<number>(
    (sum, raw, i) =>
      sum +
      errors.money(
        `shippingLines.nodes[${i}].discountedPriceSet.shopMoney.amount`,
        shopMoney(asObject(raw).discountedPriceSet ?? asObject(raw).originalPriceSet),
        currency,
      ),
    0,
  );
  const shippingTax = shippingNodes.reduce<number>(
    (sum, raw, i) =>
      sum +
      sumMoney(
        errors,
        `shippingLines.nodes[${i}].taxLines`,
        asArray(asObject(raw).taxLines),
        (t) => shopMoney(t.priceSet),
        currency,
      ),
    0,
  );
  const customer = asObject(o.customer);
  const shipping = address(o.shippingAddress);
  if (!shipping) errors.add("shippingAddress", "is required");
  const financial = (text(o.displayFinancialStatus) ?? "PENDING").toLowerCase();
  const gateways = asArray(o.paymentGatewayNames).map(text).filter(Boolean);
  const order: ChannelOrderInput = {
    channel: "shopify",
    externalId: shopifyNumericId(o.id) ?? errors.required("id", o.id),
    orderNumber: text(o.name),
    status: orderStatus({
      cancelled: Boolean(text(o.cancelledAt)),
      financial,
      fulfillment: (text(o.displayFulfillmentStatus) ?? "").toLowerCase(),
    }),
    currency,
    buyer: {
      email: text(o.email) ?? text(customer.email),
      name: joinText(customer.firstName, customer.lastName) || (shipping?.name ?? ""),
      phone: text(o.phone) ?? text(customer.phone),
      locale: text(o.customerLocale),
      externalId: shopifyNumericId(customer.id),
    },
    shippingAddress: shipping ?? { name: "", line1: "", city: "", country: "" },
    billingAddress: address(o.billingAddress),
    lines,
    shippingPaid,
    shippingTax,
    taxesIncluded: o.taxesIncluded === true,
    total: errors.money("totalPriceSet.shopMoney.amount", shopMoney(o.totalPriceSet), currency),
    payment: {
      provider: gateways.includes("shopify_payments") ? "shopify_payments" : "shopify",
      status: FINANCIAL[financial] ?? "pending",
    },
    placedAt: errors.date("createdAt", o.createdAt),
    updatedAt: text(o.updatedAt) ? errors.date("updatedAt", o.updatedAt) : undefined,
    flags: o.test === true ? { test: true } : {},
  };
  return errors.finish(order);
}

export function mapShopifyOrder(payload: unknown): MapOrderResult {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = payload as Json;
  const isGraphql = typeof o.id === "string" && o.id.startsWith("gid://") && "currencyCode" in o;
  return isGraphql ? mapShopifyGraphqlOrder(o) : mapShopifyRestOrder(o);
}
