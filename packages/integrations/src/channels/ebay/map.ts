import type { ChannelAddress, ChannelOrderInput, ChannelOrderStatus, ChannelPaymentStatus } from "@crossflow/domain";
import { asArray, asObject, countryCode, type Json, MappingErrors, notAnObject, text } from "../mapping";
import type { MapOrderResult } from "../types";

const TAX_EXCLUSIVE_MARKETPLACES = new Set(["EBAY_US", "EBAY_CA", "EBAY_MOTORS_US"]);

const PAYMENT: Record<string, ChannelPaymentStatus> = {
  PAID: "paid",
  PENDING: "pending",
  FAILED: "failed",
  FULLY_REFUNDED: "refunded",
  PARTIALLY_REFUNDED: "paid",
};

function status(o: Json): ChannelOrderStatus {
  if (text(asObject(o.cancelStatus).cancelState) === "CANCELED") return "cancelled";
  const payment = text(o.orderPaymentStatus);
  if (payment === "FULLY_REFUNDED") return "refunded";
  if (payment === "PARTIALLY_REFUNDED") return "partially_refunded";
  const fulfillment = text(o.orderFulfillmentStatus);
  if (fulfillment === "FULFILLED") return "shipped";
  if (fulfillment === "IN_PROGRESS") return "partially_shipped";
  if (payment === "PENDING" || payment === "FAILED") return "pending";
  return "open";
}

function address(contact: Json, fullName: unknown, phone: unknown, company: unknown): ChannelAddress {
  const out: ChannelAddress = {
    name: text(fullName) ?? "",
    line1: text(contact.addressLine1) ?? "",
    city: text(contact.city) ?? "",
    country: countryCode(contact.countryCode),
  };
  const values = {
    company: text(company),
    line2: text(contact.addressLine2),
    region: text(contact.stateOrProvince),
    postalCode: text(contact.postalCode),
    phone: text(phone),
  };
  for (const [key, value] of Object.entries(values)) if (value) out[key as keyof typeof values] = value;
  return out;
}

/**
 * An order from the Fulfillment API (getOrders/getOrder). For Global Shipping and eBay
 * International Shipping orders, shipTo is eBay's domestic hub (where the merchant ships);
 * the buyer's own address stays eBay's business.
 */
export function mapEbayOrder(payload: unknown): MapOrderResult {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = payload as Json;
  const errors = new MappingErrors();
  const pricing = asObject(o.pricingSummary);
  const currency = errors.currency("pricingSummary.total.currency", asObject(pricing.total).currency);
  const money = (path: string, value: unknown) => errors.money(`${path}.value`, asObject(value).value, currency);
  const lineItems = asArray(o.lineItems).map(asObject);
  const lines = lineItems.map((item, i) => {
    const path = `lineItems[${i}]`;
    const quantity = errors.integer(`${path}.quantity`, item.quantity);
    // lineItemCost is the price of the whole quantity before discounts.
    const cost = money(`${path}.lineItemCost`, item.lineItemCost);
    const unitPrice = quantity > 0 ? Math.ceil(cost / quantity) : 0;
    const promotions = asArray(item.appliedPromotions).reduce<number>(
      (sum, p, j) => sum + money(`${path}.appliedPromotions[${j}].discountAmount`, asObject(p).discountAmount),
      0,
    );
    const taxes = asArray(item.taxes).reduce<number>(
      (sum, t, j) => sum + money(`${path}.taxes[${j}].amount`, asObject(t).amount),
      0,
    );
    const sku = text(item.sku);
    if (!sku) errors.add(`${path}.sku`, "is required (give the eBay listing a custom label / SKU)");
    return {
      externalLineId: text(item.lineItemId),
      sku: sku ?? "(missing)",
      title: text(item.title),
      quantity,
      unitPrice,
      tax: taxes,
      discount: unitPrice * quantity - cost + promotions,
    };
  });
  const instruction = asObject(asArray(o.fulfillmentStartInstructions)[0]);
  const shipTo = asObject(asObject(instruction.shippingStep).shipTo);
  if (Object.keys(shipTo).length === 0)
    errors.add("fulfillmentStartInstructions[0].shippingStep.shipTo", "is required");
  const program = asObject(o.program);
  const international = program.ebayInternationalShipping !== undefined;
  const authenticity = program.authenticityVerification !== undefined;
  const hubShipment = instruction.ebaySupportedFulfillment === true;
  const buyer = asObject(o.buyer);
  const registration = asObject(buyer.buyerRegistrationAddress);
  const payment = asObject(asArray(asObject(o.paymentSummary).payments)[0]);
  const marketplace = text(lineItems[0]?.purchaseMarketplaceId) ?? text(lineItems[0]?.listingMarketplaceId) ?? "";
  const collectAndRemit = lineItems.some((item) => asArray(item.ebayCollectAndRemitTaxes).length > 0);
  const shippingAddress = address(
    asObject(shipTo.contactAddress),
    shipTo.fullName,
    asObject(shipTo.primaryPhone).phoneNumber,
    shipTo.companyName,
  );
  const order: ChannelOrderInput = {
    channel: "ebay",
    externalId: errors.required("orderId", o.orderId),
    orderNumber: text(o.salesRecordReference) ?? text(o.legacyOrderId),
    status: status(o),
    currency,
    buyer: {
      email: text(registration.email) ?? text(shipTo.email),
      // For hub shipments shipTo names the hub, not the buyer.
      name: text(registration.fullName) ?? (hubShipment ? (text(buyer.username) ?? "") : shippingAddress.name),
      phone: text(asObject(registration.primaryPhone).phoneNumber),
      externalId: text(buyer.username),
    },
    shippingAddress,
    lines,
    shippingPaid:
      money("pricingSummary.deliveryCost", pricing.deliveryCost) -
      money("pricingSummary.deliveryDiscount", pricing.deliveryDiscount),
    shippingTax: 0,
    taxesIncluded: !TAX_EXCLUSIVE_MARKETPLACES.has(marketplace),
    total: money("pricingSummary.total", pricing.total),
    payment: {
      provider: "ebay",
      reference: text(payment.paymentReferenceId),
      status: PAYMENT[text(o.orderPaymentStatus) ?? ""] ?? "pending",
    },
    placedAt: errors.date("creationDate", o.creationDate),
    updatedAt: text(o.lastModifiedDate) ? errors.date("lastModifiedDate", o.lastModifiedDate) : undefined,
    flags: {
      ...(international ? { ebayInternationalShipping: true } : {}),
      ...(hubShipment && !international && !authenticity ? { ebayGlobalShipping: true } : {}),
      ...(authenticity ? { ebayAuthenticityGuarantee: true } : {}),
      ...(collectAndRemit ? { marketplaceCollectsTax: true } : {}),
    },
  };
  return errors.finish(order);
}
