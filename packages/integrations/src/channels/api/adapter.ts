import type { ChannelAddress, ChannelOrderInput } from "@crossflow/domain";
import { asArray, asObject, countryCode, MappingErrors, notAnObject, text } from "../mapping";
import type { ChannelAdapter, MapOrderResult } from "../types";

function address(raw: unknown): ChannelAddress | undefined {
  if (raw === undefined || raw === null) return undefined;
  const a = asObject(raw);
  const out: ChannelAddress = {
    name: text(a.name) ?? "",
    line1: text(a.line1) ?? "",
    city: text(a.city) ?? "",
    country: countryCode(a.country),
  };
  for (const key of ["company", "line2", "region", "postalCode", "phone"] as const) {
    const value = text(a[key]);
    if (value) out[key] = value;
  }
  return out;
}

/**
 * The body of POST /v1/orders (amounts already in minor units) as a normalized order: what
 * a dead letter from the API replays through.
 */
export function mapApiOrder(payload: unknown, now: Date = new Date()): MapOrderResult {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = asObject(payload);
  const errors = new MappingErrors();
  const customer = asObject(o.customer);
  const payment = asObject(o.payment);
  const status = text(payment.status);
  const order: ChannelOrderInput = {
    channel: "api",
    externalId: errors.required("externalId", o.externalId),
    status: status === "paid" || status === "authorized" ? "open" : status === "refunded" ? "refunded" : "pending",
    currency: errors.currency("currency", o.currency),
    buyer: {
      email: text(customer.email),
      name: text(customer.name) ?? "",
      phone: text(customer.phone),
      locale: text(customer.locale),
    },
    shippingAddress: address(o.shippingAddress) ?? { name: "", line1: "", city: "", country: "" },
    billingAddress: address(o.billingAddress),
    lines: asArray(o.lines).map((raw, i) => {
      const line = asObject(raw);
      return {
        sku: errors.required(`lines[${i}].sku`, line.sku),
        title: text(line.title),
        quantity: errors.integer(`lines[${i}].quantity`, line.quantity),
        unitPrice: errors.integer(`lines[${i}].unitPrice`, line.unitPrice),
        tax: 0,
        discount: 0,
      };
    }),
    shippingPaid: o.shippingPaid === undefined ? 0 : errors.integer("shippingPaid", o.shippingPaid),
    shippingTax: 0,
    taxesIncluded: true,
    payment: {
      provider: errors.required("payment.provider", payment.provider),
      reference: text(payment.reference),
      status: (status ?? "") as ChannelOrderInput["payment"]["status"],
    },
    placedAt: o.placedAt === undefined ? now : errors.date("placedAt", o.placedAt),
    flags: {},
  };
  if (!text(customer.email)) errors.add("customer.email", "is required");
  return errors.finish(order);
}

export const apiAdapter: ChannelAdapter = {
  channel: "api",
  displayName: "Crossflow API",
  credentialFields: [],
  mapOrder: (payload) => mapApiOrder(payload),
};
