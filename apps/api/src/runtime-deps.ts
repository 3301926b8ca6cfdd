import { resolve } from "node:path";
import { loadSecretBox, type SecretBox } from "@crossflow/auth";
import { type Database, REPO_ROOT } from "@crossflow/db";
import { createDocumentStorage, type DocumentStorage } from "@crossflow/documents";
import {
  CHANNEL_ADAPTERS,
  type ConnectedCarrier,
  createCarrierAdapters,
  createOrderFileParser,
} from "@crossflow/integrations";
import { type ChannelGateway, createAdapterGateway, createFunctions } from "@crossflow/pipeline";
import type { OrderFileParser } from "@crossflow/pipeline/intake";
import { openCredentials } from "./secrets";

export interface RuntimeDeps {
  secretBox: SecretBox;
  channels: ChannelGateway;
  documentStorage: DocumentStorage;
  fileParser: OrderFileParser;
  carriers: Record<string, ConnectedCarrier>;
  functions: ReturnType<typeof createFunctions>;
}

/**
 * What every process that runs the pipeline needs, built one way for the server and the CLI:
 * the secret box (CROSSFLOW_SECRET_KEYS, or a dev key in .data/), the channel adapters, and
 * the Inngest functions closed over them.
 */
export function createRuntimeDeps(db: Database): RuntimeDeps {
  const secretBox = loadSecretBox(resolve(REPO_ROOT, ".data/secret-keys"));
  const channels = createAdapterGateway(CHANNEL_ADAPTERS);
  const documentStorage = createDocumentStorage(process.env, resolve(REPO_ROOT, ".data/documents"));
  const fileParser: OrderFileParser = createOrderFileParser();
  const carriers = createCarrierAdapters(process.env);
  const functions = createFunctions(db, {
    documentStorage,
    carriers,
    channels: {
      gateway: channels,
      openCredentials: (tenantId, connectionId, sealed) => openCredentials(secretBox, tenantId, connectionId, sealed),
      fileParser,
    },
  });
  return { secretBox, channels, documentStorage, fileParser, carriers, functions };
}
