import {
  type ConnectionRow,
  createConnection,
  getConnection,
  getDeadLetter,
  listChannelEvents,
  listConnections,
  listDeadLetters,
  listStockLevels,
  recordAudit,
  updateConnection,
} from "@crossflow/db";
import { newId } from "@crossflow/domain";
import { stockChangedEvent } from "@crossflow/pipeline";
import { replayDeadLetter } from "@crossflow/pipeline/intake";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";
import { openCredentials, sealCredentials, secretBoxOf } from "../../secrets";
import { zodDetails } from "../../validation";
import {
  CHANNEL_CONNECTION_FIELDS,
  CreateConnection,
  splitConnectionValues,
  UpdateConnection,
} from "./connections.schemas";

/** Channel connections and the dead-letter queue, for the console. Credentials never leave the server. */
export const connectionRoutes = new Hono<AppEnv>();
// Explicit paths: this router is mounted at /app next to public routes (the portal lookup).
for (const path of ["/connections", "/connections/*", "/dead-letters", "/dead-letters/*"])
  connectionRoutes.use(path, sessionAuth, requireMerchant);

async function body<T extends z.ZodType>(c: { req: { json(): Promise<unknown> } }, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid request", zodDetails(parsed.error));
  return parsed.data;
}

function webhookUrl(origin: string | undefined, row: Pick<ConnectionRow, "id" | "channel">) {
  return `${(origin ?? "").replace(/\/+$/, "")}/webhooks/${row.channel}/${row.id}`;
}

function publicConnection(
  origin: string | undefined,
  row: ConnectionRow & {
    ordersToday?: number;
    rejectedToday?: number;
    deadLetters?: number;
    lastEventAt?: Date | null;
  },
  secretKeys: string[],
) {
  const { credentialsSealed: _sealed, ...rest } = row;
  return {
    ...rest,
    secretsSet: secretKeys,
    fields: CHANNEL_CONNECTION_FIELDS[row.channel] ?? [],
    webhookUrl: row.channel === "demo" ? null : webhookUrl(origin, row),
  };
}

connectionRoutes.get("/connections", async (c) => {
  const { deps, tenant } = c.var;
  const box = secretBoxOf(deps);
  const rows = await tenant.run((tx) => listConnections(tx));
  return c.json({
    channels: CHANNEL_CONNECTION_FIELDS,
    connections: rows.map((row) => publicConnection(deps.publicOrigin, row, secretKeysOf(box, tenant.tenantId, row))),
  });
});

function secretKeysOf(box: ReturnType<typeof secretBoxOf>, tenantId: string, row: ConnectionRow): string[] {
  try {
    return Object.keys(openCredentials(box, tenantId, row.id, row.credentialsSealed));
  } catch {
    // Sealed with a key this server does not have: the merchant must enter the secrets again.
    return [];
  }
}

connectionRoutes.post("/connections", requireOperator, async (c) => {
  const input = await body(c, CreateConnection);
  const { deps, tenant } = c.var;
  const { settings, secrets, issues } = splitConnectionValues(input.channel, input.values, { partial: false });
  if (issues.length) throw new ApiError("validation_failed", "Some connection fields are missing or wrong", issues);
  const box = secretBoxOf(deps);
  const id = newId("con");
  const row = await tenant.run(async (tx) => {
    const created = await createConnection(tx, {
      id,
      tenantId: tenant.tenantId,
      channel: input.channel,
      name: input.name,
      settings,
      stockPolicy: input.stockPolicy,
      credentialsSealed: sealCredentials(box, tenant.tenantId, id, secrets),
    });
    await recordAudit(tx, {
      tenantId: tenant.tenantId,
      actor: tenant.actor,
      action: "connection.created",
      entity: "channel_connection",
      entityId: id,
      after: { channel: input.channel, name: input.name, settings, secrets: Object.keys(secrets) },
    });
    return created;
  });
  // A new channel is told the current available-to-sell right away.
  await deps.events.send(stockChangedEvent(tenant.tenantId));
  return c.json(publicConnection(deps.publicOrigin, row, Object.keys(secrets)), 201);
});

connectionRoutes.get("/connections/:id", async (c) => {
  const { deps, tenant } = c.var;
  const id = c.req.param("id");
  const detail = await tenant.run(async (tx) => {
    const row = await getConnection(tx, id);
    if (!row) return null;
    const [events, stock, health] = await Promise.all([
      listChannelEvents(tx, id, 50),
      listStockLevels(tx, id),
      listConnections(tx).then((all) => all.find((x) => x.id === id)),
    ]);
    return { row: { ...row, ...health }, events, stock };
  });
  if (!detail) throw new ApiError("not_found", `No connection ${id}`);
  const box = secretBoxOf(deps);
  return c.json({
    ...publicConnection(deps.publicOrigin, detail.row, secretKeysOf(box, tenant.tenantId, detail.row)),
    events: detail.events,
    stock: detail.stock,
  });
});

connectionRoutes.patch("/connections/:id", requireOperator, async (c) => {
  const input = await body(c, UpdateConnection);
  const { deps, tenant } = c.var;
  const id = c.req.param("id");
  const box = secretBoxOf(deps);
  const row = await tenant.run(async (tx) => {
    const current = await getConnection(tx, id);
    if (!current) return null;
    const { settings, secrets, issues } = splitConnectionValues(current.channel, input.values ?? {}, { partial: true });
    if (issues.length) throw new ApiError("validation_failed", "Some connection fields are wrong", issues);
    const mergedSecrets = Object.keys(secrets).length
      ? { ...safeOpen(box, tenant.tenantId, current), ...secrets }
      : null;
    const updated = await updateConnection(tx, id, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.stockPolicy ? { stockPolicy: input.stockPolicy } : {}),
      ...(Object.keys(settings).length ? { settings: { ...current.settings, ...settings } } : {}),
      ...(mergedSecrets ? { credentialsSealed: sealCredentials(box, tenant.tenantId, id, mergedSecrets) } : {}),
    });
    await recordAudit(tx, {
      tenantId: tenant.tenantId,
      actor: tenant.actor,
      action: input.status && input.status !== current.status ? `connection.${input.status}` : "connection.updated",
      entity: "channel_connection",
      entityId: id,
      before: {
        name: current.name,
        status: current.status,
        settings: current.settings,
        stockPolicy: current.stockPolicy,
      },
      after: {
        name: updated!.name,
        status: updated!.status,
        settings: updated!.settings,
        stockPolicy: updated!.stockPolicy,
        secretsChanged: Object.keys(secrets),
      },
    });
    return updated;
  });
  if (!row) throw new ApiError("not_found", `No connection ${id}`);
  return c.json(publicConnection(deps.publicOrigin, row, secretKeysOf(box, tenant.tenantId, row)));
});

function safeOpen(box: ReturnType<typeof secretBoxOf>, tenantId: string, row: ConnectionRow) {
  try {
    return openCredentials(box, tenantId, row.id, row.credentialsSealed);
  } catch {
    return {};
  }
}

/** Ask for a sync now (pull orders since the cursor; the demo channel generates some). */
connectionRoutes.post("/connections/:id/sync", requireOperator, async (c) => {
  const { deps, tenant } = c.var;
  const id = c.req.param("id");
  const row = await tenant.run((tx) => getConnection(tx, id));
  if (!row) throw new ApiError("not_found", `No connection ${id}`);
  if (row.status !== "active") throw new ApiError("invalid_state", "The connection is paused; resume it first");
  await deps.events.send({
    name: "channel/sync.requested",
    data: { tenantId: tenant.tenantId, connectionId: id, actor: tenant.actor },
  });
  return c.json({ requested: true }, 202);
});

const DeadLetterQuery = z.object({ status: z.enum(["pending", "replayed", "failed"]).optional() });

connectionRoutes.get("/dead-letters", async (c) => {
  const parsed = DeadLetterQuery.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid filter", zodDetails(parsed.error));
  const rows = await c.var.tenant.run((tx) => listDeadLetters(tx, { status: parsed.data.status, limit: 200 }));
  return c.json({ deadLetters: rows.map(({ payload, ...rest }) => ({ ...rest, size: payload.length })) });
});

connectionRoutes.get("/dead-letters/:id", async (c) => {
  const id = c.req.param("id");
  const row = await c.var.tenant.run((tx) => getDeadLetter(tx, id));
  if (!row) throw new ApiError("not_found", `No dead letter ${id}`);
  return c.json(row);
});

/** Re-run intake for a dead letter with today's mapping (after the mapping or the data was fixed). */
connectionRoutes.post("/dead-letters/:id/replay", requireOperator, async (c) => {
  const { deps, tenant } = c.var;
  const id = c.req.param("id");
  const gateway = deps.channels;
  if (!gateway) throw new ApiError("invalid_state", "No sales channels are configured on this server");
  const result = await replayDeadLetter(deps.db, deps.events, {
    tenantId: tenant.tenantId,
    deadLetterId: id,
    interpret: (channel, payload, headers) => gateway.interpret(channel, payload, headers),
  });
  if (!result) throw new ApiError("not_found", `No dead letter ${id}`);
  await tenant.run((tx) =>
    recordAudit(tx, {
      tenantId: tenant.tenantId,
      actor: tenant.actor,
      action: "dead_letter.replayed",
      entity: "dead_letter",
      entityId: id,
      after: result,
    }),
  );
  return c.json(result);
});
