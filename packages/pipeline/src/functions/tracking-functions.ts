import { type Database, getShipment, listShipmentsDueForTracking, type ShipmentRow, withTenant } from "@crossflow/db";
import type { TrackingStatus } from "@crossflow/domain";
import type { ConnectedCarrier } from "@crossflow/integrations";
import type { CrossflowInngest } from "../client";
import { trackingPollRequested } from "../events";
import { applyTrackingEvents, type TrackingNotice } from "../tracking/apply-tracking";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * When to ask the carrier again: soon for the demo carrier (its parcels move in minutes), for
 * real carriers every 2 h, doubling while nothing new arrives (up to 12 h); never again once
 * the parcel is delivered or back with the sender. Webhooks deliver the rest as it happens.
 */
export function nextTrackingPoll(
  carrier: ConnectedCarrier | undefined,
  shipment: Pick<ShipmentRow, "quietPolls">,
  result: { newEvents: number; status: TrackingStatus | null },
  now: Date,
  demoIntervalMs = 20_000,
): Date | null {
  if (result.status === "delivered" || result.status === "returned_to_sender") return null;
  if (!carrier || carrier.mode === "demo") return new Date(now.getTime() + demoIntervalMs);
  const quiet = result.newEvents > 0 ? 0 : shipment.quietPolls + 1;
  return new Date(now.getTime() + Math.min(2 * HOUR * 2 ** quiet, 12 * HOUR));
}

export interface TrackingDeps {
  carriers: Record<string, ConnectedCarrier>;
  notify: (notices: TrackingNotice[]) => Promise<void>;
  customsHoldAlertDays?: number;
  demoPollIntervalMs?: number;
}

/** Asks a shipment's carrier for its events (the polling backstop) and applies what is new. */
export async function pollShipmentTracking(
  db: Database,
  deps: TrackingDeps,
  ref: { tenantId: string; shipmentId: string },
  now: Date = new Date(),
) {
  const shipment = await withTenant(db, ref.tenantId, (tx) => getShipment(tx, ref.shipmentId));
  if (!shipment?.trackingNumber || shipment.nextPollAt === null) return { skipped: true };
  const connected = deps.carriers[shipment.carrier] ?? deps.carriers.demo;
  if (!connected) return { skipped: true };
  const events = await connected.adapter.track(connected.credentials, [
    { trackingNumber: shipment.trackingNumber, shippedAt: shipment.labelCreatedAt?.toISOString() },
  ]);
  const result = await applyTrackingEvents(db, ref, events, {
    now,
    customsHoldAlertDays: deps.customsHoldAlertDays,
    nextPollAt: (row, outcome) => nextTrackingPoll(connected, row, outcome, now, deps.demoPollIntervalMs),
  });
  if (result.notices.length) await deps.notify(result.notices);
  return { newEvents: result.newEvents, status: result.status };
}

export function createPollShipmentTracking(inngest: CrossflowInngest, db: Database, deps: TrackingDeps) {
  return inngest.createFunction(
    {
      id: "poll-shipment-tracking",
      name: "Poll a shipment's tracking",
      triggers: [trackingPollRequested],
      idempotency: "event.data.shipmentId + '-' + event.data.due",
      concurrency: { key: "event.data.tenantId", limit: 5 },
      retries: 4,
    },
    async ({ event, step }) => step.run("poll", () => pollShipmentTracking(db, deps, event.data)),
  );
}

/** The events that ask for every due tracking poll (the local timer and the Inngest cron both send these). */
export async function dueTrackingPolls(db: Database, now: Date = new Date()) {
  const due = await listShipmentsDueForTracking(db, now);
  return due.map((d) => ({
    name: "tracking/poll.requested" as const,
    data: { tenantId: d.tenantId, shipmentId: d.shipmentId, due: String(Math.floor(now.getTime() / 10_000)) },
  }));
}

/** Production (Inngest): every 5 minutes, request the due tracking polls. */
export function createScheduleTrackingPolls(inngest: CrossflowInngest, db: Database) {
  return inngest.createFunction(
    { id: "schedule-tracking-polls", name: "Schedule tracking polls", triggers: [{ cron: "*/5 * * * *" }] },
    async ({ step }) => {
      const events = await step.run("due-shipments", () => dueTrackingPolls(db));
      if (events.length) await step.sendEvent("request-polls", events);
      return { requested: events.length };
    },
  );
}
