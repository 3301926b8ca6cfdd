import { readPortalToken } from "@crossflow/auth";
import {
  getCustomer,
  getDocument,
  getOrderRow,
  getReturnByRma,
  listReturnDocuments,
  type ReturnRow,
  withTenant,
} from "@crossflow/db";
import { RETURN_REASONS } from "@crossflow/domain";
import { requestReturn, returnOptions } from "@crossflow/pipeline/intake";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { rateLimit } from "../../middleware/rate-limit";
import { zodDetails } from "../../validation";
import { returnDepsOf } from "./returns";

/**
 * The customer portal's returns, reached with the signed order link from an e-mail (or the
 * one the lookup hands out): what can come back, starting a return, and its label and
 * customs papers. No account; a bad or expired token is a 404 like an unknown order.
 */
export const portalReturnRoutes = new Hono<AppEnv>();
portalReturnRoutes.use("/orders/:token/returns", rateLimit({ limit: 30, windowMs: 60_000 }));
portalReturnRoutes.use("/orders/:token/returns/*", rateLimit({ limit: 60, windowMs: 60_000 }));

function claimsOf(c: Context<AppEnv>) {
  const claims = readPortalToken(c.req.param("token"), c.var.deps.sessionSecret);
  if (!claims) throw new ApiError("not_found", "This link is not valid any more; look up your order again");
  return claims;
}

/** Portal kinds (what the shopper sees) → the stored document kinds of a return. */
const PAPER_KINDS: Record<string, string> = {
  label: "return_label",
  label_zpl: "return_label_zpl",
  cn23: "return_cn23",
  commercial_invoice: "return_commercial_invoice",
};

function returnLinks(token: string, ret: Pick<ReturnRow, "rma">, kinds: string[]) {
  const base = `/app/portal/orders/${encodeURIComponent(token)}/returns/${encodeURIComponent(ret.rma)}`;
  const has = (kind: string) => kinds.includes(kind);
  return {
    labelUrl: has("return_label") ? `${base}/label` : null,
    documents: Object.entries(PAPER_KINDS)
      .filter(([portalKind, stored]) => portalKind !== "label" && portalKind !== "label_zpl" && has(stored))
      .map(([portalKind]) => ({ kind: portalKind, url: `${base}/documents/${portalKind}` })),
  };
}

portalReturnRoutes.get("/orders/:token/returns/options", async (c) => {
  const claims = claimsOf(c);
  const token = c.req.param("token");
  const options = await returnOptions(c.var.deps.db, { tenantId: claims.tenantId, orderId: claims.orderId });
  if (!options) throw new ApiError("not_found", "This link is not valid any more; look up your order again");
  const { eligibility, policy } = options;
  const documents = await withTenant(c.var.deps.db, claims.tenantId, async (tx) =>
    Promise.all(options.returns.map((r) => listReturnDocuments(tx, r.id))),
  );
  const defaultPayer = (reason: (typeof RETURN_REASONS)[number]) => policy.shippingPaidBy[reason];
  return c.json({
    eligible: eligibility.eligible,
    ...(eligibility.reason ? { reason: eligibility.reason, message: eligibility.message } : {}),
    windowEndsAt: eligibility.windowEndsAt?.toISOString() ?? null,
    reasons: policy.reasons,
    shippingPaidBy: Object.fromEntries(policy.reasons.map((r) => [r, defaultPayer(r)])),
    currency: options.currency,
    returnShippingFee: policy.returnShippingFee[options.currency] ?? 0,
    lines: eligibility.lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      returnableQuantity: l.returnableQuantity,
      ...(l.reason ? { notReturnable: l.reason } : {}),
    })),
    returns: options.returns.map((r, index) => ({
      rma: r.rma,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      trackingNumber: r.trackingNumber,
      carrier: r.carrier,
      lines: r.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, reason: l.reason })),
      refundAmount: r.status === "refunded" ? r.refundAmount : null,
      currency: r.currency,
      ...returnLinks(
        token,
        r,
        documents[index]!.map((d) => d.kind),
      ),
    })),
  });
});

const ReturnRequest = z.object({
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1).max(100),
        quantity: z.number().int().min(1).max(10_000),
        reason: z.enum(RETURN_REASONS),
        note: z.string().max(500).optional(),
      }),
    )
    .min(1, "Choose at least one item to return")
    .max(100),
});

portalReturnRoutes.post("/orders/:token/returns", async (c) => {
  const claims = claimsOf(c);
  const parsed = ReturnRequest.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Check the items to return", zodDetails(parsed.error));
  const { db } = c.var.deps;
  const email = await withTenant(db, claims.tenantId, async (tx) => {
    const order = await getOrderRow(tx, claims.orderId);
    return order ? ((await getCustomer(tx, order.customerId))?.email ?? null) : null;
  });
  const ret = await requestReturn(db, returnDepsOf(c), {
    tenantId: claims.tenantId,
    orderId: claims.orderId,
    actor: `shopper:${email ?? "unknown"}`,
    lines: parsed.data.lines,
  });
  const kinds = await withTenant(db, claims.tenantId, async (tx) =>
    (await listReturnDocuments(tx, ret.id)).map((d) => d.kind),
  );
  return c.json(
    {
      id: ret.id,
      rma: ret.rma,
      status: ret.status,
      shippingPaidBy: ret.shippingPaidBy,
      carrier: ret.carrier,
      trackingNumber: ret.trackingNumber,
      ...returnLinks(c.req.param("token"), ret, kinds),
    },
    201,
  );
});

async function sendReturnPaper(c: Context<AppEnv>, portalKind: string) {
  const claims = claimsOf(c);
  const stored = PAPER_KINDS[portalKind];
  if (!stored) throw new ApiError("not_found", `No ${portalKind} for this return`);
  const { db, documentStorage } = c.var.deps;
  const row = await withTenant(db, claims.tenantId, async (tx) => {
    const ret = await getReturnByRma(tx, claims.orderId, c.req.param("rma") ?? "");
    if (!ret) return null;
    const doc = (await listReturnDocuments(tx, ret.id)).find((d) => d.kind === stored);
    return doc ? getDocument(tx, doc.id) : null;
  });
  if (!row) throw new ApiError("not_found", `No ${portalKind.replace(/_/g, " ")} for this return`);
  const file = await documentStorage?.get(row.storageKey);
  if (!file) throw new ApiError("not_found", "The file is not available");
  const extension = row.contentType === "application/pdf" ? "pdf" : row.contentType.includes("zpl") ? "zpl" : "bin";
  return c.body(new Uint8Array(file.bytes), 200, {
    "content-type": row.contentType,
    "content-disposition": `${c.req.query("download") === "1" ? "attachment" : "inline"}; filename="${c.req.param("rma")}-${portalKind}.${extension}"`,
    "cache-control": "private, max-age=300",
  });
}

portalReturnRoutes.get("/orders/:token/returns/:rma/label", (c) =>
  sendReturnPaper(c, c.req.query("format") === "zpl" ? "label_zpl" : "label"),
);
portalReturnRoutes.get("/orders/:token/returns/:rma/documents/:kind", (c) => sendReturnPaper(c, c.req.param("kind")));
