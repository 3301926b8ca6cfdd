import { findShipmentByTracking } from "@crossflow/db";
import type { TrackingEvent } from "@crossflow/domain";
import { applyTrackingEvents, nextTrackingPoll } from "@crossflow/pipeline";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";

/**
 * POST /webhooks/carriers/{carrier}: a carrier pushes tracking events. The signature (or the
 * shared credential header the carrier was subscribed with) is checked on the raw body
 * first; events are then matched to shipments by tracking number and applied like a poll —
 * deduplicated, ordered by event time. Unknown tracking numbers are acknowledged and ignored.
 */
export const carrierWebhookRoutes = new Hono<AppEnv>();

carrierWebhookRoutes.post("/webhooks/carriers/:carrier", async (c) => {
  const { deps } = c.var;
  const code = c.req.param("carrier");
  const connected = deps.carriers?.[code];
  if (!connected || connected.mode !== "live" || !connected.adapter.verifyWebhook || !connected.adapter.parseWebhook)
    throw new ApiError("not_found", "No such webhook endpoint");
  if (!connected.webhookSecret) throw new ApiError("not_found", "Webhooks are not configured for this carrier");
  const rawBody = new Uint8Array(await c.req.arrayBuffer());
  if (rawBody.length > 2 * 1024 * 1024) throw new ApiError("payload_too_large", "The webhook body is too large");
  const ok = connected.adapter.verifyWebhook({ rawBody, headers: c.req.raw.headers, secret: connected.webhookSecret });
  if (!ok) throw new ApiError("unauthorized", "Webhook signature rejected");

  let events: TrackingEvent[];
  try {
    events = connected.adapter.parseWebhook(rawBody);
  } catch (error) {
    throw new ApiError("validation_failed", `The tracking payload could not be read: ${(error as Error).message}`, [
      { path: "", message: (error as Error).message },
    ]);
  }
  const byNumber = new Map<string, TrackingEvent[]>();
  for (const event of events)
    byNumber.set(event.trackingNumber, [...(byNumber.get(event.trackingNumber) ?? []), event]);

  let applied = 0;
  let unknown = 0;
  const now = new Date();
  for (const [trackingNumber, batch] of byNumber) {
    const matches = await findShipmentByTracking(deps.db, code, trackingNumber);
    if (matches.length === 0) unknown++;
    for (const match of matches) {
      const result = await applyTrackingEvents(deps.db, match, batch, {
        now,
        nextPollAt: (shipment, outcome) => nextTrackingPoll(connected, shipment, outcome, now),
      });
      applied += result.newEvents;
      if (result.notices.length) await deps.notify?.(result.notices);
    }
  }
  return c.json({ received: events.length, applied, unknownTrackingNumbers: unknown });
});
