import type { Database } from "@crossflow/db";
import { type ChannelGateway, type CrossflowEvent, createPipelineRuntime } from "@crossflow/pipeline";
import type { EventSender, OrderFileParser } from "@crossflow/pipeline/intake";
import { createRuntimeDeps } from "../runtime-deps";

/**
 * Events from a CLI command: stored durably by the local executor (not run here — the next
 * `serve` picks them up), or sent to Inngest when it is configured.
 */
export async function createCliContext(
  db: Database,
): Promise<{ events: EventSender; channels: ChannelGateway; fileParser: OrderFileParser }> {
  const deps = createRuntimeDeps(db);
  const runtime = createPipelineRuntime({ db, functions: deps.functions });
  const events: EventSender = { send: async (event) => void (await runtime.events.send(event as CrossflowEvent)) };
  deps.bindEvents(events);
  return {
    events,
    channels: deps.channels,
    fileParser: deps.fileParser,
  };
}
