import { type Database, listActiveConnectionsAcrossTenants } from "@crossflow/db";
import { dueTrackingPolls } from "@crossflow/pipeline";
import type { EventSender } from "@crossflow/pipeline/intake";

/**
 * The embedded default's stand-in for the `schedule-channel-syncs` cron: every
 * CROSSFLOW_CHANNEL_SYNC_SECONDS (default 30) it asks each active connection to sync. The
 * demo channel generates a few orders per sync, so a fresh `pnpm dev` keeps filling up.
 */
export function startLocalChannelScheduler(
  db: Database,
  events: EventSender,
  env: NodeJS.ProcessEnv = process.env,
): { stop(): void } {
  const seconds = Number(env.CROSSFLOW_CHANNEL_SYNC_SECONDS ?? 30);
  if (!Number.isFinite(seconds) || seconds <= 0) return { stop() {} };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const c of await listActiveConnectionsAcrossTenants(db)) {
        await events.send({
          name: "channel/sync.requested",
          data: { tenantId: c.tenantId, connectionId: c.connectionId },
        });
      }
    } catch (error) {
      console.warn(`[channels] could not schedule syncs: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * The embedded default's stand-in for the `schedule-tracking-polls` cron: every
 * CROSSFLOW_TRACKING_POLL_SECONDS (default 10) it requests the tracking polls that are due.
 */
export function startLocalTrackingScheduler(
  db: Database,
  events: EventSender,
  env: NodeJS.ProcessEnv = process.env,
): { stop(): void } {
  const seconds = Number(env.CROSSFLOW_TRACKING_POLL_SECONDS ?? 10);
  if (!Number.isFinite(seconds) || seconds <= 0) return { stop() {} };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const event of await dueTrackingPolls(db)) await events.send(event);
    } catch (error) {
      console.warn(`[tracking] could not schedule polls: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
