import type { ChannelDelivery } from "../intake/channel-intake";

/** A connection as an adapter needs it: its settings and its opened secrets. */
export interface ConnectionContext {
  id: string;
  tenantId: string;
  channel: string;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  cursor: string | null;
}

export type WebhookVerification =
  | { ok: true; deliveryId?: string | null; topic?: string | null; challengeResponse?: unknown }
  | { ok: false; reason: string };

/**
 * The pipeline's view of the sales channels: verify and interpret what they send, pull what
 * they have, tell them stock and shipments. Implemented over the channel adapters of
 * @crossflow/integrations; tests may give their own.
 */
export interface ChannelGateway {
  has(channel: string): boolean;
  verifyWebhook(
    connection: ConnectionContext,
    request: { rawBody: string; headers: Record<string, string>; now: Date; url: string },
  ): WebhookVerification | Promise<WebhookVerification>;
  /** What a verified delivery means; with the connection, hints are resolved by fetching the order. */
  interpret(
    channel: string,
    rawBody: string,
    headers: Record<string, string>,
    connection?: ConnectionContext,
  ): Promise<ChannelDelivery>;
  pull(
    connection: ConnectionContext,
    now: Date,
  ): Promise<{ deliveries: Array<{ delivery: ChannelDelivery; body: string }>; cursor: string | null }>;
  pushStock(connection: ConnectionContext, levels: Array<{ sku: string; available: number }>): Promise<void>;
  /** Answers a channel's endpoint-ownership challenge (eBay); null when the request is not one. */
  webhookChallenge(
    connection: ConnectionContext,
    request: { query: URLSearchParams; endpointUrl: string },
  ): { status: number; body: unknown } | null;
  /** Tells the channel the order shipped; null when the channel has no such call. */
  confirmShipment(
    connection: ConnectionContext,
    shipment: {
      externalId: string;
      carrier: string;
      service?: string;
      trackingNumber: string;
      lines: Array<{ sku: string; quantity: number }>;
    },
  ): Promise<{ reference?: string } | null>;
}

/** Opens a connection's sealed secrets (the app's secret box, bound to tenant + connection). */
export type CredentialOpener = (tenantId: string, connectionId: string, sealed: string) => Record<string, string>;

export function stockWindow(now: number = Date.now()): string {
  return String(Math.floor(now / 5_000));
}

/** The event that (debounced per 5 s per tenant) publishes available-to-sell to every channel. */
export function stockChangedEvent(tenantId: string, now: number = Date.now()) {
  const window = stockWindow(now);
  return { name: "stock/changed" as const, id: `stock-changed:${tenantId}:${window}`, data: { tenantId, window } };
}
