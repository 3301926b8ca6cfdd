import { getEmail, listEmails, listTickets, recordAudit, updateTicket } from "@crossflow/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";

/** Support tickets the pipeline opened, and the customer e-mail outbox, for the console. */
export const supportRoutes = new Hono<AppEnv>();
// Explicit paths: this router is mounted at /app next to public routes (the portal).
for (const path of ["/tickets", "/tickets/*", "/outbox", "/outbox/*"])
  supportRoutes.use(path, sessionAuth, requireMerchant);

const TicketQuery = z.object({
  status: z.enum(["open", "pending", "resolved"]).optional(),
  orderId: z.string().max(64).optional(),
});

supportRoutes.get("/tickets", async (c) => {
  const parsed = TicketQuery.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid filter", zodDetails(parsed.error));
  return c.json({ tickets: await c.var.tenant.run((tx) => listTickets(tx, parsed.data)) });
});

const TicketUpdate = z
  .object({
    status: z.enum(["open", "pending", "resolved"]).optional(),
    /** A user id, "me", or null to unassign. */
    assignee: z.string().max(64).nullable().optional(),
  })
  .refine((v) => v.status !== undefined || v.assignee !== undefined, { message: "give a status or an assignee" });

supportRoutes.patch("/tickets/:id", requireOperator, async (c) => {
  const parsed = TicketUpdate.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid request", zodDetails(parsed.error));
  const { tenant, session } = c.var;
  const id = c.req.param("id");
  const assignee = parsed.data.assignee === "me" ? session.user.id : parsed.data.assignee;
  const row = await tenant.run(async (tx) => {
    const updated = await updateTicket(tx, id, {
      ...(parsed.data.status ? { status: parsed.data.status } : {}),
      ...(assignee !== undefined ? { assignee } : {}),
    });
    if (updated)
      await recordAudit(tx, {
        tenantId: tenant.tenantId,
        actor: tenant.actor,
        action: "ticket.updated",
        entity: "ticket",
        entityId: id,
        after: { status: updated.status, assignee: updated.assignee },
      });
    return updated;
  });
  if (!row) throw new ApiError("not_found", `No ticket ${id}`);
  return c.json(row);
});

supportRoutes.get("/outbox", async (c) => {
  const orderId = c.req.query("orderId");
  return c.json({ emails: await c.var.tenant.run((tx) => listEmails(tx, { orderId, limit: 200 })) });
});

/** One e-mail as the shopper gets it (subject, HTML, text). */
supportRoutes.get("/outbox/:id", async (c) => {
  const id = c.req.param("id");
  const email = await c.var.tenant.run((tx) => getEmail(tx, id));
  if (!email) throw new ApiError("not_found", `No e-mail ${id}`);
  return c.json(email);
});
