import type { ChannelOrder, ChannelOrderFieldError } from "@crossflow/domain";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Request headers as Hono (`Headers`) or node:http (`IncomingHttpHeaders`) hand them over. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** What an adapter needs from the outside world, injectable so tests control time and network. */
export interface ChannelRuntime {
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

/** One merchant's connection to a channel, with its credentials already decrypted. */
export interface ChannelConnection<Credentials = Record<string, string>> {
  id?: string;
  /** The vendor's API base URL; set only to point the adapter elsewhere (a sandbox, a test fake). */
  baseUrl?: string;
  credentials: Credentials;
  settings?: Record<string, unknown>;
}

export interface CredentialField {
  key: string;
  label: string;
  /** Secret values are stored encrypted and never returned by the API. */
  secret: boolean;
  required: boolean;
}

export interface WebhookRequest {
  /** The body exactly as received: signatures cover bytes, not re-serialized JSON. */
  rawBody: Uint8Array | string;
  headers: HeaderBag;
  /** The shared secret the scheme signs with (Shopify app secret, WooCommerce webhook secret, TikTok app secret). */
  secret: string;
  /** Other values a scheme needs (TikTok's app key). */
  credentials?: Record<string, string>;
  now?: Date;
}

export type WebhookVerification = { ok: true; eventId?: string; topic?: string } | { ok: false; reason: string };

interface WebhookEventBase {
  /** The channel's delivery or event id: the dedupe key for the webhook itself. */
  eventId?: string;
  topic?: string;
}

/** What a verified webhook means for intake. Hints carry no order: fetch it with fetchOrders. */
export type ChannelWebhookEvent = WebhookEventBase &
  (
    | { kind: "order"; externalId: string; payload: unknown }
    | { kind: "order_hint"; externalId: string; reason: string }
    | { kind: "cancelled"; externalId: string; payload?: unknown; reason?: string }
    | { kind: "address_changed"; externalId: string; payload?: unknown }
    | { kind: "refunded"; externalId: string; payload?: unknown; amount?: number; currency?: string }
    | { kind: "ignored"; reason: string }
  );

/** A response the webhook endpoint must give outside normal deliveries (eBay's endpoint challenge). */
export interface WebhookChallengeResponse {
  status: number;
  body: unknown;
}

export type MapOrderResult = { ok: true; order: ChannelOrder } | { ok: false; errors: ChannelOrderFieldError[] };

export interface PullOrdersRequest {
  /** What the previous pull returned as nextCursor; null for the first pull. */
  cursor: string | null;
  /** Where a first pull starts. */
  since?: Date;
  /** Upper bound on pages fetched in this call; the cursor resumes where it stopped. */
  maxPages?: number;
  pageSize?: number;
}

export interface PullOrdersResult {
  /** Raw channel payloads, each ready for mapOrder. */
  orders: unknown[];
  /** Store it and pass it to the next pull. Pulls overlap a little on purpose; intake dedupes. */
  nextCursor: string | null;
  /** True when maxPages stopped the pull before the channel ran out of orders. */
  hasMore: boolean;
}

export interface ShipmentConfirmation {
  externalId: string;
  /** Carrier as the channel should show it ("DHL Express", "UPS", "4PX"). */
  carrier: string;
  service?: string;
  trackingNumber: string;
  trackingUrl?: string;
  shippedAt?: Date;
  /** The lines in this parcel; externalLineId from the normalized order when the channel needs it. */
  lines: Array<{ sku: string; quantity: number; externalLineId?: string }>;
  notifyBuyer?: boolean;
}

export interface ShipmentConfirmationResult {
  /** The channel's id for the fulfillment/shipment it recorded, when it returns one. */
  reference?: string;
}

export interface StockLevel {
  sku: string;
  available: number;
}

export interface StockPushResult {
  updated: string[];
  failed: Array<{ sku: string; reason: string }>;
}

/**
 * One sales channel. Methods a channel does not have are absent (a file import has no
 * webhooks); everything present uses the vendor's published endpoints, payloads and auth.
 */
export interface ChannelAdapter {
  readonly channel: string;
  readonly displayName: string;
  readonly credentialFields: readonly CredentialField[];

  /** Checks a webhook's signature on the raw body. Never throws for a bad request. */
  verifyWebhook?(request: WebhookRequest): Promise<WebhookVerification>;
  /** What a verified webhook asks intake to do. */
  parseWebhook?(rawBody: Uint8Array | string, headers: HeaderBag): ChannelWebhookEvent;
  /** Answers a verification handshake (GET with a challenge) or returns null when the request is not one. */
  webhookChallenge?(request: {
    query: URLSearchParams;
    endpointUrl: string;
    verificationToken: string;
  }): WebhookChallengeResponse | null;

  /** A raw channel payload as a validated normalized order, or field-level errors. Never throws. */
  mapOrder(payload: unknown): MapOrderResult;

  /** Orders changed since the cursor (back-fill and the polling backstop). */
  pullOrders?(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult>;
  /** The current raw payloads of the named orders (for webhook hints). */
  fetchOrders?(connection: ChannelConnection, externalIds: readonly string[]): Promise<unknown[]>;
  /** Tells the channel the order shipped, with carrier and tracking number. */
  confirmShipment?(connection: ChannelConnection, shipment: ShipmentConfirmation): Promise<ShipmentConfirmationResult>;
  /** Sets available-to-sell per SKU on the channel. */
  pushStock?(connection: ChannelConnection, levels: readonly StockLevel[]): Promise<StockPushResult>;
}

export const defaultRuntime: ChannelRuntime = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => new Date(),
};

export function runtimeWith(overrides: Partial<ChannelRuntime> = {}): ChannelRuntime {
  return { ...defaultRuntime, ...overrides };
}
