import type { Database } from "@crossflow/db";
import { type CrossflowEvent, createFunctions, createPipelineRuntime } from "@crossflow/pipeline";
import type { EventSender } from "@crossflow/pipeline/intake";

/**
 * Events from a CLI command: stored durably by the local executor (not run here — the next
 * `serve` picks them up), or sent to Inngest when it is configured.
 */
export async function createEventSenderForCli(db: Database): Promise<EventSender> {
  const runtime = createPipelineRuntime({ db, functions: createFunctions(db) });
  return { send: async (event) => void (await runtime.events.send(event as CrossflowEvent)) };
}
