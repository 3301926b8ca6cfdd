import type { ChannelOrderInput, ChannelOrderStatus } from "@crossflow/domain";
import { asArray, asObject, countryCode, type Json, MappingErrors, notAnObject, text } from "../mapping";
import type { MapOrderResult } from "../types";

/** Marketplaces whose prices are quoted before sales tax (US, Canada); elsewhere ItemPrice includes VAT/GST. */
const TAX_EXCLUSIVE_MARKETPLACES = new Set(["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"]);

const STATUS: Record<string, ChannelOrderStatus> = {
  Pending: "pending",
  PendingAvailability: "pending",
  Unshipped: "open",
  InvoiceUnconfirmed: "open",
  PartiallyShipped: "partially_shipped",
  Shipped: "shipped",
  Canceled: "cancelled",
  Unfulfillable: "on_hold",
};

/** One order as the adapter pulls it: getOrders' Order plus its getOrderItems items. */
export interface AmazonOrderPayload {
  order: Json;
  items: Json[];
}

function amount(errors: MappingErrors, path: string, money: unknown, currency: string): number {
  return errors.money(`${path}.Amount`, asObject(money).Amount, currency);
}

/**
 * An SP-API order. Without a Restricted Data Token Amazon withholds the buyer's e-mail,
 * name and street: what is there is mapped and what is missing is listed in
 * restrictedFields, so the order arrives and the address check holds it for the merchant.
 */
export function mapAmazonOrder(payload: unknown): MapOrderResult {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = asObject((payload as Json).order);
  const items = asArray((payload as Json).items).map(asObject);
  const errors = new MappingErrors();
  const total = asObject(o.OrderTotal);
  const currency = errors.currency(
    "order.OrderTotal.CurrencyCode",
    total.CurrencyCode ?? asObject(items[0]?.ItemPrice).CurrencyCode,
  );
  const address = asObject(o.ShippingAddress);
  const buyer = asObject(o.BuyerInfo);
  const restricted: string[] = [];
  const withheld = (path: string, value: string | undefined) => {
    if (!value) restricted.push(path);
    return value ?? "";
  };
  if (items.length === 0) errors.add("items", "getOrderItems returned no items");
  const lines = items.map((item, i) => {
    const path = `items[${i}]`;
    const quantity = errors.integer(`${path}.QuantityOrdered`, item.QuantityOrdered);
    // ItemPrice is the price of the whole quantity; round the unit price up and count the
    // difference as discount so the line's total stays exact.
    const linePrice = amount(errors, `${path}.ItemPrice`, item.ItemPrice, currency);
    const unitPrice = quantity > 0 ? Math.ceil(linePrice / quantity) : 0;
    const promotion = amount(errors, `${path}.PromotionDiscount`, item.PromotionDiscount, currency);
    return {
      externalLineId: text(item.OrderItemId),
      sku: errors.required(`${path}.SellerSKU`, item.SellerSKU),
      title: text(item.Title),
      quantity,
      unitPrice,
      tax: amount(errors, `${path}.ItemTax`, item.ItemTax, currency),
      discount: unitPrice * quantity - linePrice + promotion,
    };
  });
  const shippingPaid = items.reduce(
    (sum, item, i) =>
      sum +
      amount(errors, `items[${i}].ShippingPrice`, item.ShippingPrice, currency) -
      amount(errors, `items[${i}].ShippingDiscount`, item.ShippingDiscount, currency),
    0,
  );
  const shippingTax = items.reduce(
    (sum, item, i) => sum + amount(errors, `items[${i}].ShippingTax`, item.ShippingTax, currency),
    0,
  );
  const status = text(o.OrderStatus) ?? "";
  const shipName = withheld("shippingAddress.name", text(address.Name));
  const buyerName = text(buyer.BuyerName);
  if (!buyerName && !shipName) restricted.push("buyer.name");
  const postalCode = text(address.PostalCode);
  const region = text(address.StateOrRegion);
  const phone = text(address.Phone);
  const line2 = [text(address.AddressLine2), text(address.AddressLine3)].filter(Boolean).join(", ");
  const order: ChannelOrderInput = {
    channel: "amazon",
    externalId: errors.required("order.AmazonOrderId", o.AmazonOrderId),
    orderNumber: text(o.AmazonOrderId),
    status: STATUS[status] ?? "open",
    currency,
    buyer: {
      email: withheld("buyer.email", text(buyer.BuyerEmail)),
      name: buyerName ?? "",
      ...(phone ? { phone } : {}),
    },
    shippingAddress: {
      name: shipName,
      line1: withheld("shippingAddress.line1", text(address.AddressLine1)),
      ...(line2 ? { line2 } : {}),
      city: errors.required("order.ShippingAddress.City", address.City),
      ...(region ? { region } : {}),
      ...(postalCode ? { postalCode } : {}),
      country: countryCode(address.CountryCode),
      ...(phone ? { phone } : {}),
    },
    lines,
    shippingPaid,
    shippingTax,
    taxesIncluded: !TAX_EXCLUSIVE_MARKETPLACES.has(text(o.MarketplaceId) ?? ""),
    total: amount(errors, "order.OrderTotal", o.OrderTotal, currency),
    payment: {
      provider: "amazon",
      reference: text(o.AmazonOrderId),
      status: status === "Pending" || status === "PendingAvailability" || status === "Canceled" ? "pending" : "paid",
    },
    placedAt: errors.date("order.PurchaseDate", o.PurchaseDate),
    updatedAt: text(o.LastUpdateDate) ? errors.date("order.LastUpdateDate", o.LastUpdateDate) : undefined,
    flags: {
      ...(o.IsPrime === true ? { amazonPrime: true } : {}),
      ...(text(o.FulfillmentChannel) === "AFN" ? { amazonFba: true } : {}),
      ...(o.IsBusinessOrder === true ? { amazonBusiness: true } : {}),
      ...(o.IsPremiumOrder === true ? { amazonPremiumShipping: true } : {}),
    },
    restrictedFields: restricted,
  };
  // buyer.email "" must be absent, not empty, for the e-mail check.
  if (!order.buyer.email) delete order.buyer.email;
  return errors.finish(order);
}
