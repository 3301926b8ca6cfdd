import { ORDER_STATUSES } from "@crossflow/domain";
import { z } from "@hono/zod-openapi";
import { Address, CountryCode, CurrencyCode, MinorUnits } from "./common.schemas";
import { Sku } from "./products.schemas";

export const OrderInput = z
  .object({
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "Your order number; the same externalId is never imported twice", example: "A-1001" }),
    currency: CurrencyCode,
    customer: z.object({
      email: z.email({ message: "must be an e-mail address" }).max(320),
      name: z.string().trim().min(1).max(200),
      phone: z.string().max(40).optional(),
      locale: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "must be a BCP 47 language tag such as de or zh-CN" })
        .optional(),
    }),
    shippingAddress: Address,
    billingAddress: Address.optional(),
    lines: z
      .array(
        z.object({
          sku: Sku,
          title: z.string().trim().min(1).max(500).optional(),
          quantity: z.number().int().positive().max(100_000),
          unitPrice: MinorUnits,
        }),
      )
      .min(1, { message: "an order needs at least one line" })
      .max(500),
    shippingPaid: MinorUnits.default(0),
    payment: z.object({
      provider: z.enum(["stripe", "paypal", "channel", "manual", "cod"]),
      reference: z.string().max(200).optional(),
      status: z.enum(["paid", "authorized", "pending", "failed", "refunded"]),
    }),
    placedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi("OrderInput");

const Decision = z.object({
  id: z.string(),
  kind: z.string().openapi({ example: "allocation" }),
  outcome: z.record(z.string(), z.unknown()),
  reason: z.string(),
  ruleId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  facts: z.record(z.string(), z.unknown()),
  alternatives: z.array(z.unknown()),
  createdAt: z.string(),
});

export const Order = z
  .looseObject({
    id: z.string().openapi({ example: "ord_01hx…" }),
    externalId: z.string(),
    channel: z.string(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    subtotal: z.number().int(),
    shippingPaid: z.number().int(),
    total: z.number().int(),
    customer: z.object({ email: z.string(), name: z.string(), phone: z.string().nullable(), locale: z.string() }),
    shippingAddress: Address,
    lines: z.array(
      z.object({
        sku: z.string(),
        title: z.string(),
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        currency: z.string(),
        allocations: z.array(z.object({ warehouseId: z.string(), quantity: z.number().int(), released: z.boolean() })),
      }),
    ),
    decisions: z.array(Decision),
    holds: z.array(z.object({ code: z.string(), message: z.string() })),
    shipments: z.array(z.looseObject({})),
    documents: z.array(z.object({ id: z.string(), kind: z.string(), contentType: z.string(), url: z.string() })),
    landedCost: z.unknown().nullable(),
    timeline: z.array(z.object({ at: z.string(), status: z.string(), message: z.string(), actor: z.string() })),
  })
  .openapi("Order");

export const OrderSummary = z
  .object({
    id: z.string(),
    externalId: z.string(),
    channel: z.string(),
    status: z.string(),
    currency: z.string(),
    total: z.number().int(),
    customerName: z.string(),
    customerEmail: z.string(),
    country: z.string(),
    lineCount: z.number().int(),
    holds: z.array(z.object({ code: z.string(), message: z.string() })),
    heldAt: z.string().nullable().openapi({ description: "When the order last went on hold (null unless on_hold)" }),
    createdAt: z.string(),
  })
  .openapi("OrderSummary");

export const OrderListQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  country: CountryCode.optional(),
  channel: z.string().max(50).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const OrderList = z
  .object({ data: z.array(OrderSummary), nextCursor: z.string().nullable() })
  .openapi("OrderList");

export const CancelInput = z.object({ reason: z.string().trim().min(1).max(500).optional() }).openapi("CancelInput");
