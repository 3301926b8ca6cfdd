import { resolve } from "node:path";
import { createPortalToken, loadSecretBox, loadSessionSecret, type SecretBox } from "@crossflow/auth";
import { type Database, REPO_ROOT } from "@crossflow/db";
import { createDocumentStorage, type DocumentStorage } from "@crossflow/documents";
import {
  CHANNEL_ADAPTERS,
  type ConnectedCarrier,
  createCarrierAdapters,
  createEmailSender,
  createOrderFileParser,
  type RefundClient,
  stripeRefundClientFromEnv,
} from "@crossflow/integrations";
import {
  type ChannelGateway,
  type CustomerNotifier,
  createAdapterGateway,
  createCustomerNotifier,
  createFunctions,
} from "@crossflow/pipeline";
import type { EventSender, OrderFileParser } from "@crossflow/pipeline/intake";
import { openCredentials } from "./secrets";

export interface RuntimeDeps {
  secretBox: SecretBox;
  channels: ChannelGateway;
  documentStorage: DocumentStorage;
  fileParser: OrderFileParser;
  carriers: Record<string, ConnectedCarrier>;
  notify: CustomerNotifier;
  sessionSecret: string;
  functions: ReturnType<typeof createFunctions>;
  /** Refunds of Stripe payments; null without STRIPE_SECRET_KEY. */
  stripeRefunds: RefundClient | null;
  /** Set once the pipeline runtime exists: queued e-mails are handed to it. */
  bindEvents(events: EventSender): void;
}

/**
 * What every process that runs the pipeline needs, built one way for the server and the CLI:
 * the secret box (CROSSFLOW_SECRET_KEYS, or a dev key in .data/), the channel adapters, the
 * carriers, the customer notifier (Resend when RESEND_API_KEY is set, else the outbox), and
 * the Inngest functions closed over them.
 */
export function createRuntimeDeps(db: Database, options: { publicOrigin?: string } = {}): RuntimeDeps {
  const secretBox = loadSecretBox(resolve(REPO_ROOT, ".data/secret-keys"));
  const channels = createAdapterGateway(CHANNEL_ADAPTERS);
  const documentStorage = createDocumentStorage(process.env, resolve(REPO_ROOT, ".data/documents"));
  const fileParser: OrderFileParser = createOrderFileParser();
  const carriers = createCarrierAdapters(process.env);
  const sessionSecret = loadSessionSecret(resolve(REPO_ROOT, ".data/session-secret"));
  const origin = (process.env.CROSSFLOW_PUBLIC_URL ?? options.publicOrigin ?? "http://127.0.0.1:3000").replace(
    /\/+$/,
    "",
  );
  const sender = createEmailSender(process.env);
  const fromAddress = process.env.CROSSFLOW_EMAIL_FROM ?? "orders@crossflow.example";
  let events: EventSender | null = null;
  const notify = createCustomerNotifier({
    db,
    sender,
    fromAddress,
    portalUrl: (tenantId, orderId) => `${origin}/portal/o/${createPortalToken({ tenantId, orderId }, sessionSecret)}`,
    events: { send: async (event) => events?.send(event) },
  });
  const functions = createFunctions(db, {
    documentStorage,
    carriers,
    notify,
    openSecret: (context, sealed) => secretBox.open(sealed, context),
    email: { sender, fromAddress },
    channels: {
      gateway: channels,
      openCredentials: (tenantId, connectionId, sealed) => openCredentials(secretBox, tenantId, connectionId, sealed),
      fileParser,
    },
  });
  return {
    secretBox,
    channels,
    documentStorage,
    fileParser,
    carriers,
    notify,
    sessionSecret,
    functions,
    stripeRefunds: stripeRefundClientFromEnv(process.env),
    bindEvents: (sender) => {
      events = sender;
    },
  };
}
