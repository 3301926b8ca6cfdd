import { findConnectionTenant, getConnection, recordChannelEvent, updateConnection, withTenant } from "@crossflow/db";
import { ingestChannelDelivery } from "@crossflow/pipeline/intake";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { openCredentials, secretBoxOf } from "../../secrets";

/** Largest webhook body accepted (Shopify's largest order payloads stay well under this). */
const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

/** Headers that carry someone's credentials are never stored with a delivery. */
const UNSTORED_HEADERS = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key"]);

function headersOf(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return headers;
}

function storableHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => !UNSTORED_HEADERS.has(key)));
}

/**
 * POST /webhooks/{channel}/{connectionId}: the signature is checked on the raw body with the
 * connection's secret before anything is parsed. A forged or stale delivery is a 401 (and
 * noted on the connection); an authentic one is always kept — as an order, a change, a
 * duplicate, or a dead letter — and acknowledged with 200 so the channel stops retrying.
 */
export const channelWebhookRoutes = new Hono<AppEnv>();

channelWebhookRoutes.post("/webhooks/:channel/:connectionId", async (c) => {
  const { deps } = c.var;
  const gateway = deps.channels;
  const channel = c.req.param("channel");
  const connectionId = c.req.param("connectionId");
  const found = await findConnectionTenant(deps.db, connectionId);
  // One answer for "no such connection" and "wrong channel": nothing to learn by probing.
  if (!gateway || !found || found.channel !== channel || !gateway.has(channel))
    throw new ApiError("not_found", "No such webhook endpoint");
  const { tenantId } = found;

  const length = Number(c.req.header("content-length") ?? "0");
  if (length > MAX_WEBHOOK_BYTES) throw new ApiError("payload_too_large", "The webhook body is too large");
  const rawBody = await c.req.text();
  if (rawBody.length > MAX_WEBHOOK_BYTES) throw new ApiError("payload_too_large", "The webhook body is too large");
  const headers = headersOf(c.req.raw);

  const row = await withTenant(deps.db, tenantId, (tx) => getConnection(tx, connectionId));
  if (!row) throw new ApiError("not_found", "No such webhook endpoint");
  let secrets: Record<string, string>;
  try {
    secrets = openCredentials(secretBoxOf(deps), tenantId, connectionId, row.credentialsSealed);
  } catch {
    await noteRejection(deps.db, tenantId, connectionId, "credentials cannot be opened; enter them again");
    throw new ApiError("unauthorized", "The connection's credentials cannot be opened on this server");
  }
  const context = {
    id: row.id,
    tenantId,
    channel,
    settings: row.settings,
    secrets,
    cursor: row.cursor,
  };
  const verdict = await gateway.verifyWebhook(context, { rawBody, headers, now: new Date(), url: c.req.url });
  if (!verdict.ok) {
    await noteRejection(deps.db, tenantId, connectionId, verdict.reason);
    throw new ApiError("unauthorized", `Webhook signature rejected: ${verdict.reason}`);
  }
  if (verdict.challengeResponse !== undefined) return c.json(verdict.challengeResponse as object);
  if (row.status !== "active") {
    // Paused: authentic deliveries are still kept, as dead letters to replay on resume.
    const result = await ingestChannelDelivery(
      deps.db,
      deps.events,
      { tenantId, connectionId, channel },
      {
        kind: "invalid",
        deliveryId: verdict.deliveryId,
        topic: verdict.topic,
        error: "Received while the connection was paused",
        details: [],
      },
      { body: rawBody, headers: storableHeaders(headers) },
    );
    return c.json({ received: true, outcome: result.outcome });
  }

  const delivery = await gateway.interpret(channel, rawBody, headers, context);
  const result = await ingestChannelDelivery(
    deps.db,
    deps.events,
    { tenantId, connectionId, channel },
    { ...delivery, deliveryId: verdict.deliveryId ?? delivery.deliveryId, topic: verdict.topic ?? delivery.topic },
    { body: rawBody, headers: storableHeaders(headers) },
  );
  return c.json({ received: true, ...result });
});

async function noteRejection(
  db: Parameters<typeof withTenant>[0],
  tenantId: string,
  connectionId: string,
  reason: string,
) {
  await withTenant(db, tenantId, async (tx) => {
    await recordChannelEvent(tx, { tenantId, connectionId, outcome: "rejected", error: reason.slice(0, 500) });
    await updateConnection(tx, connectionId, { lastError: `Webhook rejected: ${reason}`, lastErrorAt: new Date() });
  });
}

/**
 * GET /webhooks/{channel}/{connectionId}?challenge_code=…: a channel proving we own the
 * endpoint before it sends notifications (eBay hashes the code with the connection's
 * verification token and the endpoint URL).
 */
channelWebhookRoutes.get("/webhooks/:channel/:connectionId", async (c) => {
  const { deps } = c.var;
  const gateway = deps.channels;
  const channel = c.req.param("channel");
  const connectionId = c.req.param("connectionId");
  const found = await findConnectionTenant(deps.db, connectionId);
  if (!gateway || !found || found.channel !== channel || !gateway.has(channel))
    throw new ApiError("not_found", "No such webhook endpoint");
  const row = await withTenant(deps.db, found.tenantId, (tx) => getConnection(tx, connectionId));
  if (!row) throw new ApiError("not_found", "No such webhook endpoint");
  let secrets: Record<string, string>;
  try {
    secrets = openCredentials(secretBoxOf(deps), found.tenantId, connectionId, row.credentialsSealed);
  } catch {
    throw new ApiError("unauthorized", "The connection's credentials cannot be opened on this server");
  }
  const url = new URL(c.req.url);
  const endpointUrl = `${(deps.publicOrigin ?? url.origin).replace(/\/+$/, "")}${url.pathname}`;
  const answer = gateway.webhookChallenge(
    { id: row.id, tenantId: found.tenantId, channel, settings: row.settings, secrets, cursor: row.cursor },
    { query: url.searchParams, endpointUrl },
  );
  if (!answer)
    throw new ApiError("validation_failed", "Not a challenge this channel sends", [
      { path: "challenge_code", message: "required" },
    ]);
  return c.json(answer.body as object, answer.status as 200);
});
