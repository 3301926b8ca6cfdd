import { randomBytes } from "node:crypto";
import {
  completeInstruction,
  getDocument,
  getPartner,
  listInstructions,
  partnerOpenOrders,
  partnerTenants,
  recordAudit,
  setPartnerWebhook,
  withTenant,
} from "@crossflow/db";
import { partnerWebhookContext } from "@crossflow/pipeline";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requirePartner, sessionAuth } from "../../middleware/session-auth";
import { secretBoxOf } from "../../secrets";
import { zodDetails } from "../../validation";

/** The partner portal's backend: what a 3PL or supplier sees of each merchant that linked it. */
export const partnerRoutes = new Hono<AppEnv>();
partnerRoutes.use("*", sessionAuth, requirePartner);

async function perMerchant(vars: AppEnv["Variables"]) {
  const partner = vars.session.partner!;
  const { db } = vars.deps;
  const links = await partnerTenants(db, partner.id);
  return Promise.all(
    links.map(async (link) => ({
      link,
      ...(await withTenant(db, link.tenantId, (tx) => partnerOpenOrders(tx, partner.id))),
    })),
  );
}

partnerRoutes.get("/overview", async (c) => {
  const merchants = await perMerchant(c.var);
  return c.json({
    partner: c.var.session.partner,
    merchants: merchants.map(({ link, warehouses, orders }) => ({
      tenantId: link.tenantId,
      tenantName: link.tenantName,
      warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, country: w.country })),
      openOrders: new Set(orders.map((o) => o.id)).size,
    })),
  });
});

partnerRoutes.get("/orders", async (c) => {
  const only = c.req.query("tenantId");
  const merchants = await perMerchant(c.var);
  const data = merchants
    .filter(({ link }) => !only || link.tenantId === only)
    .flatMap(({ link, orders }) => orders.map((o) => ({ ...o, tenantId: link.tenantId, tenantName: link.tenantName })))
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  return c.json({ data });
});

/** The merchant link and the partner's warehouse ids there, or a 404 for a tenant the partner does not serve. */
async function partnerScope(vars: AppEnv["Variables"], tenantId: string) {
  const partner = vars.session.partner!;
  const link = (await partnerTenants(vars.deps.db, partner.id)).find((l) => l.tenantId === tenantId);
  if (!link) throw new ApiError("not_found", "No such merchant");
  const { warehouses } = await withTenant(vars.deps.db, tenantId, (tx) => partnerOpenOrders(tx, partner.id));
  return { link, warehouses };
}

/** Pick/pack/label and expected-return instructions for the partner's warehouses, per merchant. */
partnerRoutes.get("/instructions", async (c) => {
  const status = c.req.query("status");
  if (status && !["open", "done", "cancelled"].includes(status))
    throw new ApiError("validation_failed", "Invalid filter", [{ path: "status", message: "open, done or cancelled" }]);
  const partner = c.var.session.partner!;
  const links = await partnerTenants(c.var.deps.db, partner.id);
  const data = [];
  for (const link of links) {
    const rows = await withTenant(c.var.deps.db, link.tenantId, async (tx) => {
      const { warehouses } = await partnerOpenOrders(tx, partner.id);
      if (warehouses.length === 0) return [];
      const instructions = await listInstructions(tx, {
        warehouseIds: warehouses.map((w) => w.id),
        status: status as "open" | "done" | "cancelled" | undefined,
        limit: 200,
      });
      return instructions.map((i) => ({
        ...i,
        tenantId: link.tenantId,
        tenantName: link.tenantName,
        warehouseCode: warehouses.find((w) => w.id === i.warehouseId)?.code ?? "",
      }));
    });
    data.push(...rows);
  }
  data.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return c.json({ data });
});

/** The partner marks an instruction done (picked, packed and labelled; or the return received). */
partnerRoutes.post("/tenants/:tenantId/instructions/:id/done", async (c) => {
  const { tenantId, id } = c.req.param();
  const { warehouses } = await partnerScope(c.var, tenantId);
  const actor = c.var.session.actor;
  const done = await withTenant(c.var.deps.db, tenantId, async (tx) => {
    const [instruction] = (
      await listInstructions(tx, { warehouseIds: warehouses.map((w) => w.id), limit: 500 })
    ).filter((i) => i.id === id);
    if (!instruction) return null;
    if (instruction.status !== "open")
      throw new ApiError("invalid_state", `This instruction is already ${instruction.status}`);
    const row = await completeInstruction(tx, id, actor);
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "instruction.done",
      entity: "warehouse_instruction",
      entityId: id,
      before: { status: "open" },
      after: { status: "done" },
    });
    return row;
  });
  if (!done) throw new ApiError("not_found", `No instruction ${id}`);
  return c.json(done);
});

/** A label or packing document of an instruction, for the partner's printer. */
partnerRoutes.get("/tenants/:tenantId/documents/:id", async (c) => {
  const { tenantId, id } = c.req.param();
  const { warehouses } = await partnerScope(c.var, tenantId);
  const { deps } = c.var;
  const row = await withTenant(deps.db, tenantId, async (tx) => {
    const document = await getDocument(tx, id);
    if (!document?.orderId) return null;
    const instructions = await listInstructions(tx, { orderId: document.orderId, limit: 50 });
    // Only documents of orders this partner has work for.
    return instructions.some((i) => warehouses.some((w) => w.id === i.warehouseId)) ? document : null;
  });
  if (!row) throw new ApiError("not_found", `No document ${id}`);
  const stored = await deps.documentStorage?.get(row.storageKey);
  if (!stored) throw new ApiError("not_found", `The file of document ${id} is not available`);
  return c.body(new Uint8Array(stored.bytes), 200, {
    "content-type": row.contentType,
    "content-disposition": `inline; filename="${row.kind}.${row.contentType === "application/pdf" ? "pdf" : "zpl"}"`,
  });
});

const WebhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .refine((v) => /^https?:\/\/[^\s/]+/i.test(v), { message: "an http(s) URL" }),
});

/** A 3PL with an API: where its instructions are POSTed (signed), or null for the portal only. */
partnerRoutes.get("/webhook", async (c) => {
  const partner = await getPartner(c.var.deps.db, c.var.session.partner!.id);
  return c.json({ url: partner?.webhookUrl ?? null, configured: Boolean(partner?.webhookSecretSealed) });
});

/** Sets the URL and issues a new signing secret, shown this once (it is stored sealed). */
partnerRoutes.put("/webhook", async (c) => {
  const parsed = WebhookInput.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid webhook", zodDetails(parsed.error));
  const partnerId = c.var.session.partner!.id;
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  await setPartnerWebhook(c.var.deps.db, partnerId, {
    webhookUrl: parsed.data.url,
    webhookSecretSealed: secretBoxOf(c.var.deps).seal(secret, partnerWebhookContext(partnerId)),
  });
  return c.json({ url: parsed.data.url, secret });
});

partnerRoutes.delete("/webhook", async (c) => {
  await setPartnerWebhook(c.var.deps.db, c.var.session.partner!.id, { webhookUrl: null, webhookSecretSealed: null });
  return c.json({ url: null, configured: false });
});
