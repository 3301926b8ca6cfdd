import { Inngest, type Logger } from "inngest";
import { createLocalFetch } from "./local-events";

export const INNGEST_APP_ID = "crossflow";

/**
 * - local: no Inngest settings at all (the embedded default): dev mode, no signature checks,
 *   events go to the local executor through an in-process fetch, never to a network.
 * - cloud: INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (Inngest Cloud).
 * - self-hosted: INNGEST_BASE_URL (with the keys `inngest start` was given).
 * - dev-server: INNGEST_DEV=1 or a URL (a separately running Inngest Dev Server).
 */
export type InngestMode = "local" | "cloud" | "self-hosted" | "dev-server";

type Env = Record<string, string | undefined>;

function isSet(value: string | undefined): boolean {
  return (
    value !== undefined && value.trim() !== "" && !["0", "false", "no", "off"].includes(value.trim().toLowerCase())
  );
}

export function resolveInngestMode(env: Env = process.env): InngestMode {
  if (isSet(env.INNGEST_DEV)) return "dev-server";
  if (isSet(env.INNGEST_BASE_URL)) return "self-hosted";
  if (isSet(env.INNGEST_EVENT_KEY) || isSet(env.INNGEST_SIGNING_KEY)) return "cloud";
  return "local";
}

/** Where a local-mode client pretends the Inngest API lives; every request to it stays in-process. */
export const LOCAL_INNGEST_BASE_URL = "http://local-executor.crossflow.invalid/";

export interface CreateInngestClientOptions {
  env?: Env;
  logger?: Logger;
  appVersion?: string;
}

const clientModes = new WeakMap<object, InngestMode>();

/** The mode a client created by createInngestClient runs in. */
export function inngestModeOf(client: object): InngestMode {
  return clientModes.get(client) ?? "cloud";
}

export function createInngestClient(options: CreateInngestClientOptions = {}) {
  const env = options.env ?? process.env;
  const mode = resolveInngestMode(env);
  let client: Inngest<{ id: typeof INNGEST_APP_ID }> | undefined;
  const common = { id: INNGEST_APP_ID, logger: options.logger, appVersion: options.appVersion } as const;
  switch (mode) {
    case "local":
      client = new Inngest({
        ...common,
        isDev: true,
        baseUrl: LOCAL_INNGEST_BASE_URL,
        // The local executor never sends fn_id, so the SDK would not checkpoint; say it anyway.
        checkpointing: false,
        fetch: createLocalFetch(() => client as object),
      });
      break;
    case "dev-server":
      client = new Inngest({ ...common, isDev: true });
      break;
    case "self-hosted":
      client = new Inngest({
        ...common,
        isDev: false,
        baseUrl: env.INNGEST_BASE_URL,
        eventKey: env.INNGEST_EVENT_KEY,
        signingKey: env.INNGEST_SIGNING_KEY,
        signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK,
      });
      break;
    case "cloud":
      client = new Inngest({
        ...common,
        isDev: false,
        eventKey: env.INNGEST_EVENT_KEY,
        signingKey: env.INNGEST_SIGNING_KEY,
        signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK,
      });
      break;
  }
  clientModes.set(client, mode);
  return client;
}

export type CrossflowInngest = ReturnType<typeof createInngestClient>;

/** The application's Inngest client, configured from the environment at startup. */
export const inngest: CrossflowInngest = createInngestClient();
