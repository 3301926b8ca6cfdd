import type { Database } from "@crossflow/db";
import { dueChannelSyncs, dueTrackingPolls } from "@crossflow/pipeline";
import type { EventSender } from "@crossflow/pipeline/intake";

type Scheduled = { name: string; data: Record<string, unknown>; id?: string };

/**
 * A timer standing in for an Inngest cron under the local executor (which has no crons): every
 * `seconds` it sends the events `due` produces; a tick still running skips the next one.
 */
function startLocalCron(
  label: string,
  seconds: number,
  due: () => Promise<Scheduled[]>,
  events: EventSender,
): { stop(): void } {
  if (!Number.isFinite(seconds) || seconds <= 0) return { stop() {} };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const event of await due()) await events.send(event);
    } catch (error) {
      console.warn(`[${label}] could not schedule: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * The `schedule-channel-syncs` cron in the embedded default: every CROSSFLOW_CHANNEL_SYNC_SECONDS
 * (default 30) each active connection syncs. The demo channel generates a few orders per sync,
 * so a fresh `pnpm dev` keeps filling up.
 */
export function startLocalChannelScheduler(db: Database, events: EventSender, env: NodeJS.ProcessEnv = process.env) {
  return startLocalCron(
    "channels",
    Number(env.CROSSFLOW_CHANNEL_SYNC_SECONDS ?? 30),
    () => dueChannelSyncs(db),
    events,
  );
}

/**
 * The `schedule-tracking-polls` cron in the embedded default: every CROSSFLOW_TRACKING_POLL_SECONDS
 * (default 10) the tracking polls that are due are requested.
 */
export function startLocalTrackingScheduler(db: Database, events: EventSender, env: NodeJS.ProcessEnv = process.env) {
  return startLocalCron(
    "tracking",
    Number(env.CROSSFLOW_TRACKING_POLL_SECONDS ?? 10),
    () => dueTrackingPolls(db),
    events,
  );
}
