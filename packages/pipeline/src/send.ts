import { type CrossflowInngest, inngest } from "./client";
import { type CrossflowEvent, parseCrossflowEvent } from "./events";
import type { LocalExecutor } from "./executor/executor";

export interface EventSender {
  /** Validates and sends; resolves once the events are durably accepted, with their ids. */
  send(events: CrossflowEvent | CrossflowEvent[]): Promise<{ ids: string[] }>;
}

export interface EventSenderOptions {
  /** Local mode: the executor stores the events in Postgres before send() resolves. */
  executor?: LocalExecutor;
  /** Otherwise the events go to Inngest (Cloud, self-hosted or a dev server) with client.send(). */
  client?: CrossflowInngest;
}

/** How the API emits pipeline events, the same call in every mode. */
export function createEventSender(options: EventSenderOptions = {}): EventSender {
  const client = options.client ?? inngest;
  return {
    async send(input) {
      const events = (Array.isArray(input) ? input : [input]).map(parseCrossflowEvent);
      if (events.length === 0) return { ids: [] };
      if (options.executor) return options.executor.send(events);
      const { ids } = await client.send(events);
      return { ids };
    },
  };
}
