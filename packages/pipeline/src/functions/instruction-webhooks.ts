import { createHmac } from "node:crypto";
import {
  type Database,
  getInstruction,
  getPartner,
  getWarehouse,
  listInstructions,
  recordDecision,
  withTenant,
} from "@crossflow/db";
import type { CrossflowInngest } from "../client";
import { instructionCreated } from "../events";

/** Opens a sealed secret for a context (the app's secret box). */
export type SecretOpener = (context: string, sealed: string) => string;

export const partnerWebhookContext = (partnerId: string) => `partner:${partnerId}`;

/**
 * The signature header of an instruction webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">` with the partner's secret — the scheme Stripe uses, so a 3PL can check freshness
 * (reject old timestamps) as well as integrity.
 */
export function signInstructionWebhook(secret: string, body: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export class InstructionWebhookError extends Error {}

/**
 * POSTs one warehouse instruction to the 3PL's API when the partner running the warehouse has
 * a webhook: signed, with the instruction id as the delivery id (the 3PL deduplicates on it).
 * Anything but a 2xx throws, so the function retries with backoff.
 */
export async function deliverInstructionWebhook(
  db: Database,
  deps: { openSecret: SecretOpener; fetch?: typeof fetch; now?: () => Date },
  ref: { tenantId: string; instructionId: string },
): Promise<{ delivered: boolean; status?: number; reason?: string }> {
  const found = await withTenant(db, ref.tenantId, async (tx) => {
    const instruction = await getInstruction(tx, ref.instructionId);
    const warehouse = instruction ? await getWarehouse(tx, instruction.warehouseId) : null;
    return instruction && warehouse ? { instruction, warehouse } : null;
  });
  if (!found?.warehouse.partnerId) return { delivered: false, reason: "not a partner's warehouse" };
  const partner = await getPartner(db, found.warehouse.partnerId);
  if (!partner?.webhookUrl || !partner.webhookSecretSealed) return { delivered: false, reason: "no webhook" };
  const { instruction, warehouse } = found;
  const url = partner.webhookUrl;
  const body = JSON.stringify({
    type: `instruction.${instruction.kind}`,
    id: instruction.id,
    tenantId: ref.tenantId,
    warehouse: { id: warehouse.id, code: warehouse.code },
    orderId: instruction.orderId,
    shipmentId: instruction.shipmentId,
    status: instruction.status,
    createdAt: instruction.createdAt.toISOString(),
    payload: instruction.payload,
  });
  const secret = deps.openSecret(partnerWebhookContext(partner.id), partner.webhookSecretSealed);
  const timestamp = Math.floor((deps.now?.() ?? new Date()).getTime() / 1000);
  const response = await (deps.fetch ?? fetch)(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Crossflow-Webhooks/1.0",
      "x-crossflow-event": `instruction.${instruction.kind}`,
      "x-crossflow-delivery": instruction.id,
      "x-crossflow-signature": signInstructionWebhook(secret, body, timestamp),
    },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new InstructionWebhookError(`${partner.name}'s webhook answered ${response.status} for ${instruction.id}`);
  await withTenant(db, ref.tenantId, (tx) =>
    recordDecision(tx, {
      tenantId: ref.tenantId,
      orderId: instruction.orderId,
      kind: "warehouse",
      outcome: { delivered: true, partner: partner.name, status: response.status, instructionId: instruction.id },
      reason: `${instruction.kind === "pick_pack_label" ? "Pick/pack/label" : "Expected-return"} instruction sent to ${partner.name}'s API (${response.status})`,
      facts: { url: new URL(url).origin, warehouse: warehouse.code },
    }),
  );
  return { delivered: true, status: response.status };
}

/** The open instructions of an order, for announcing them after the label step. */
export async function openInstructionIds(db: Database, ref: { tenantId: string; orderId: string }) {
  const rows = await withTenant(db, ref.tenantId, (tx) =>
    listInstructions(tx, { orderId: ref.orderId, status: "open" }),
  );
  return rows.map((r) => r.id);
}

export function createDeliverInstructionWebhook(inngest: CrossflowInngest, db: Database, openSecret: SecretOpener) {
  return inngest.createFunction(
    {
      id: "deliver-instruction-webhook",
      name: "Send a warehouse instruction to the 3PL's API",
      triggers: [instructionCreated],
      idempotency: "event.data.instructionId",
      concurrency: { key: "event.data.tenantId", limit: 5 },
      retries: 8,
    },
    async ({ event, step }) => step.run("post", () => deliverInstructionWebhook(db, { openSecret }, event.data)),
  );
}
