import type { Database } from "@crossflow/db";
import type { RoutedPaymentVerifier } from "@crossflow/integrations";
import type { ChannelGateway, CredentialOpener } from "../channels/gateway";
import { stockChangedEvent } from "../channels/gateway";
import type { CrossflowInngest } from "../client";
import { orderReceived, orderReprocessRequested } from "../events";
import type { CustomerNotifier } from "../notifications/types";
import { confirmShipmentWithChannel } from "../steps/confirm-shipment";
import { type DocumentStepDeps, documentOrder } from "../steps/document";
import {
  allocateOrder,
  chooseCarrierStep,
  fetchPaymentEvidence,
  type StepOutcome,
  screenOrderStep,
  validateOrder,
} from "../steps/index";
import { createLabels, type LabelStepDeps } from "../steps/label";
import { openInstructionIds } from "./instruction-webhooks";

/** How many times one order may be held and released before the run stops waiting. */
const MAX_REVIEW_ROUNDS = 10;
/** How often a pending payment is asked about again, and how many times. */
const PAYMENT_RECHECK_MS = 15 * 60_000;
const MAX_PAYMENT_CHECKS = 12;

/**
 * The order pipeline: verify payment → validate (catalog, address, payment) → screen (risk,
 * exception and action rules) → allocate (reserve stock) → choose the carrier → customs,
 * landed cost and documents → book the carrier, label, warehouse instruction. Tracking
 * (poll-shipment-tracking and carrier webhooks) takes it from there to delivered. Each step is
 * idempotent on the order's status, so a retried or resumed run never does a step's work
 * twice; Inngest's idempotency key on tenant + order makes a repeated order/received start
 * nothing new. A held order waits for a person to release it (order/hold.released) and
 * continues where it stopped; cancelling it ends the run.
 */
export interface PipelineDeps {
  db: Database;
  verifier: RoutedPaymentVerifier;
  documents: DocumentStepDeps;
  labels: LabelStepDeps;
  notify: CustomerNotifier;
  channels?: { gateway: ChannelGateway; openCredentials: CredentialOpener };
}

type PipelineStep = Parameters<Parameters<CrossflowInngest["createFunction"]>[1]>[0]["step"];

/** The steps of one order, from wherever its status says it is, shared by process-order and reprocess-order. */
async function runOrderPipeline(
  deps: PipelineDeps,
  step: PipelineStep,
  event: { data: { tenantId: string; orderId: string } },
) {
  const { db, verifier, documents, labels } = deps;
  const ref = { tenantId: event.data.tenantId, orderId: event.data.orderId };
  let overrides: string[] = [];
  for (let round = 0; round < MAX_REVIEW_ROUNDS; round++) {
    const r = round === 0 ? "" : `-${round}`;
    let outcome: StepOutcome | null = null;
    for (let check = 0; check < MAX_PAYMENT_CHECKS && !outcome; check++) {
      const c = check === 0 ? "" : `-${check}`;
      const evidence = await step.run(`verify-payment${r}${c}`, () => fetchPaymentEvidence(db, verifier, ref));
      const validated = await step.run(`validate${r}${c}`, () => validateOrder(db, ref, overrides, evidence));
      if (validated.outcome === "wait") {
        const until = Math.min(Date.parse(validated.until), Date.now() + PAYMENT_RECHECK_MS);
        await step.sleepUntil(`await-payment${r}${c}`, new Date(until));
        continue;
      }
      outcome = validated;
    }
    if (outcome && outcome.outcome !== "held")
      outcome = await step.run(`screen${r}`, () => screenOrderStep(db, ref, overrides));
    if (outcome && outcome.outcome !== "held") {
      const reserved: StepOutcome = await step.run(`reserve-stock${r}`, () => allocateOrder(db, ref));
      outcome = reserved;
      if (reserved.outcome === "advanced") {
        const changed = stockChangedEvent(ref.tenantId);
        await step.sendEvent(`stock-changed${r}`, { ...changed, data: changed.data });
      }
    }
    if (outcome && outcome.outcome !== "held")
      outcome = await step.run(`choose-carrier${r}`, () => chooseCarrierStep(db, ref));
    if (outcome && outcome.outcome !== "held") {
      const documented: StepOutcome = await step.run(`document${r}`, () => documentOrder(db, documents, ref));
      outcome = documented;
      // Accepted, paid, papers ready: tell the shopper (once per order, whatever the reruns).
      if (documented.outcome === "advanced")
        await step.run(`notify-confirmed${r}`, () =>
          deps.notify([{ ...ref, event: "order_confirmed", dedupeKey: `order_confirmed:${ref.orderId}` }]),
        );
    }
    if (outcome && outcome.outcome !== "held") {
      const labelled: StepOutcome = await step.run(`label${r}`, () => createLabels(db, labels, ref));
      outcome = labelled;
      if (labelled.outcome === "advanced") {
        // The warehouse's instructions go to its 3PL's API too, when the partner has a webhook.
        const instructions: string[] = await step.run(`instructions${r}`, () => openInstructionIds(db, ref));
        if (instructions.length)
          await step.sendEvent(
            `announce-instructions${r}`,
            instructions.map((id: string) => ({
              name: "warehouse/instruction.created" as const,
              id: `instruction:${id}`,
              data: { tenantId: ref.tenantId, instructionId: id },
            })),
          );
      }
      const channels = deps.channels;
      if (labelled.outcome === "advanced" && channels)
        await step.run(`confirm-shipment${r}`, () => confirmShipmentWithChannel(db, channels, ref));
    }
    if (outcome?.outcome !== "held") return { status: outcome?.status ?? "received" };

    const release = await step.waitForEvent(`await-review${r}`, {
      event: "order/hold.released",
      timeout: "30d",
      if: "async.data.orderId == event.data.orderId",
    });
    if (!release) return { status: "on_hold", holds: outcome.holds, note: "no review within 30 days" };
    overrides = release.data.overrides ?? [];
  }
  return { status: "on_hold", note: `held ${MAX_REVIEW_ROUNDS} times; continue by hand` };
}

export function createProcessOrder(inngest: CrossflowInngest, deps: PipelineDeps) {
  return inngest.createFunction(
    {
      id: "process-order",
      name: "Process order",
      triggers: [orderReceived],
      idempotency: "event.data.tenantId + '-' + event.data.orderId",
      concurrency: { key: "event.data.tenantId", limit: 10 },
      cancelOn: [{ event: "order/cancelled", match: "data.orderId" }],
      retries: 5,
    },
    async ({ event, step }) => runOrderPipeline(deps, step as PipelineStep, event),
  );
}

/**
 * The same pipeline again for an order whose facts changed after its first run finished (a
 * new shipping address before it shipped): every step whose work was undone runs again.
 */
export function createReprocessOrder(inngest: CrossflowInngest, deps: PipelineDeps) {
  return inngest.createFunction(
    {
      id: "reprocess-order",
      name: "Reprocess order",
      triggers: [orderReprocessRequested],
      idempotency: "event.data.nonce",
      concurrency: { key: "event.data.tenantId", limit: 10 },
      cancelOn: [{ event: "order/cancelled", match: "data.orderId" }],
      retries: 5,
    },
    async ({ event, step }) => runOrderPipeline(deps, step as PipelineStep, event),
  );
}
