import { resolve } from "node:path";
import { type Database, REPO_ROOT } from "@crossflow/db";
import { createDocumentStorage, type DocumentStorage } from "@crossflow/documents";
import {
  type ConnectedCarrier,
  createCarrierAdapters,
  createPaymentVerifier,
  type EmailSender,
  type RoutedPaymentVerifier,
} from "@crossflow/integrations";
import type { InngestFunction } from "inngest";
import type { ChannelGateway, CredentialOpener } from "../channels/gateway";
import { type CrossflowInngest, inngest } from "../client";
import type { OrderFileParser } from "../intake/order-import";
import type { CustomerNotifier } from "../notifications/types";
import {
  createImportOrders,
  createPublishChannelStock,
  createScheduleChannelSyncs,
  createSyncConnection,
} from "./channel-functions";
import { createDeliverEmail } from "./email-functions";
import { createDeliverInstructionWebhook, type SecretOpener } from "./instruction-webhooks";
import { createProcessOrder, createReprocessOrder } from "./process-order";
import { createPollShipmentTracking, createScheduleTrackingPolls } from "./tracking-functions";

export interface FunctionDeps {
  client?: CrossflowInngest;
  /** Payment sources; default: configured from the environment (STRIPE_SECRET_KEY, PAYPAL_*). */
  paymentVerifier?: RoutedPaymentVerifier;
  /** Carriers by code; default: from the environment (the demo carrier where none is configured). */
  carriers?: Record<string, ConnectedCarrier>;
  /** Turns notices (tracking changes, confirmations) into customer e-mails; default: none. */
  notify?: CustomerNotifier;
  /** Opens sealed secrets (partner webhook secrets); without it instruction webhooks are left out. */
  openSecret?: SecretOpener;
  /** Sends queued e-mails (with Resend); without it the deliver-email function is left out. */
  email?: { sender: EmailSender; fromAddress: string };
  /** How often the demo carrier is polled (tests make it fast). */
  demoPollIntervalMs?: number;
  /** Where rendered documents go; default: S3 when configured, else .data/documents. */
  documentStorage?: DocumentStorage;
  /** Sales channels: without them, the channel sync and stock publishing functions are left out. */
  channels?: { gateway: ChannelGateway; openCredentials: CredentialOpener; fileParser?: OrderFileParser };
}

/**
 * Every production function, served at /api/inngest and run by Inngest or the local
 * executor. They close over the database handle and integrations, so they are built at startup.
 */
export function createFunctions(db: Database, deps: FunctionDeps = {}): InngestFunction.Any[] {
  const client = deps.client ?? inngest;
  const storage = deps.documentStorage ?? createDocumentStorage(process.env, resolve(REPO_ROOT, ".data/documents"));
  const carriers = deps.carriers ?? createCarrierAdapters(process.env);
  const demoPollIntervalMs = deps.demoPollIntervalMs ?? 20_000;
  const notify = deps.notify ?? (async () => {});
  const pipeline = {
    db,
    notify,
    channels: deps.channels,
    verifier: deps.paymentVerifier ?? createPaymentVerifier(),
    documents: { storage },
    labels: {
      carriers,
      storage,
      firstPollDelayMs: (carrier: ConnectedCarrier) => (carrier.mode === "demo" ? demoPollIntervalMs : 60 * 60_000),
    },
  };
  const functions: InngestFunction.Any[] = [
    createProcessOrder(client, pipeline),
    createReprocessOrder(client, pipeline),
    createPollShipmentTracking(client, db, {
      carriers,
      notify,
      demoPollIntervalMs,
    }),
    createScheduleTrackingPolls(client, db),
  ];
  if (deps.openSecret) functions.push(createDeliverInstructionWebhook(client, db, deps.openSecret));
  if (deps.email) functions.push(createDeliverEmail(client, db, deps.email.sender, deps.email.fromAddress));
  if (deps.channels) {
    const { gateway, openCredentials } = deps.channels;
    const events = {
      send: async (event: { name: string; data: Record<string, unknown>; id?: string }) => {
        await client.send(event as Parameters<typeof client.send>[0]);
      },
    };
    functions.push(
      createSyncConnection(client, db, gateway, openCredentials, events),
      createPublishChannelStock(client, db, gateway, openCredentials),
      createScheduleChannelSyncs(client, db),
    );
    if (deps.channels.fileParser) functions.push(createImportOrders(client, db, deps.channels.fileParser, events));
  }
  return functions;
}
