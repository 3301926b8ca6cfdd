import {
  getCustomer,
  getOrderRow,
  getReturn,
  getUser,
  listReturnDocuments,
  listReturns,
  RETURN_STATUSES,
  type ReturnRow,
  type ReturnStatus,
} from "@crossflow/db";
import { needsSecondApproval, RETURN_CONDITIONS, RETURN_REASONS, returnPolicySchema } from "@crossflow/domain";
import {
  approveRefund,
  approveReturn,
  getReturnPolicy,
  markRefunded,
  type ReturnDeps,
  ReturnForbiddenError,
  receiveReturn,
  rejectReturn,
  requestRefund,
  saveReturnPolicy,
} from "@crossflow/pipeline/intake";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireAdmin, requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";

/**
 * Returns and refunds for the console: the list and one return, approving or rejecting a
 * request, the warehouse's inspection, the refund (with a second approver above the tenant's
 * threshold) and the return policy. Viewers read; operators act; admins set the policy.
 */
export const returnRoutes = new Hono<AppEnv>();
// Explicit paths: this router is mounted at /app next to public routes (the portal).
for (const path of ["/returns", "/returns/*", "/returns-policy"]) returnRoutes.use(path, sessionAuth, requireMerchant);

/** What the returns functions need from the app: carriers, document storage, the notifier, the refund clients. */
export function returnDepsOf(c: Context<AppEnv>): ReturnDeps {
  const { carriers, documentStorage, notify, stripeRefunds } = c.var.deps;
  if (!carriers || !documentStorage) throw new ApiError("unavailable", "Returns need carriers and document storage");
  return { carriers, storage: documentStorage, notify, refunds: { stripe: stripeRefunds ?? null } };
}

async function body<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid request", zodDetails(parsed.error));
  return parsed.data;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ReturnForbiddenError) throw new ApiError("forbidden", error.message);
    throw error;
  }
}

const names = new Map<string, string>();
async function actorName(c: Context<AppEnv>, actor: string | null | undefined): Promise<string | null> {
  if (!actor) return null;
  if (actor === c.var.session.actor) return c.var.session.user.name;
  if (actor.startsWith("shopper:")) return actor.slice("shopper:".length);
  if (actor.startsWith("system:")) return actor;
  const cached = names.get(actor);
  if (cached) return cached;
  const userId = /^user:(.+)$/.exec(actor)?.[1];
  const name = (userId ? await getUser(c.var.deps.db, { id: userId }) : null)?.name ?? actor;
  names.set(actor, name);
  return name;
}

/** One return as the console shows it, with what the viewer may do next and why not. */
async function returnView(c: Context<AppEnv>, ret: ReturnRow) {
  const { tenant, session } = c.var;
  const { order, customer, documents } = await tenant.run(async (tx) => {
    const order = (await getOrderRow(tx, ret.orderId))!;
    return {
      order,
      customer: await getCustomer(tx, order.customerId),
      documents: await listReturnDocuments(tx, ret.id),
    };
  });
  const policy = await getReturnPolicy(c.var.deps.db, tenant.tenantId);
  const role = session.role;
  const operator = role === "owner" || role === "admin" || role === "operator";
  const ownRequest = ret.refundRequestedBy === session.actor;
  const refund = (ret.refund ?? null) as Record<string, unknown> | null;
  return {
    id: ret.id,
    rma: ret.rma,
    status: ret.status,
    currency: ret.currency,
    lines: ret.lines,
    shippingPaidBy: ret.shippingPaidBy,
    carrier: ret.carrier,
    trackingNumber: ret.trackingNumber,
    refund,
    refundAmount: ret.refundAmount,
    refundReference: ret.refundReference,
    refundedAt: ret.refundedAt?.toISOString() ?? null,
    createdAt: ret.createdAt.toISOString(),
    updatedAt: ret.updatedAt.toISOString(),
    requestedBy: { id: ret.requestedBy, name: await actorName(c, ret.requestedBy) },
    approvedBy: ret.approvedBy ? { id: ret.approvedBy, name: await actorName(c, ret.approvedBy) } : null,
    refundRequestedBy: ret.refundRequestedBy
      ? { id: ret.refundRequestedBy, name: await actorName(c, ret.refundRequestedBy) }
      : null,
    refundApprovedBy: ret.refundApprovedBy
      ? { id: ret.refundApprovedBy, name: await actorName(c, ret.refundApprovedBy) }
      : null,
    order: {
      id: order.id,
      externalId: order.externalId,
      status: order.status,
      channel: order.channel,
      paymentProvider: order.payment.provider,
      shippingPaid: order.shippingPaid,
      customerName: customer?.name ?? order.shippingAddress.name,
      customerEmail: customer?.email ?? null,
      country: order.shippingAddress.country,
    },
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      contentType: d.contentType,
      url: `/app/documents/${d.id}`,
    })),
    fourEyes: {
      // A currency without its own threshold is measured against the EUR one.
      threshold:
        policy.fourEyesThreshold[ret.currency] !== undefined
          ? { amount: policy.fourEyesThreshold[ret.currency]!, currency: ret.currency }
          : policy.fourEyesThreshold.EUR !== undefined
            ? { amount: policy.fourEyesThreshold.EUR, currency: "EUR" }
            : null,
      required: ret.refundAmount != null && needsSecondApproval(ret.refundAmount, ret.currency, policy),
    },
    can: {
      approve: operator && ret.status === "requested",
      reject: operator && ret.status === "requested",
      receive: operator && ["approved", "in_transit", "received"].includes(ret.status) && !ret.refundRequestedBy,
      requestRefund: operator && ret.status === "received" && ret.refundAmount != null,
      approveRefund: operator && ret.status === "refund_pending_approval" && !ownRequest,
      markRefunded: operator && ret.status === "received" && Boolean(ret.refundApprovedBy),
    },
    cannotApproveRefund:
      ret.status !== "refund_pending_approval" ? null : !operator ? "role" : ownRequest ? "own_request" : null,
  };
}

async function findReturn(c: Context<AppEnv>) {
  const id = c.req.param("id") ?? "";
  const ret = await c.var.tenant.run((tx) => getReturn(tx, id));
  if (!ret) throw new ApiError("not_found", `No return ${id}`);
  return ret;
}

returnRoutes.get("/returns", async (c) => {
  const raw = (c.req.query("status") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = raw.filter((s) => !(RETURN_STATUSES as readonly string[]).includes(s));
  if (unknown.length)
    throw new ApiError("validation_failed", "Unknown return status", [
      { path: "status", message: `${unknown.join(", ")} is not one of ${RETURN_STATUSES.join(", ")}` },
    ]);
  const rows = await c.var.tenant.run(async (tx) => {
    const filtered = await listReturns(tx, { status: raw as ReturnStatus[] });
    const all = raw.length ? await listReturns(tx, { limit: 1000 }) : filtered;
    return { filtered, all };
  });
  const counts: Record<string, number> = {};
  for (const r of rows.all) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return c.json({
    counts,
    data: rows.filtered.map((r) => ({
      id: r.id,
      rma: r.rma,
      status: r.status,
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      customerName: r.customerName,
      country: r.shippingAddress.country,
      currency: r.currency,
      units: r.lines.reduce((sum, l) => sum + l.quantity, 0),
      reasons: [...new Set(r.lines.map((l) => l.reason))],
      refundAmount: r.refundAmount,
      shippingPaidBy: r.shippingPaidBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  });
});

returnRoutes.get("/returns/:id", async (c) => c.json(await returnView(c, await findReturn(c))));

returnRoutes.post("/returns/:id/approve", requireOperator, async (c) => {
  const ret = await findReturn(c);
  const { tenantId, actor } = c.var.tenant;
  const updated = await approveReturn(c.var.deps.db, returnDepsOf(c), { tenantId, returnId: ret.id, actor });
  return c.json(await returnView(c, updated));
});

returnRoutes.post("/returns/:id/reject", requireOperator, async (c) => {
  const ret = await findReturn(c);
  const input = await body(c, z.object({ reason: z.string().trim().min(1, "Say why").max(500) }));
  const { tenantId, actor } = c.var.tenant;
  const updated = await rejectReturn(c.var.deps.db, { tenantId, returnId: ret.id, actor, reason: input.reason });
  return c.json(await returnView(c, updated));
});

const Inspection = z.object({
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1).max(100),
        receivedQuantity: z.number().int().min(0).max(10_000),
        condition: z.enum(RETURN_CONDITIONS),
      }),
    )
    .min(1)
    .max(100),
});

returnRoutes.post("/returns/:id/receive", requireOperator, async (c) => {
  const ret = await findReturn(c);
  const input = await body(c, Inspection);
  const { tenantId, actor } = c.var.tenant;
  const updated = await receiveReturn(c.var.deps.db, {}, { tenantId, returnId: ret.id, actor, lines: input.lines });
  return c.json(await returnView(c, updated));
});

returnRoutes.post("/returns/:id/refund", requireOperator, async (c) => {
  const ret = await findReturn(c);
  const { tenantId, actor } = c.var.tenant;
  const updated = await guarded(() =>
    requestRefund(c.var.deps.db, returnDepsOf(c), { tenantId, returnId: ret.id, actor }),
  );
  return c.json(await returnView(c, updated));
});

returnRoutes.post("/returns/:id/approve-refund", requireOperator, async (c) => {
  const ret = await findReturn(c);
  const { tenantId, actor } = c.var.tenant;
  const updated = await guarded(() =>
    approveRefund(c.var.deps.db, returnDepsOf(c), { tenantId, returnId: ret.id, actor }),
  );
  return c.json(await returnView(c, updated));
});

returnRoutes.post("/returns/:id/mark-refunded", requireOperator, async (c) => {
  const ret = await findReturn(c);
  const input = await body(c, z.object({ reference: z.string().trim().min(1, "Enter the refund reference").max(200) }));
  const { tenantId, actor } = c.var.tenant;
  const updated = await markRefunded(c.var.deps.db, returnDepsOf(c), {
    tenantId,
    returnId: ret.id,
    actor,
    reference: input.reference,
  });
  return c.json(await returnView(c, updated));
});

returnRoutes.get("/returns-policy", async (c) =>
  c.json({
    policy: await getReturnPolicy(c.var.deps.db, c.var.tenant.tenantId),
    defaults: returnPolicySchema.parse({}),
    reasons: RETURN_REASONS,
    conditions: RETURN_CONDITIONS,
  }),
);

returnRoutes.put("/returns-policy", requireAdmin, async (c) => {
  const input = await c.req.json().catch(() => null);
  if (input === null || typeof input !== "object" || Array.isArray(input))
    throw new ApiError("validation_failed", "Send the policy as a JSON object", [
      { path: "(body)", message: "expected an object" },
    ]);
  const policy = await saveReturnPolicy(c.var.deps.db, {
    tenantId: c.var.tenant.tenantId,
    actor: c.var.tenant.actor,
    policy: input,
  });
  return c.json({ policy });
});
