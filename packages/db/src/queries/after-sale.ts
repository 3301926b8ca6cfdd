import { newId } from "@crossflow/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { emailOutbox } from "../schema/email-outbox";
import { shipments } from "../schema/shipments";
import { tickets } from "../schema/tickets";
import { trackingEvents } from "../schema/tracking-events";
import { warehouseInstructions } from "../schema/warehouse-instructions";
import { withoutTenant } from "../tenancy";
import { rowsOf } from "./tenants";

export type ShipmentRow = typeof shipments.$inferSelect;
export type TrackingEventRow = typeof trackingEvents.$inferSelect;

export async function getShipment(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(shipments).where(eq(shipments.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function updateShipment(
  tx: Tx,
  id: string,
  patch: Partial<
    Pick<
      ShipmentRow,
      | "trackingNumber"
      | "carrierShipmentId"
      | "status"
      | "trackingStatus"
      | "estimatedDelivery"
      | "labelCreatedAt"
      | "deliveredAt"
      | "nextPollAt"
      | "quietPolls"
    >
  >,
) {
  const [row] = await tx
    .update(shipments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(shipments.id, id))
    .returning();
  return row ?? null;
}

/** The shipment a carrier webhook names, found before any tenant context exists. */
export async function findShipmentByTracking(db: Database, carrier: string, trackingNumber: string) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(
      sql`select tenant_id, shipment_id from cf_shipment_by_tracking(${carrier}, ${trackingNumber})`,
    );
    return rowsOf<{ tenant_id: string; shipment_id: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      shipmentId: r.shipment_id,
    }));
  });
}

/** Shipments of every tenant whose tracking poll is due (ids only), for the poller. */
export async function listShipmentsDueForTracking(db: Database, now: Date, limit = 200) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(
      sql`select tenant_id, shipment_id from cf_shipments_due_for_tracking(${now.toISOString()}::timestamptz, ${limit})`,
    );
    return rowsOf<{ tenant_id: string; shipment_id: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      shipmentId: r.shipment_id,
    }));
  });
}

/** Stores tracking events; one already stored (same code at the same time) is skipped. Returns the new ones. */
export async function insertTrackingEvents(
  tx: Tx,
  input: {
    tenantId: string;
    shipmentId: string;
    events: Array<{
      status: string;
      carrierCode: string;
      description: string;
      reason?: string | null;
      occurredAt: Date;
      location?: { city?: string; country?: string; postalCode?: string } | null;
    }>;
  },
) {
  if (input.events.length === 0) return [];
  return tx
    .insert(trackingEvents)
    .values(
      input.events.map((e) => ({
        id: newId("trk"),
        tenantId: input.tenantId,
        shipmentId: input.shipmentId,
        status: e.status,
        carrierCode: e.carrierCode,
        description: e.description,
        reason: e.reason ?? null,
        occurredAt: e.occurredAt,
        location: e.location ?? null,
      })),
    )
    .onConflictDoNothing({ target: [trackingEvents.shipmentId, trackingEvents.carrierCode, trackingEvents.occurredAt] })
    .returning();
}

export async function listTrackingEvents(tx: Tx, shipmentIds: string[]) {
  if (shipmentIds.length === 0) return [];
  return tx
    .select()
    .from(trackingEvents)
    .where(inArray(trackingEvents.shipmentId, shipmentIds))
    .orderBy(asc(trackingEvents.occurredAt), asc(trackingEvents.id));
}

export async function createInstruction(
  tx: Tx,
  input: {
    tenantId: string;
    warehouseId: string;
    orderId: string;
    shipmentId?: string | null;
    kind: "pick_pack_label" | "expected_return";
    payload: Record<string, unknown>;
  },
) {
  const [row] = await tx
    .insert(warehouseInstructions)
    .values({ id: newId("ins"), ...input, shipmentId: input.shipmentId ?? null })
    .returning();
  return row!;
}

export async function listInstructions(
  tx: Tx,
  filter: { warehouseIds?: string[]; status?: "open" | "done" | "cancelled"; orderId?: string; limit?: number } = {},
) {
  const conditions = [
    filter.warehouseIds ? inArray(warehouseInstructions.warehouseId, filter.warehouseIds) : undefined,
    filter.status ? eq(warehouseInstructions.status, filter.status) : undefined,
    filter.orderId ? eq(warehouseInstructions.orderId, filter.orderId) : undefined,
  ].filter(Boolean);
  return tx
    .select()
    .from(warehouseInstructions)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(warehouseInstructions.createdAt))
    .limit(filter.limit ?? 100);
}

export async function completeInstruction(tx: Tx, id: string, actor: string) {
  const [row] = await tx
    .update(warehouseInstructions)
    .set({ status: "done", doneAt: new Date(), doneBy: actor })
    .where(and(eq(warehouseInstructions.id, id), eq(warehouseInstructions.status, "open")))
    .returning();
  return row ?? null;
}

export type TicketRow = typeof tickets.$inferSelect;

/** Opens a ticket, or refreshes the open one of the same shipment and kind (a second failed attempt). */
export async function openTicket(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string;
    shipmentId: string | null;
    kind: TicketRow["kind"];
    subject: string;
    reason: string;
    suggestedAction: string | null;
  },
) {
  const [row] = await tx
    .insert(tickets)
    .values({ id: newId("tkt"), ...input })
    .onConflictDoUpdate({
      target: [tickets.tenantId, tickets.shipmentId, tickets.kind],
      set: {
        subject: input.subject,
        reason: input.reason,
        suggestedAction: input.suggestedAction,
        status: "open",
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function listTickets(
  tx: Tx,
  filter: { status?: TicketRow["status"]; orderId?: string; limit?: number } = {},
) {
  const conditions = [
    filter.status ? eq(tickets.status, filter.status) : undefined,
    filter.orderId ? eq(tickets.orderId, filter.orderId) : undefined,
  ].filter(Boolean);
  return tx
    .select()
    .from(tickets)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(tickets.updatedAt))
    .limit(filter.limit ?? 200);
}

export async function updateTicket(
  tx: Tx,
  id: string,
  patch: { status?: TicketRow["status"]; assignee?: string | null },
) {
  const [row] = await tx
    .update(tickets)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(tickets.id, id))
    .returning();
  return row ?? null;
}

export type EmailRow = typeof emailOutbox.$inferSelect;

/** Queues a rendered e-mail once per dedupe key; returns null when it was queued before. */
export async function queueEmail(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string | null;
    event: string;
    dedupeKey: string;
    toAddress: string;
    locale: string;
    subject: string;
    html: string;
    text: string;
    status: EmailRow["status"];
  },
) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ id: newId("eml"), ...input })
    .onConflictDoNothing({ target: [emailOutbox.tenantId, emailOutbox.dedupeKey] })
    .returning();
  return row ?? null;
}

export async function getEmail(tx: Tx, id: string) {
  const [row] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row ?? null;
}

export async function markEmail(
  tx: Tx,
  id: string,
  patch: { status: EmailRow["status"]; providerId?: string | null; error?: string | null },
) {
  await tx
    .update(emailOutbox)
    .set({ ...patch, ...(patch.status === "sent" ? { sentAt: new Date() } : {}) })
    .where(eq(emailOutbox.id, id));
}

export async function listEmails(tx: Tx, filter: { orderId?: string; limit?: number } = {}) {
  return tx
    .select({
      id: emailOutbox.id,
      orderId: emailOutbox.orderId,
      event: emailOutbox.event,
      toAddress: emailOutbox.toAddress,
      locale: emailOutbox.locale,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(filter.orderId ? eq(emailOutbox.orderId, filter.orderId) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(filter.limit ?? 100);
}

/** Withdraws an order's open warehouse instructions (the shipment they were for is gone). */
export async function cancelOpenInstructions(tx: Tx, orderId: string, actor: string) {
  return tx
    .update(warehouseInstructions)
    .set({ status: "cancelled", doneAt: new Date(), doneBy: actor })
    .where(and(eq(warehouseInstructions.orderId, orderId), eq(warehouseInstructions.status, "open")))
    .returning({ id: warehouseInstructions.id });
}

export async function getInstruction(tx: Tx, id: string) {
  const [row] = await tx.select().from(warehouseInstructions).where(eq(warehouseInstructions.id, id));
  return row ?? null;
}
