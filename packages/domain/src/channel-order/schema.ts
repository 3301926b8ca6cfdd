import { z } from "zod";
import { isCountry } from "../country";
import { isCurrency } from "../currency";

/** Where the order stands on the channel, in one vocabulary across channels. */
export const CHANNEL_ORDER_STATUSES = [
  "pending",
  "open",
  "on_hold",
  "partially_shipped",
  "shipped",
  "delivered",
  "cancelled",
  "partially_refunded",
  "refunded",
] as const;
export type ChannelOrderStatus = (typeof CHANNEL_ORDER_STATUSES)[number];

/** The intake vocabulary for payments (the same set POST /v1/orders accepts). */
export const CHANNEL_PAYMENT_STATUSES = ["paid", "authorized", "pending", "failed", "refunded"] as const;
export type ChannelPaymentStatus = (typeof CHANNEL_PAYMENT_STATUSES)[number];

/** Marketplace programmes that change how an order is fulfilled, taxed or supported. */
export const MARKETPLACE_FLAGS = [
  "amazonPrime",
  "amazonFba",
  "amazonBusiness",
  "amazonPremiumShipping",
  "ebayGlobalShipping",
  "ebayInternationalShipping",
  "ebayAuthenticityGuarantee",
  "tiktokFulfilled",
  "tiktokShipping",
  "cashOnDelivery",
  "marketplaceCollectsTax",
  "test",
] as const;
export type MarketplaceFlag = (typeof MARKETPLACE_FLAGS)[number];

const minorUnits = z
  .number({ message: "must be an amount in minor units" })
  .int({ message: "must be an integer amount in minor units" })
  .min(0, { message: "must not be negative" })
  .max(Number.MAX_SAFE_INTEGER);

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });

export const channelAddressSchema = z.object({
  name: trimmed(200),
  company: trimmed(200).optional(),
  line1: trimmed(300),
  line2: trimmed(300).optional(),
  city: trimmed(120).min(1, { message: "is required" }),
  region: trimmed(120).optional(),
  postalCode: trimmed(20).optional(),
  country: z.string().refine(isCountry, { message: "must be an ISO 3166-1 alpha-2 country code such as DE" }),
  phone: trimmed(60).optional(),
});

export const channelOrderLineSchema = z.object({
  /** The channel's id for the line: Shopify line item gid, eBay lineItemId, Amazon OrderItemId. */
  externalLineId: trimmed(200).min(1).optional(),
  sku: trimmed(100).min(1, { message: "is required" }),
  title: trimmed(500).optional(),
  quantity: z
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .positive({ message: "must be at least 1" })
    .max(100_000),
  /** Price of one unit before discounts, as the channel lists it (tax included when taxesIncluded). */
  unitPrice: minorUnits,
  /** Tax on the whole line. */
  tax: minorUnits,
  /** Discounts on the whole line. */
  discount: minorUnits,
});

const placedAtSchema = z.union([
  z.date().refine((d) => !Number.isNaN(d.getTime()), { message: "must be a valid date" }),
  z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).transform((s) => new Date(s)),
]);

export const channelOrderSchema = z
  .object({
    channel: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: "must be a lower-case channel name" }),
    externalId: trimmed(200).min(1, { message: "is required" }),
    /** What the merchant and the buyer call the order (Shopify "#1001"); externalId stays the key. */
    orderNumber: trimmed(200).optional(),
    status: z.enum(CHANNEL_ORDER_STATUSES, { message: `must be one of ${CHANNEL_ORDER_STATUSES.join(", ")}` }),
    currency: z.string().refine(isCurrency, { message: "must be an ISO 4217 currency code such as EUR" }),
    buyer: z.object({
      email: z.email({ message: "must be an e-mail address" }).max(320).optional(),
      name: trimmed(200),
      phone: trimmed(60).optional(),
      locale: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "must be a BCP 47 language tag such as de or zh-CN" })
        .optional(),
      /** The buyer's id or user name on the channel. */
      externalId: trimmed(200).optional(),
    }),
    shippingAddress: channelAddressSchema,
    billingAddress: channelAddressSchema.optional(),
    lines: z.array(channelOrderLineSchema).min(1, { message: "an order needs at least one line" }).max(500),
    shippingPaid: minorUnits,
    shippingTax: minorUnits,
    /** True when unit prices and shipping already include tax (EU/UK shops, most marketplaces outside the US). */
    taxesIncluded: z.boolean(),
    /** The channel's grand total, kept to reconcile against; intake recomputes its own. */
    total: minorUnits.optional(),
    payment: z.object({
      provider: trimmed(50).min(1, { message: "is required" }),
      reference: trimmed(200).min(1).optional(),
      status: z.enum(CHANNEL_PAYMENT_STATUSES, { message: `must be one of ${CHANNEL_PAYMENT_STATUSES.join(", ")}` }),
    }),
    placedAt: placedAtSchema,
    updatedAt: placedAtSchema.optional(),
    flags: z.partialRecord(z.enum(MARKETPLACE_FLAGS), z.boolean()),
    /**
     * Fields the channel withholds unless the app holds extra data rights (Amazon restricted
     * data, TikTok masked addresses), as paths such as "buyer.email" or "shippingAddress.line1".
     * They may be empty here; the order still arrives and the address check holds it.
     */
    restrictedFields: z.array(z.string()).default([]),
  })
  .superRefine((order, ctx) => {
    const restricted = new Set(order.restrictedFields);
    const requireText = (path: [string, string], value: string | undefined) => {
      if (!value && !restricted.has(path.join("."))) ctx.addIssue({ code: "custom", path, message: "is required" });
    };
    requireText(["shippingAddress", "name"], order.shippingAddress.name);
    requireText(["shippingAddress", "line1"], order.shippingAddress.line1);
    if (!order.buyer.name && !order.shippingAddress.name) {
      requireText(["buyer", "name"], order.buyer.name);
    }
    order.lines.forEach((line, index) => {
      if (line.discount > line.unitPrice * line.quantity) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", index, "discount"],
          message: "is larger than the line's price",
        });
      }
    });
  });

export type ChannelAddress = z.output<typeof channelAddressSchema>;
export type ChannelOrderLine = z.output<typeof channelOrderLineSchema>;
/** One order from any channel, normalized: money in integer minor units of `currency`. */
export type ChannelOrder = z.output<typeof channelOrderSchema>;
/** What an adapter builds before validation (restrictedFields may be left out). */
export type ChannelOrderInput = z.input<typeof channelOrderSchema>;
