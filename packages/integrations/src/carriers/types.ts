import type { TrackingEvent } from "@crossflow/domain";

/** Crossflow carrier codes, the same as the rate cards' `carrier` (packages/domain/src/shipping/cards). */
export type CarrierCode = "dhl_express" | "ups" | "fedex" | "usps" | "4px" | "yanwen" | "demo";

/** Label formats a carrier can hand back. UPS renders image labels as GIF (or ZPL); the others PDF or ZPL. */
export type LabelFormat = "pdf" | "zpl" | "png" | "gif";

export interface CarrierAddress {
  name: string;
  company?: string;
  phone?: string;
  email?: string;
  /** Street lines, first line first (at most three are sent). */
  lines: string[];
  city: string;
  /** State or province code where the country uses one (US, CA, AU, CN…). */
  state?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Recipient tax / customs id (KR PCCC, BR CPF, CN ID…) when the destination needs one. */
  taxId?: string;
}

export interface ShipmentParcel {
  weightGrams: number;
  dimensionsMm: { length: number; width: number; height: number };
}

export interface CustomsItem {
  description: string;
  hsCode: string;
  originCountry: string;
  quantity: number;
  /** Per unit, integer minor units of the customs currency. */
  unitValue: number;
  /** Net weight of one unit. */
  weightGrams: number;
  sku?: string;
}

export interface ShipmentCustoms {
  /** ISO 4217 of every value below. */
  currency: string;
  incoterm: "DDP" | "DAP";
  contents: "merchandise" | "gift" | "documents" | "sample" | "return";
  items: CustomsItem[];
  invoiceNumber?: string;
  /** EU IOSS number when the order was taxed at checkout. */
  iossNumber?: string;
}

export interface CreateShipmentRequest {
  /** Crossflow's shipment reference (shp_…), printed on the label and echoed back by the carrier. */
  reference: string;
  /** The rate card's service code ("express_worldwide", "worldwide_saver", "global_express"…). */
  service: string;
  shipper: CarrierAddress;
  recipient: CarrierAddress;
  parcels: ShipmentParcel[];
  /** Present for every cross-border shipment. */
  customs?: ShipmentCustoms;
  /** Default "pdf". */
  labelFormat?: "pdf" | "zpl";
  /** YYYY-MM-DD; default: today (UTC). */
  shipDate?: string;
}

export interface ShipmentLabel {
  format: LabelFormat;
  bytes: Uint8Array;
}

export interface CreatedShipment {
  carrier: string;
  /** The number the shopper tracks (the master / first-package number for multi-piece shipments). */
  trackingNumber: string;
  /** What cancel needs: the carrier's shipment or order id (often the tracking number itself). */
  carrierShipmentId: string;
  parcelTrackingNumbers: string[];
  /** Null when the carrier produces the label later (or, for the demo, when no renderer is wired). */
  label: ShipmentLabel | null;
  /** What the carrier says it will bill, integer minor units. */
  charges?: { amount: number; currency: string };
}

export interface CarrierShipmentRef {
  trackingNumber: string;
  carrierShipmentId?: string;
}

export interface CancelledShipment {
  cancelled: boolean;
  detail?: string;
}

/** One shipment to track. `shippedAt` (the label's creation time) is what the demo carrier's timeline starts from. */
export interface TrackingQuery {
  trackingNumber: string;
  shippedAt?: string;
}

export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface WebhookInput {
  /** The body exactly as received: signatures are over these bytes. */
  rawBody: string | Uint8Array;
  headers: WebhookHeaders;
  /** The secret (or shared credential) configured with the carrier for this webhook. */
  secret: string;
}

/**
 * One carrier behind one shape. Adapters hold no credentials: each call gets them, so one
 * adapter serves every tenant; an adapter caches OAuth tokens per client id.
 */
export interface CarrierAdapter<Credentials = unknown> {
  readonly carrier: string;
  readonly name: string;
  createShipment(credentials: Credentials, request: CreateShipmentRequest): Promise<CreatedShipment>;
  cancelShipment(credentials: Credentials, shipment: CarrierShipmentRef): Promise<CancelledShipment>;
  /** Every event of every shipment asked for, normalized, ordered by event time. */
  track(credentials: Credentials, shipments: ReadonlyArray<string | TrackingQuery>): Promise<TrackingEvent[]>;
  /** Header carrying the webhook's signature or shared credential (POST /webhooks/carriers/{carrier}). */
  readonly webhookSignatureHeader?: string;
  verifyWebhook?(input: WebhookInput): boolean;
  parseWebhook?(rawBody: string | Uint8Array): TrackingEvent[];
}

/** Fetch, base URL and clock: every adapter takes these so tests run against a local fake. */
export interface CarrierTransportOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Waits between retries; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock, for token expiry. */
  now?: () => number;
  /** Attempts after the first for 429, 5xx and network errors. Default 3. */
  maxRetries?: number;
  timeoutMs?: number;
}

/**
 * The carrier refused or could not answer. `retryable` (network, 429, 5xx after the adapter's
 * own retries) is worth another try by the pipeline step; the rest need a person.
 */
export class CarrierError extends Error {
  readonly carrier: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryable: boolean;

  constructor(
    message: string,
    options: { carrier: string; status?: number; code?: string; retryable?: boolean; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "CarrierError";
    this.carrier = options.carrier;
    this.status = options.status;
    this.code = options.code;
    this.retryable = options.retryable ?? false;
  }
}

export function toTrackingQueries(shipments: ReadonlyArray<string | TrackingQuery>): TrackingQuery[] {
  return shipments.map((shipment) => (typeof shipment === "string" ? { trackingNumber: shipment } : shipment));
}
