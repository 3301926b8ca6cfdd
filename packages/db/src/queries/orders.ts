import { assertTransition, linesSubtotal, newId, type OrderStatus } from "@crossflow/domain";
import { and, asc, desc, eq, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { allocations } from "../schema/allocations";
import type { Address } from "../schema/columns";
import { customers } from "../schema/customers";
import { decisions } from "../schema/decisions";
import { documents } from "../schema/documents";
import { orderEvents } from "../schema/order-events";
import { orderLines } from "../schema/order-lines";
import { type OrderHold, type OrderPayment, type OrderReviewDirectives, orders } from "../schema/orders";
import { shipments } from "../schema/shipments";
import { withoutTenant, withTenant } from "../tenancy";
import { listTrackingEvents } from "./after-sale";
import { DomainConflictError } from "./errors";
import { getProductsBySkus } from "./products";
import { getCurrentTenant, rowsOf } from "./tenants";

export interface NewOrder {
  channel: string;
  externalId: string;
  currency: string;
  customer: { email: string; name: string; phone?: string | null; locale?: string | null };
  shippingAddress: Address;
  billingAddress?: Address | null;
  lines: Array<{ sku: string; title?: string | null; quantity: number; unitPrice: number }>;
  shippingPaid: number;
  payment: OrderPayment;
  placedAt?: Date;
}

export type OrderRow = typeof orders.$inferSelect;

/**
 * Stores an order once per (tenant, channel, external id): a second delivery of the same
 * channel order returns the first one with created=false and changes nothing.
 */
export async function createOrder(
  tx: Tx,
  tenantId: string,
  input: NewOrder,
  actor: string,
): Promise<{ order: OrderRow; created: boolean }> {
  const existing = await findOrderByExternalId(tx, input.channel, input.externalId);
  if (existing) return { order: existing, created: false };

  const email = input.customer.email.trim().toLowerCase();
  const [customer] = await tx
    .insert(customers)
    .values({
      id: newId("cus"),
      tenantId,
      email,
      name: input.customer.name,
      phone: input.customer.phone ?? null,
      locale: input.customer.locale ?? "en",
    })
    .onConflictDoUpdate({
      target: [customers.tenantId, customers.email],
      set: { name: input.customer.name, phone: input.customer.phone ?? null, locale: input.customer.locale ?? "en" },
    })
    .returning({ id: customers.id });

  const subtotal = linesSubtotal(input.lines);
  const id = newId("ord");
  const inserted = await tx
    .insert(orders)
    .values({
      id,
      tenantId,
      channel: input.channel,
      externalId: input.externalId,
      status: "received",
      currency: input.currency,
      customerId: customer!.id,
      shippingAddress: input.shippingAddress,
      billingAddress: input.billingAddress ?? null,
      subtotal,
      shippingPaid: input.shippingPaid,
      total: subtotal + input.shippingPaid,
      payment: input.payment,
      placedAt: input.placedAt ?? new Date(),
    })
    .onConflictDoNothing({ target: [orders.tenantId, orders.channel, orders.externalId] })
    .returning();
  const order = inserted[0];
  if (!order) {
    // Lost a race with a concurrent delivery of the same channel order.
    const winner = await findOrderByExternalId(tx, input.channel, input.externalId);
    if (!winner) throw new Error("order vanished after a unique conflict");
    return { order: winner, created: false };
  }

  const catalog = new Map(
    (
      await getProductsBySkus(
        tx,
        input.lines.map((l) => l.sku),
      )
    ).map((p) => [p.sku, p.title]),
  );
  await tx.insert(orderLines).values(
    input.lines.map((line, index) => ({
      id: newId("oln"),
      tenantId,
      orderId: id,
      lineNo: index + 1,
      sku: line.sku,
      title: line.title ?? catalog.get(line.sku) ?? line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
    })),
  );
  await appendOrderEvent(tx, {
    tenantId,
    orderId: id,
    status: "received",
    message: `Order received from ${input.channel}`,
    actor,
  });
  return { order, created: true };
}

export async function findOrderByExternalId(tx: Tx, channel: string, externalId: string) {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.channel, channel), eq(orders.externalId, externalId)));
  return row ?? null;
}

export async function getOrderRow(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(orders).where(eq(orders.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function appendOrderEvent(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string;
    status: string;
    message: string;
    actor: string;
    data?: Record<string, unknown>;
  },
) {
  await tx.insert(orderEvents).values({ id: newId("evt"), ...input });
}

/**
 * Moves an order to a new status if the state machine allows it, with a timeline entry.
 * The row is locked for the rest of the transaction so two writers cannot interleave.
 */
export async function transitionOrder(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string;
    to: OrderStatus;
    message: string;
    actor: string;
    holds?: OrderHold[];
    data?: Record<string, unknown>;
  },
) {
  const order = await getOrderRow(tx, input.orderId, { forUpdate: true });
  if (!order) throw new DomainConflictError("not_found", `Order ${input.orderId} not found`);
  assertTransition(order.status as OrderStatus, input.to);
  // Entering a hold remembers where to resume; leaving one clears the reasons.
  const holdState =
    input.to === "on_hold"
      ? { heldFrom: order.status, holds: input.holds ?? order.holds }
      : order.status === "on_hold"
        ? { heldFrom: null, holds: [] }
        : input.holds
          ? { holds: input.holds }
          : {};
  const [updated] = await tx
    .update(orders)
    .set({ status: input.to, updatedAt: new Date(), ...holdState })
    .where(eq(orders.id, input.orderId))
    .returning();
  await appendOrderEvent(tx, {
    tenantId: input.tenantId,
    orderId: input.orderId,
    status: input.to,
    message: input.message,
    actor: input.actor,
    data: input.data,
  });
  return updated!;
}

export async function recordDecision(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string;
    kind: string;
    outcome: Record<string, unknown>;
    reason: string;
    facts: Record<string, unknown>;
    ruleId?: string | null;
    ruleVersion?: number | null;
    alternatives?: unknown[];
  },
) {
  const [row] = await tx
    .insert(decisions)
    .values({
      id: newId("dec"),
      ...input,
      ruleId: input.ruleId ?? null,
      ruleVersion: input.ruleVersion ?? null,
      alternatives: input.alternatives ?? [],
    })
    .returning();
  return row!;
}

export async function getOrderLines(tx: Tx, orderId: string) {
  return tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
}

/** The full order as the API shows it: lines, decisions (and why), holds, timeline. */
export async function getOrderDetail(tx: Tx, id: string) {
  const order = await getOrderRow(tx, id);
  if (!order) return null;
  const [customer] = await tx.select().from(customers).where(eq(customers.id, order.customerId));
  const [lines, allocs, decisionRows, events, shipmentRows, documentRows] = await Promise.all([
    getOrderLines(tx, id),
    tx
      .select()
      .from(allocations)
      .where(and(eq(allocations.orderId, id)))
      .orderBy(asc(allocations.id)),
    tx.select().from(decisions).where(eq(decisions.orderId, id)).orderBy(asc(decisions.id)),
    tx.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.id)),
    tx.select().from(shipments).where(eq(shipments.orderId, id)).orderBy(asc(shipments.id)),
    tx.select().from(documents).where(eq(documents.orderId, id)).orderBy(asc(documents.id)),
  ]);
  const trackingRows = await listTrackingEvents(
    tx,
    shipmentRows.map((s) => s.id),
  );
  return {
    id: order.id,
    externalId: order.externalId,
    channel: order.channel,
    status: order.status as OrderStatus,
    currency: order.currency,
    subtotal: order.subtotal,
    shippingPaid: order.shippingPaid,
    total: order.total,
    customer: { email: customer!.email, name: customer!.name, phone: customer!.phone, locale: customer!.locale },
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    lines: lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      currency: order.currency,
      allocations: allocs
        .filter((a) => a.sku === l.sku)
        .map((a) => ({ warehouseId: a.warehouseId, quantity: a.quantity, released: a.releasedAt !== null })),
    })),
    payment: order.payment,
    decisions: decisionRows.map((d) => ({
      id: d.id,
      kind: d.kind,
      outcome: d.outcome,
      reason: d.reason,
      ruleId: d.ruleId,
      ruleVersion: d.ruleVersion,
      facts: d.facts,
      alternatives: d.alternatives,
      createdAt: d.createdAt.toISOString(),
    })),
    holds: order.holds,
    shipments: shipmentRows.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      service: s.service,
      trackingNumber: s.trackingNumber,
      status: s.status,
      trackingStatus: s.trackingStatus,
      estimatedDelivery: s.estimatedDelivery,
      labelCreatedAt: s.labelCreatedAt?.toISOString() ?? null,
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      warehouseId: s.warehouseId,
      tracking: trackingRows
        .filter((e) => e.shipmentId === s.id)
        .map((e) => ({
          at: e.occurredAt.toISOString(),
          status: e.status,
          code: e.carrierCode,
          description: e.description,
          location: e.location,
        })),
    })),
    documents: documentRows.map((d) => ({
      id: d.id,
      kind: d.kind,
      shipmentId: d.shipmentId,
      contentType: d.contentType,
      url: `/v1/documents/${d.id}`,
    })),
    landedCost: order.landedCost ?? null,
    timeline: events.map((e) => ({ at: e.at.toISOString(), status: e.status, message: e.message, actor: e.actor })),
    placedAt: order.placedAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;

export interface OrderFilter {
  status?: string;
  country?: string;
  channel?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string | null {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  return /^ord_[0-9a-z]{26}$/.test(id) ? id : null;
}

/** Newest first; the cursor is the last id of the previous page (ids sort by creation time). */
export async function listOrders(tx: Tx, filter: OrderFilter) {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.channel) conditions.push(eq(orders.channel, filter.channel));
  if (filter.country) conditions.push(sql`${orders.shippingAddress}->>'country' = ${filter.country}`);
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    if (after) conditions.push(lt(orders.id, after));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(orders.externalId, like),
        eq(orders.id, filter.q),
        ilike(customers.email, like),
        ilike(customers.name, like),
      )!,
    );
  }
  const rows = await tx
    .select({
      order: orders,
      customerName: customers.name,
      customerEmail: customers.email,
      lineCount: sql<number>`(select count(*)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
      heldAt: sql<
        string | null
      >`(case when ${orders.status} = 'on_hold' then (select to_char(max(${orderEvents.at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from ${orderEvents} where ${orderEvents.orderId} = ${orders.id} and ${orderEvents.status} = 'on_hold') end)`,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(orders.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    data: page.map(({ order, customerName, customerEmail, lineCount, heldAt }) => ({
      id: order.id,
      externalId: order.externalId,
      channel: order.channel,
      status: order.status,
      currency: order.currency,
      total: order.total,
      customerName,
      customerEmail,
      country: order.shippingAddress.country,
      lineCount: Number(lineCount),
      holds: order.holds,
      heldAt: heldAt ?? null,
      createdAt: order.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.order.id) : null,
  };
}

export async function orderFacets(tx: Tx) {
  const [statuses, channels, countries] = await Promise.all([
    tx.selectDistinct({ v: orders.status }).from(orders),
    tx.selectDistinct({ v: orders.channel }).from(orders),
    tx.selectDistinct({ v: sql<string>`${orders.shippingAddress}->>'country'` }).from(orders),
  ]);
  const sorted = (rows: Array<{ v: string }>) => rows.map((r) => r.v).sort();
  return { statuses: sorted(statuses), channels: sorted(channels), countries: sorted(countries) };
}

export async function orderOverview(tx: Tx) {
  const rows = await tx
    .select({ status: orders.status, n: sql<number>`count(*)::int` })
    .from(orders)
    .groupBy(orders.status);
  const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const [recent] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(sql`${orders.createdAt} > now() - interval '24 hours'`);
  // "No human touched it": orders whose timeline has no event by a person (actor user:…).
  const [touched] = await tx
    .select({ n: sql<number>`count(distinct ${orderEvents.orderId})::int` })
    .from(orderEvents)
    .where(sql`${orderEvents.actor} like 'user:%'`);
  const total = rows.reduce((n, r) => n + Number(r.n), 0);
  const onHold = counts.on_hold ?? 0;
  const automated = total - onHold - Number(touched?.n ?? 0);
  return {
    counts,
    total,
    onHold,
    last24h: Number(recent?.n ?? 0),
    automationRate: total === 0 ? 0 : Math.max(0, automated) / total,
  };
}

export async function ordersByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(orders).where(inArray(orders.id, ids));
}

/** The customer portal's lookup: order number + buyer e-mail, across tenants (security-definer). */
export async function findOrderForShopper(db: Database, orderNumber: string, email: string) {
  const match = await withoutTenant(db, async (tx) => {
    const result = await tx.execute(
      sql`select tenant_id, order_id from cf_portal_find_order(${orderNumber}, ${email})`,
    );
    return rowsOf<{ tenant_id: string; order_id: string }>(result)[0] ?? null;
  });
  if (!match) return null;
  return withTenant(db, match.tenant_id, async (tx) => {
    const order = await getOrderDetail(tx, match.order_id);
    const tenant = await getCurrentTenant(tx, match.tenant_id);
    return order && tenant ? { order, merchantName: tenant.name, tenantId: match.tenant_id } : null;
  });
}

export async function getCustomer(tx: Tx, id: string) {
  const [row] = await tx.select().from(customers).where(eq(customers.id, id));
  return row ?? null;
}

/** A reviewer's corrections to a held order: a new shipping address and/or directives for the next run. */
export async function reviseOrder(
  tx: Tx,
  id: string,
  input: { shippingAddress?: Address; reviewDirectives?: OrderReviewDirectives; heldFrom?: string },
) {
  const [row] = await tx
    .update(orders)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(orders.id, id))
    .returning();
  return row ?? null;
}
