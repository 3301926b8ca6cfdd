import {
  appendOrderEvent,
  type Database,
  findChannelDelivery,
  findOrderByExternalId,
  getDeadLetter,
  markDeadLetter,
  type NewOrder,
  recordChannelEvent,
  recordDeadLetter,
  recordDecision,
  transitionOrder,
  updateConnection,
  withTenant,
} from "@crossflow/db";
import { isCancellable, type OrderStatus } from "@crossflow/domain";
import { cancelOrder } from "./cancel-order";
import { type EventSender, receiveOrder } from "./receive-order";

/** A change the channel reports about an order it already sent. */
export type ChannelOrderChange = "cancelled" | "address_changed" | "refunded";

/** What a verified delivery means, as decided by the channel's adapter. */
export type ChannelDelivery =
  | {
      kind: "order";
      deliveryId?: string | null;
      topic?: string | null;
      order: NewOrder;
      change?: ChannelOrderChange | null;
    }
  | {
      kind: "invalid";
      deliveryId?: string | null;
      topic?: string | null;
      error: string;
      details: Array<{ path: string; message: string }>;
    }
  | { kind: "ignored"; deliveryId?: string | null; topic?: string | null; reason: string }
  /** A change the channel reported without the whole order (e.g. a cancel notification). */
  | {
      kind: "change";
      deliveryId?: string | null;
      topic?: string | null;
      externalId: string;
      change: ChannelOrderChange;
    };

export interface ChannelSource {
  tenantId: string;
  connectionId: string;
  channel: string;
}

export type IntakeResult =
  | { outcome: "accepted"; orderId: string; created: boolean; change?: ChannelOrderChange | null }
  | { outcome: "duplicate"; orderId: string | null }
  | { outcome: "dead_lettered"; deadLetterId: string; error: string }
  | { outcome: "ignored"; reason: string };

const actorOf = (source: ChannelSource) => `channel:${source.channel}:${source.connectionId}`;

/**
 * Intake of one authenticated delivery (webhook or poll): never loses it. A delivery id seen
 * before is a no-op; an order is stored once per channel + external id (a second delivery
 * returns the first); a change to a known order reaches the pipeline; a payload that cannot
 * be mapped is kept verbatim in dead letters with the error, for replay.
 */
export async function ingestChannelDelivery(
  db: Database,
  events: EventSender,
  source: ChannelSource,
  delivery: ChannelDelivery,
  raw: { body: string; headers?: Record<string, string> },
): Promise<IntakeResult> {
  const { tenantId, connectionId } = source;
  if (delivery.deliveryId) {
    const seen = await withTenant(db, tenantId, (tx) => findChannelDelivery(tx, connectionId, delivery.deliveryId!));
    if (seen && seen.outcome !== "rejected") {
      await withTenant(db, tenantId, (tx) =>
        recordChannelEvent(tx, { tenantId, connectionId, deliveryId: delivery.deliveryId, outcome: "duplicate" }),
      );
      return { outcome: "duplicate", orderId: seen.orderId };
    }
  }

  if (delivery.kind === "ignored") {
    await withTenant(db, tenantId, (tx) =>
      recordChannelEvent(tx, {
        tenantId,
        connectionId,
        deliveryId: delivery.deliveryId,
        topic: delivery.topic,
        outcome: "ignored",
        error: delivery.reason,
      }),
    );
    return { outcome: "ignored", reason: delivery.reason };
  }

  if (delivery.kind === "change") {
    const known = await withTenant(db, tenantId, (tx) =>
      findOrderByExternalId(tx, source.channel, delivery.externalId),
    );
    if (!known) {
      const reason = `${delivery.change} for order ${delivery.externalId}, which Crossflow never received`;
      await withTenant(db, tenantId, (tx) =>
        recordChannelEvent(tx, {
          tenantId,
          connectionId,
          deliveryId: delivery.deliveryId,
          topic: delivery.topic,
          outcome: "ignored",
          error: reason,
        }),
      );
      return { outcome: "ignored", reason };
    }
    await applyChannelChange(db, events, source, known.id, delivery.change, {
      channel: source.channel,
      externalId: delivery.externalId,
      shippingAddress: known.shippingAddress,
    });
    await withTenant(db, tenantId, (tx) =>
      recordChannelEvent(tx, {
        tenantId,
        connectionId,
        deliveryId: delivery.deliveryId,
        topic: delivery.topic,
        outcome: "accepted",
        orderId: known.id,
      }),
    );
    return { outcome: "accepted", orderId: known.id, created: false, change: delivery.change };
  }

  if (delivery.kind === "invalid") {
    const letter = await withTenant(db, tenantId, async (tx) => {
      const row = await recordDeadLetter(tx, {
        tenantId,
        source: source.channel,
        connectionId,
        payload: raw.body,
        headers: raw.headers ?? {},
        error: delivery.error,
        details: delivery.details,
      });
      await recordChannelEvent(tx, {
        tenantId,
        connectionId,
        deliveryId: delivery.deliveryId ?? `dead-letter:${row.id}`,
        topic: delivery.topic,
        outcome: "dead_lettered",
        error: delivery.error,
      });
      await updateConnection(tx, connectionId, { lastError: delivery.error, lastErrorAt: new Date() });
      return row;
    });
    return { outcome: "dead_lettered", deadLetterId: letter.id, error: delivery.error };
  }

  const order = { ...delivery.order, channel: source.channel };
  const existing = await withTenant(db, tenantId, (tx) => findOrderByExternalId(tx, order.channel, order.externalId));
  let orderId: string;
  let created = false;
  if (existing) {
    orderId = existing.id;
    if (delivery.change) await applyChannelChange(db, events, source, existing.id, delivery.change, order);
  } else {
    const received = await receiveOrder(db, events, tenantId, order, actorOf(source));
    orderId = received.order.id;
    created = received.created;
    if (delivery.change === "cancelled") await applyChannelChange(db, events, source, orderId, "cancelled", order);
  }
  await withTenant(db, tenantId, async (tx) => {
    // Concurrent deliveries of one delivery id: the first insert wins, the rest count as attempts.
    await recordChannelEvent(tx, {
      tenantId,
      connectionId,
      deliveryId: delivery.deliveryId ?? null,
      topic: delivery.topic,
      outcome: created ? "accepted" : "duplicate",
      orderId,
    });
    await updateConnection(tx, connectionId, { lastSyncAt: new Date() });
  });
  return { outcome: "accepted", orderId, created, change: delivery.change ?? null };
}

/**
 * A channel says an order it sent changed. Cancelled: cancel it if it has not shipped.
 * Address changed or refunded before shipping: hold it for a person, with the reason, since
 * shipping as planned may now be wrong. After shipping: a timeline note.
 */
async function applyChannelChange(
  db: Database,
  events: EventSender,
  source: ChannelSource,
  orderId: string,
  change: ChannelOrderChange,
  update: Pick<NewOrder, "channel" | "externalId" | "shippingAddress">,
) {
  const actor = actorOf(source);
  if (change === "cancelled") {
    const current = await withTenant(db, source.tenantId, (tx) =>
      findOrderByExternalId(tx, update.channel, update.externalId),
    );
    if (current && isCancellable(current.status as OrderStatus)) {
      await cancelOrder(db, events, {
        tenantId: source.tenantId,
        orderId,
        actor,
        reason: `cancelled on ${source.channel}`,
      });
      return;
    }
  }
  await withTenant(db, source.tenantId, async (tx) => {
    const order = await findOrderByExternalId(tx, update.channel, update.externalId);
    if (!order || order.status === "cancelled") return;
    const what =
      change === "cancelled"
        ? `Cancelled on ${source.channel} after it shipped`
        : change === "refunded"
          ? `Refunded on ${source.channel}`
          : `Shipping address changed on ${source.channel} to ${[update.shippingAddress.line1, update.shippingAddress.postalCode, update.shippingAddress.city, update.shippingAddress.country].filter(Boolean).join(", ")}`;
    await recordDecision(tx, {
      tenantId: source.tenantId,
      orderId,
      kind: "channel_update",
      outcome: { change, status: order.status },
      reason: what,
      facts: { channel: source.channel, connectionId: source.connectionId, shippingAddress: update.shippingAddress },
    });
    const beforeShipping = ["received", "payment_verified", "screened", "allocated", "documented", "label_created"];
    if (beforeShipping.includes(order.status) && change !== "cancelled") {
      await transitionOrder(tx, {
        tenantId: source.tenantId,
        orderId,
        to: "on_hold",
        actor,
        holds: [
          {
            code: change === "refunded" ? "channel_refunded" : "channel_address_changed",
            message: `${what}; check before it ships`,
          },
        ],
        message: what,
      });
    } else {
      await appendOrderEvent(tx, { tenantId: source.tenantId, orderId, status: order.status, message: what, actor });
    }
  });
}

/**
 * Re-runs intake for a stored dead letter with today's mapping. Success marks it replayed;
 * a payload that still cannot be mapped stays pending with the new error.
 */
export async function replayDeadLetter(
  db: Database,
  events: EventSender,
  input: {
    tenantId: string;
    deadLetterId: string;
    interpret: (channel: string, body: string, headers: Record<string, string>) => Promise<ChannelDelivery>;
  },
): Promise<{ status: "replayed"; orderId: string } | { status: "pending"; error: string } | null> {
  const letter = await withTenant(db, input.tenantId, (tx) => getDeadLetter(tx, input.deadLetterId));
  if (!letter) return null;
  if (letter.status === "replayed") return { status: "replayed", orderId: "" };
  const delivery = await input.interpret(letter.source, letter.payload, letter.headers);
  if (delivery.kind === "invalid" || delivery.kind === "ignored" || !letter.connectionId) {
    const error =
      delivery.kind === "invalid"
        ? delivery.error
        : delivery.kind === "ignored"
          ? `Nothing to import: ${delivery.reason}`
          : "The dead letter has no connection to replay through";
    await withTenant(db, input.tenantId, (tx) =>
      markDeadLetter(tx, letter.id, {
        status: "pending",
        error,
        details: delivery.kind === "invalid" ? delivery.details : [],
      }),
    );
    return { status: "pending", error };
  }
  const result = await ingestChannelDelivery(
    db,
    events,
    { tenantId: input.tenantId, connectionId: letter.connectionId, channel: letter.source },
    { ...delivery, deliveryId: null },
    { body: letter.payload, headers: letter.headers },
  );
  if (result.outcome !== "accepted") {
    const error = result.outcome === "dead_lettered" ? result.error : `Replay ended as ${result.outcome}`;
    await withTenant(db, input.tenantId, (tx) => markDeadLetter(tx, letter.id, { status: "pending", error }));
    return { status: "pending", error };
  }
  await withTenant(db, input.tenantId, (tx) => markDeadLetter(tx, letter.id, { status: "replayed" }));
  return { status: "replayed", orderId: result.orderId };
}
