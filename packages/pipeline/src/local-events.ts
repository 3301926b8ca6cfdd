/**
 * In local mode the Inngest client is given a `fetch` that never reaches a network: its event
 * API requests (`POST /e/<key>`, i.e. `inngest.send()` and `step.sendEvent()`) are handed to the
 * local executor bound to that client, which stores them in Postgres before answering.
 */

export interface LocalEventInput {
  name: string;
  data?: Record<string, unknown>;
  id?: string;
  ts?: number;
  v?: string;
  [key: string]: unknown;
}

export type LocalEventSink = (events: LocalEventInput[], options: { seed?: string }) => Promise<{ ids: string[] }>;

const sinks = new WeakMap<object, LocalEventSink>();

/** Routes a local-mode client's events to `sink` (the last executor bound wins); undefined unbinds. */
export function bindLocalEventSink(client: object, sink: LocalEventSink | undefined): void {
  if (sink) sinks.set(client, sink);
  else sinks.delete(client);
}

export function localEventSinkOf(client: object): LocalEventSink | undefined {
  return sinks.get(client);
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export function createLocalFetch(getClient: () => object): typeof fetch {
  const localFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (request.method !== "POST" || !/^\/e\/[^/]+$/.test(url.pathname)) {
      return json(501, {
        status: 501,
        error: `The local Inngest executor does not serve ${request.method} ${url.pathname}`,
      });
    }
    const sink = sinks.get(getClient());
    if (!sink) {
      return json(503, {
        status: 503,
        error: "No local executor is bound to this Inngest client: create one with createLocalExecutor({ client })",
      });
    }
    try {
      const body = (await request.json()) as unknown;
      const events = (Array.isArray(body) ? body : [body]) as LocalEventInput[];
      const seed = request.headers.get("x-inngest-event-id-seed") ?? undefined;
      const { ids } = await sink(events, { seed });
      return json(200, { status: 200, ids });
    } catch (err) {
      return json(400, { status: 400, error: err instanceof Error ? err.message : String(err) });
    }
  };
  return localFetch as typeof fetch;
}
