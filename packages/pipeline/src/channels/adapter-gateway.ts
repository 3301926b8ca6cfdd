import { type ChannelOrder, toNewOrder } from "@crossflow/domain";
import type { ChannelAdapter, ChannelConnection, ChannelWebhookEvent, MapOrderResult } from "@crossflow/integrations";
import type { ChannelDelivery, ChannelOrderChange } from "../intake/channel-intake";
import type { ChannelGateway, ConnectionContext, WebhookVerification } from "./gateway";

/** Header marking a stored payload as a pulled order (not a webhook body), so replay maps it the same way. */
export const PULLED_PAYLOAD_HEADER = "x-crossflow-source";

/** Secret credential a channel's webhook scheme signs with, by the adapters' field names. */
const WEBHOOK_SECRET_KEYS = ["webhookSecret", "appSecret", "clientSecret", "apiSecret", "secret"];

/** A first pull looks this far back; later pulls continue from the stored cursor. */
const FIRST_PULL_DAYS = 7;

function toConnection(context: ConnectionContext): ChannelConnection {
  const baseUrl = typeof context.settings.baseUrl === "string" ? context.settings.baseUrl : undefined;
  return {
    id: context.id,
    ...(baseUrl ? { baseUrl } : {}),
    // Adapters read everything from credentials; non-secret settings (shop domain, marketplace) included.
    credentials: { ...stringSettings(context.settings), ...context.secrets },
    settings: context.settings,
  };
}

function stringSettings(settings: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) if (typeof value === "string") out[key] = value;
  return out;
}

function changeOf(order: ChannelOrder): ChannelOrderChange | null {
  if (order.status === "cancelled") return "cancelled";
  if (order.status === "refunded") return "refunded";
  return null;
}

function fromMapped(result: MapOrderResult, change: ChannelOrderChange | null = null): ChannelDelivery {
  if (!result.ok) {
    return {
      kind: "invalid",
      error: `The order could not be mapped: ${result.errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; ")}${result.errors.length > 5 ? ` (+${result.errors.length - 5} more)` : ""}`,
      details: result.errors.map((e) => ({ path: e.path, message: e.message })),
    };
  }
  return { kind: "order", order: toNewOrder(result.order), change: change ?? changeOf(result.order) };
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (error) {
    return { ok: false, error: `The payload is not JSON: ${(error as Error).message}` };
  }
}

/** The pipeline's channel gateway over the adapters of @crossflow/integrations. */
export function createAdapterGateway(adapters: Readonly<Record<string, ChannelAdapter>>): ChannelGateway {
  const adapterOf = (channel: string) => {
    const adapter = adapters[channel];
    if (!adapter) throw new Error(`No adapter for channel ${channel}`);
    return adapter;
  };

  async function fromEvent(
    adapter: ChannelAdapter,
    event: ChannelWebhookEvent,
    connection?: ConnectionContext,
  ): Promise<ChannelDelivery> {
    const base = { deliveryId: event.eventId ?? null, topic: event.topic ?? null };
    switch (event.kind) {
      case "ignored":
        return { ...base, kind: "ignored", reason: event.reason };
      case "order":
        return { ...base, ...fromMapped(adapter.mapOrder(event.payload)) };
      case "order_hint": {
        if (!connection || !adapter.fetchOrders)
          return { ...base, kind: "ignored", reason: `hint for order ${event.externalId}; the next sync fetches it` };
        const [payload] = await adapter.fetchOrders(toConnection(connection), [event.externalId]);
        if (payload === undefined)
          return { ...base, kind: "ignored", reason: `order ${event.externalId} not found on the channel` };
        return { ...base, ...fromMapped(adapter.mapOrder(payload)) };
      }
      case "cancelled":
      case "address_changed":
      case "refunded": {
        const change: ChannelOrderChange = event.kind;
        if (event.payload !== undefined) {
          const mapped = adapter.mapOrder(event.payload);
          if (mapped.ok) return { ...base, ...fromMapped(mapped, change) };
        }
        // A notification without the order (TikTok's address update): fetch the order as it is now.
        if (connection && adapter.fetchOrders) {
          const [payload] = await adapter.fetchOrders(toConnection(connection), [event.externalId]);
          const mapped = payload === undefined ? null : adapter.mapOrder(payload);
          if (mapped?.ok) return { ...base, ...fromMapped(mapped, change) };
        }
        return { ...base, kind: "change", externalId: event.externalId, change };
      }
    }
  }

  return {
    has: (channel) => Object.hasOwn(adapters, channel),

    async verifyWebhook(connection, request): Promise<WebhookVerification> {
      const adapter = adapterOf(connection.channel);
      if (!adapter.verifyWebhook) return { ok: false, reason: `${adapter.displayName} does not send webhooks` };
      const secretKey = WEBHOOK_SECRET_KEYS.find((key) => connection.secrets[key]);
      if (!secretKey) return { ok: false, reason: "the connection has no webhook secret" };
      const verdict = await adapter.verifyWebhook({
        rawBody: request.rawBody,
        headers: request.headers,
        secret: connection.secrets[secretKey]!,
        credentials: toConnection(connection).credentials,
        now: request.now,
      });
      return verdict.ok ? { ok: true, deliveryId: verdict.eventId ?? null, topic: verdict.topic ?? null } : verdict;
    },

    async interpret(channel, rawBody, headers, connection) {
      const adapter = adapterOf(channel);
      if (headers[PULLED_PAYLOAD_HEADER] === "pull" || !adapter.parseWebhook) {
        const parsed = parseJson(rawBody);
        if (!parsed.ok) return { kind: "invalid", error: parsed.error, details: [{ path: "", message: parsed.error }] };
        return fromMapped(adapter.mapOrder(parsed.value));
      }
      let event: ChannelWebhookEvent;
      try {
        event = adapter.parseWebhook(rawBody, headers);
      } catch (error) {
        const message = `The webhook could not be read: ${(error as Error).message}`;
        return { kind: "invalid", error: message, details: [{ path: "", message }] };
      }
      return fromEvent(adapter, event, connection);
    },

    async pull(connection, now) {
      const adapter = adapterOf(connection.channel);
      if (!adapter.pullOrders) return { deliveries: [], cursor: connection.cursor };
      const since = new Date(now.getTime() - FIRST_PULL_DAYS * 86_400_000);
      const result = await adapter.pullOrders(toConnection(connection), {
        cursor: connection.cursor,
        since,
        maxPages: 10,
      });
      return {
        deliveries: result.orders.map((payload) => ({
          delivery: fromMapped(adapter.mapOrder(payload)),
          body: JSON.stringify(payload),
        })),
        cursor: result.nextCursor,
      };
    },

    webhookChallenge(connection, request) {
      const adapter = adapterOf(connection.channel);
      const token = connection.secrets.verificationToken;
      if (!adapter.webhookChallenge || !token) return null;
      return adapter.webhookChallenge({ ...request, verificationToken: token });
    },

    async confirmShipment(connection, shipment) {
      const adapter = adapterOf(connection.channel);
      if (!adapter.confirmShipment) return null;
      return adapter.confirmShipment(toConnection(connection), { ...shipment, notifyBuyer: true });
    },

    async pushStock(connection, levels) {
      const adapter = adapterOf(connection.channel);
      if (!adapter.pushStock) return;
      const result = await adapter.pushStock(toConnection(connection), levels);
      if (result.failed.length > 0) {
        throw new Error(
          `${adapter.displayName} refused ${result.failed.length} SKU(s): ${result.failed
            .slice(0, 5)
            .map((f) => `${f.sku} (${f.reason})`)
            .join(", ")}`,
        );
      }
    },
  };
}
