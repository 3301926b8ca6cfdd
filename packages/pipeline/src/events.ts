import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every event the pipeline reacts to: a zod schema for its data and an Inngest v4 `eventType`
 * built from it. Use the event type as a function trigger (`triggers: [orderReceived]`) so the
 * handler's `event.data` is typed and validated, and `orderReceived.create(data)` to build one.
 */
const tenantOrder = {
  tenantId: z.string().min(1),
  orderId: z.string().min(1),
};

export const orderReceivedData = z.object(tenantOrder);
export const orderCancelledData = z.object(tenantOrder);
export const orderHoldReleasedData = z.object({
  ...tenantOrder,
  actor: z.string().min(1),
  /** Hold codes the reviewer explicitly accepted (e.g. payment_not_confirmed): the checks that raised them pass next time. */
  overrides: z.array(z.string()).optional(),
});

/** Stock moved somewhere in the tenant; `window` (5-second bucket) makes a burst of changes one publish. */
export const stockChangedData = z.object({ tenantId: z.string().min(1), window: z.string().min(1) });
export const channelSyncRequestedData = z.object({
  tenantId: z.string().min(1),
  connectionId: z.string().min(1),
  actor: z.string().optional(),
});

export const ordersImportRequestedData = z.object({ tenantId: z.string().min(1), importId: z.string().min(1) });

export const trackingPollRequestedData = z.object({
  tenantId: z.string().min(1),
  shipmentId: z.string().min(1),
  /** The due time polled for: one poll per shipment per due time. */
  due: z.string().min(1),
});

export const orderReprocessRequestedData = z.object({
  ...tenantOrder,
  /** Unique per request: one reprocess run each. */
  nonce: z.string().min(1),
  reason: z.string().optional(),
});

export const emailQueuedData = z.object({ tenantId: z.string().min(1), emailId: z.string().min(1) });

export const instructionCreatedData = z.object({ tenantId: z.string().min(1), instructionId: z.string().min(1) });

export const orderReceived = eventType("order/received", { schema: orderReceivedData });
export const orderCancelled = eventType("order/cancelled", { schema: orderCancelledData });
export const orderHoldReleased = eventType("order/hold.released", { schema: orderHoldReleasedData });

export const stockChanged = eventType("stock/changed", { schema: stockChangedData });
export const channelSyncRequested = eventType("channel/sync.requested", { schema: channelSyncRequestedData });

export const ordersImportRequested = eventType("orders/import.requested", { schema: ordersImportRequestedData });

export const trackingPollRequested = eventType("tracking/poll.requested", { schema: trackingPollRequestedData });

export const orderReprocessRequested = eventType("order/reprocess.requested", { schema: orderReprocessRequestedData });

export const emailQueued = eventType("email/queued", { schema: emailQueuedData });

export const instructionCreated = eventType("warehouse/instruction.created", { schema: instructionCreatedData });

export const eventSchemas = {
  "warehouse/instruction.created": instructionCreatedData,
  "email/queued": emailQueuedData,
  "order/reprocess.requested": orderReprocessRequestedData,
  "tracking/poll.requested": trackingPollRequestedData,
  "orders/import.requested": ordersImportRequestedData,
  "stock/changed": stockChangedData,
  "channel/sync.requested": channelSyncRequestedData,
  "order/received": orderReceivedData,
  "order/cancelled": orderCancelledData,
  "order/hold.released": orderHoldReleasedData,
} as const;

export type CrossflowEventName = keyof typeof eventSchemas;
export type CrossflowEventData<TName extends CrossflowEventName> = z.infer<(typeof eventSchemas)[TName]>;

/** An event the application may send: a known name, its data, and optionally an id (deduplicates for 24 h). */
export type CrossflowEvent = {
  [TName in CrossflowEventName]: { name: TName; data: CrossflowEventData<TName>; id?: string; ts?: number };
}[CrossflowEventName];

export function isCrossflowEventName(name: string): name is CrossflowEventName {
  return Object.hasOwn(eventSchemas, name);
}

/** Validates an event against its schema; throws (a ZodError for bad data) before anything is sent. */
export function parseCrossflowEvent(event: { name: string; data?: unknown; id?: string; ts?: number }): CrossflowEvent {
  if (!isCrossflowEventName(event.name)) throw new Error(`Unknown event "${event.name}"`);
  const data = eventSchemas[event.name].parse(event.data);
  return {
    name: event.name,
    data,
    ...(event.id !== undefined ? { id: event.id } : {}),
    ...(event.ts !== undefined ? { ts: event.ts } : {}),
  } as CrossflowEvent;
}
