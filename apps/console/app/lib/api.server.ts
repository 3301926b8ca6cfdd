import { data, redirect } from "react-router";

// The console's only data source: the API's /app routes (docs/app-api.md), called from SSR
// loaders and actions with the viewer's own session cookie.

export type OrderStatus =
  | "received"
  | "payment_verified"
  | "screened"
  | "allocated"
  | "documented"
  | "label_created"
  | "handed_over"
  | "in_transit"
  | "delivered"
  | "on_hold"
  | "cancelled"
  | "returned";

export interface Session {
  user: { id: string; name: string; email: string };
  kind: "merchant" | "partner";
  tenant: { id: string; name: string } | null;
  partner: { id: string; name: string } | null;
  role: "owner" | "admin" | "operator" | "viewer" | null;
  locale: string;
}

export interface DevUser {
  id: string;
  name: string;
  email: string;
  kind: "merchant" | "partner";
  tenantName: string | null;
  partnerName: string | null;
  role: Session["role"];
}

export interface DevUsers {
  enabled: boolean;
  users: DevUser[];
}

export interface Overview {
  counts: Partial<Record<OrderStatus, number>> & Record<string, number>;
  total: number;
  onHold: number;
  last24h: number;
  automationRate: number;
}

export interface Hold {
  code: string;
  message: string;
}

export interface OrderSummary {
  id: string;
  externalId: string;
  channel: string;
  status: OrderStatus;
  currency: string;
  total: number;
  customerName: string;
  customerEmail: string;
  country: string;
  lineCount: number;
  createdAt: string;
  /** When the order went on hold, if the API reports it; the queue falls back to createdAt. */
  heldAt?: string | null;
  holds: Hold[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Facets {
  statuses: string[];
  countries: string[];
  channels: string[];
}

export interface Decision {
  id: string;
  kind: string;
  outcome: Record<string, unknown>;
  reason: string;
  ruleId: string | null;
  ruleVersion?: number | null;
  facts: Record<string, unknown>;
  createdAt: string;
}

export interface TimelineEvent {
  at: string;
  status: string;
  message: string | null;
  actor?: string | null;
}

export interface OrderLine {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  /** docs/app-api.md; the API may instead (or also) list the line's allocations. */
  warehouseId?: string | null;
  allocations?: Array<{ warehouseId: string; quantity: number; released?: boolean }>;
}

export interface Shipment {
  id?: string;
  carrier?: string;
  service?: string | null;
  trackingNumber?: string | null;
  status?: string;
  warehouseId?: string | null;
}

export interface OrderDocument {
  id?: string;
  kind: string;
  url?: string;
  contentType?: string;
}

export interface Order {
  id: string;
  externalId: string;
  channel: string;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  shippingPaid: number;
  total: number;
  customer: { email: string; name: string; phone?: string | null; locale?: string | null };
  shippingAddress: {
    name: string;
    line1: string;
    line2?: string | null;
    city: string;
    region?: string | null;
    postalCode: string;
    country: string;
    phone?: string | null;
    taxId?: string | null;
  };
  lines: OrderLine[];
  payment: { provider: string; reference?: string | null; status: string } | null;
  decisions: Decision[];
  holds: Hold[];
  shipments: Shipment[];
  documents: OrderDocument[];
  landedCost: Record<string, unknown> | null;
  timeline: TimelineEvent[];
  placedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrderQuery {
  status?: string;
  country?: string;
  channel?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** The API's error envelope, carried to error boundaries as route error data. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

/** What a write returns to an action: the value, or the API's refusal (403, 409, …) to show. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiErrorBody };

export interface ReleaseInput {
  note?: string;
  /** Hold codes the reviewer accepts; the others are checked again. */
  overrides?: string[];
}

export interface ShippingAddressInput {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
  phone?: string;
  taxId?: string;
}

export interface ReviseInput extends ReleaseInput {
  shippingAddress?: ShippingAddressInput;
  warehouseId?: string;
  carrier?: { carrier: string; service?: string };
}

/** What a reviewer can pick when correcting an order. */
export interface ReviewOptions {
  warehouses: Array<{ id: string; code: string; name: string; kind: string; country: string }>;
  carriers: Array<{
    carrier: string;
    carrierName: string;
    services: Array<{ service: string; serviceName: string; origins: string[] }>;
  }>;
}

export interface BulkInput {
  action: "release" | "cancel";
  orderIds: string[];
  /** The release note, or the cancellation reason. */
  note?: string;
  overrides?: string[];
}

export type BulkResult =
  | { orderId: string; ok: true; status: OrderStatus }
  | { orderId: string; ok: false; error: string; message?: string };

// Read per call: the API server sets it to its own origin just before it loads this build.
function apiOrigin(): string {
  return (process.env.CROSSFLOW_API_ORIGIN ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
}

/** The app's base path without the trailing slash ("/console"). */
export const BASE = import.meta.env.BASE_URL.replace(/\/+$/, "");

async function call(request: Request, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers = new Headers({ Accept: "application/json" });
  const cookie = request.headers.get("Cookie");
  if (cookie) headers.set("Cookie", cookie);
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  try {
    return await fetch(`${apiOrigin()}${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "manual",
    });
  } catch (cause) {
    console.error(`[console] API unreachable at ${apiOrigin()}${path}`, cause);
    throw data<ApiErrorBody>({ code: "unavailable", message: "The API could not be reached" }, { status: 503 });
  }
}

async function errorBody(response: Response): Promise<ApiErrorBody> {
  const body = (await response.json().catch(() => null)) as { error?: Partial<ApiErrorBody> } | null;
  return { code: body?.error?.code ?? `http_${response.status}`, message: body?.error?.message ?? response.statusText };
}

/** The request's path inside the app ("/orders?status=on_hold"), without the base path. */
export function appPath(request: Request): string {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(`${BASE}/`) ? url.pathname.slice(BASE.length) : "/";
  return path + url.search;
}

/**
 * Where a signed-out viewer goes, remembering the page they wanted. Redirect locations are
 * app-relative: React Router adds the base path.
 */
export function signInRedirect(request: Request): Response {
  const back = appPath(request);
  return redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * Turns a failed API response into what a route throws: 401 → sign-in redirect,
 * anything else → a route error response for the nearest error boundary.
 */
async function failure(request: Request, response: Response): Promise<never> {
  if (response.status === 401) throw signInRedirect(request);
  const body = await errorBody(response);
  if (response.status >= 500)
    console.error(`[console] API ${response.status} ${response.url}: ${body.code} ${body.message}`);
  throw data(body, { status: response.status });
}

/** A POST whose refusal the page shows in place; only a lost session leaves the page. */
async function write<T>(request: Request, path: string, body: unknown): Promise<WriteResult<T>> {
  const response = await call(request, path, { method: "POST", body });
  if (response.status === 401) throw signInRedirect(request);
  if (!response.ok) return { ok: false, status: response.status, error: await errorBody(response) };
  return { ok: true, value: (await response.json()) as T };
}

async function getJson<T>(request: Request, path: string): Promise<T> {
  const response = await call(request, path);
  if (!response.ok) return failure(request, response);
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Copies the API's Set-Cookie headers onto our response, so the browser stores the session. */
function relayCookies(from: Response): Headers {
  const headers = new Headers();
  for (const cookie of from.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return headers;
}

export const api = {
  session: (request: Request) => getJson<Session>(request, "/app/session"),

  /** The session, or null when signed out (no redirect). */
  async optionalSession(request: Request): Promise<Session | null> {
    const response = await call(request, "/app/session");
    if (response.status === 401) return null;
    if (!response.ok) return failure(request, response);
    return (await response.json()) as Session;
  },

  devUsers: (request: Request) => getJson<DevUsers>(request, "/app/dev/users"),

  /** Signs in as a dev user; on success the returned headers carry the session cookie. */
  async devSignIn(
    request: Request,
    userId: string,
  ): Promise<{ ok: true; session: Session; headers: Headers } | { ok: false; status: number; error: ApiErrorBody }> {
    const response = await call(request, "/app/dev/sign-in", { method: "POST", body: { userId } });
    if (!response.ok) return { ok: false, status: response.status, error: await errorBody(response) };
    return { ok: true, session: (await response.json()) as Session, headers: relayCookies(response) };
  },

  async signOut(request: Request): Promise<Headers> {
    const response = await call(request, "/app/sign-out", { method: "POST" });
    return relayCookies(response);
  },

  overview: (request: Request) => getJson<Overview>(request, "/app/overview"),

  orders: (request: Request, params: OrderQuery) =>
    getJson<Page<OrderSummary>>(request, `/app/orders${query({ ...params })}`),

  order: (request: Request, id: string) => getJson<Order>(request, `/app/orders/${encodeURIComponent(id)}`),

  facets: (request: Request) => getJson<Facets>(request, "/app/facets"),

  releaseOrder: (request: Request, id: string, input: ReleaseInput) =>
    write<Order>(request, `/app/orders/${encodeURIComponent(id)}/release`, input),

  reviewOptions: (request: Request) => getJson<ReviewOptions>(request, "/app/options"),

  reviseOrder: (request: Request, id: string, input: ReviseInput) =>
    write<Order>(request, `/app/orders/${encodeURIComponent(id)}/revise`, input),

  cancelOrder: (request: Request, id: string, input: { reason?: string }) =>
    write<Order>(request, `/app/orders/${encodeURIComponent(id)}/cancel`, input),

  /** Releases or cancels many orders; each one succeeds or fails on its own. */
  bulkOrders: (request: Request, input: BulkInput) =>
    write<{ results: BulkResult[] }>(request, "/app/orders/bulk", input),

  /** The tenant's risk screening config and payment policy, with the defaults. */
  settings: <T>(request: Request) => getJson<T>(request, "/app/settings"),

  /** Replaces one section of the settings; a refusal carries the API's field errors (details[].path). */
  async saveSettings<T>(
    request: Request,
    section: "risk" | "payment" | "notifications",
    body: unknown,
  ): Promise<
    | { ok: true; value: T }
    | { ok: false; status: number; error: ApiErrorBody; details: Array<{ path: string; message: string }> }
  > {
    const response = await call(request, `/app/settings/${section}`, { method: "PUT", body });
    if (response.status === 401) throw signInRedirect(request);
    if (response.ok) return { ok: true, value: (await response.json()) as T };
    const payload = (await response.json().catch(() => null)) as {
      error?: Partial<ApiErrorBody> & { details?: Array<{ path: string; message: string }> };
    } | null;
    return {
      ok: false,
      status: response.status,
      error: {
        code: payload?.error?.code ?? `http_${response.status}`,
        message: payload?.error?.message ?? response.statusText,
      },
      details: Array.isArray(payload?.error?.details) ? payload.error.details : [],
    };
  },

  /** Connected sales channels with their health, and the fields each channel needs to connect. */
  connections: (request: Request) => getJson<Connections>(request, "/app/connections"),

  /** One connection with its last deliveries and what each SKU was last pushed as. */
  connection: (request: Request, id: string) =>
    getJson<ConnectionDetail>(request, `/app/connections/${encodeURIComponent(id)}`),

  /** Connects a channel; a refusal carries the API's field errors (details[].path, e.g. "values.siteUrl"). */
  createConnection: (request: Request, input: NewConnectionInput) =>
    sendWithDetails<Connection>(request, "POST", "/app/connections", input),

  /** Renames, pauses/resumes, or changes settings, credentials (empty secrets are kept) or the stock policy. */
  updateConnection: (request: Request, id: string, input: ConnectionUpdate) =>
    sendWithDetails<Connection>(request, "PATCH", `/app/connections/${encodeURIComponent(id)}`, input),

  /** Asks for a pull now (the demo channel generates orders); answered 202 before it runs. */
  syncConnection: (request: Request, id: string) =>
    write<{ requested: boolean }>(request, `/app/connections/${encodeURIComponent(id)}/sync`, {}),

  deadLetters: (request: Request, status?: DeadLetterStatus) =>
    getJson<{ deadLetters: DeadLetterSummary[] }>(request, `/app/dead-letters${query({ status })}`),

  deadLetter: (request: Request, id: string) =>
    getJson<DeadLetter>(request, `/app/dead-letters/${encodeURIComponent(id)}`),

  /** Runs intake again for a dead letter with today's mapping. */
  replayDeadLetter: (request: Request, id: string) =>
    write<ReplayResult>(request, `/app/dead-letters/${encodeURIComponent(id)}/replay`, {}),

  /** Reads an order file's columns and a few rows, and suggests which column feeds which field. */
  previewImport: (request: Request, file: File) => {
    const form = new FormData();
    form.set("file", file);
    return sendWithDetails<ImportPreview>(request, "POST", "/app/imports/preview", form);
  },

  /** Queues the import of an order file with the column mapping (field key → column name). */
  startImport: (request: Request, file: File, mapping: Record<string, string>) => {
    const form = new FormData();
    form.set("file", file);
    form.set("mapping", JSON.stringify(mapping));
    return sendWithDetails<{ id: string; status: ImportStatus }>(request, "POST", "/app/imports", form);
  },

  imports: (request: Request) => getJson<{ imports: ImportJob[] }>(request, "/app/imports"),

  importJob: (request: Request, id: string) => getJson<ImportJob>(request, `/app/imports/${encodeURIComponent(id)}`),

  /** Tax collected at checkout in [from, to) and the filings it feeds (IOSS, UK, AU), per scheme. */
  taxReport: (request: Request, period: { from: string; to: string }) =>
    getJson<TaxReport>(request, `/app/reports/tax${query(period)}`),

  /**
   * One of the tax report's CSV exports, handed to the browser as the API sent it (content type
   * and file name included); a lost session goes to sign-in.
   */
  async taxReportCsv(request: Request, params: { scheme: string; from: string; to: string }): Promise<Response> {
    const response = await call(request, `/app/reports/tax.csv${query(params)}`);
    if (!response.ok) return failure(request, response);
    const headers = new Headers({ "Cache-Control": "no-store" });
    for (const name of ["Content-Type", "Content-Disposition"]) {
      const value = response.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(response.body, { status: 200, headers });
  },
};

/** Only app-relative paths are allowed as post-sign-in destinations (no open redirects). */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined): string {
  if (
    typeof target !== "string" ||
    !target.startsWith("/") ||
    target.startsWith("//") ||
    target.includes("\\") ||
    target.startsWith("/sign-")
  )
    return "/";
  return target;
}

export interface FieldError {
  path: string;
  message: string;
}

/** A write whose refusal carries the API's field errors, to show next to the fields. */
export type FieldWriteResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: ApiErrorBody; details: FieldError[] };

/** JSON bodies are sent as JSON, FormData as multipart (fetch sets the boundary). */
async function sendWithDetails<T>(
  request: Request,
  method: "POST" | "PATCH" | "PUT",
  path: string,
  body: unknown,
): Promise<FieldWriteResult<T>> {
  let response: Response;
  if (body instanceof FormData) {
    const headers = new Headers({ Accept: "application/json" });
    const cookie = request.headers.get("Cookie");
    if (cookie) headers.set("Cookie", cookie);
    try {
      response = await fetch(`${apiOrigin()}${path}`, { method, headers, body, redirect: "manual" });
    } catch (cause) {
      console.error(`[console] API unreachable at ${apiOrigin()}${path}`, cause);
      throw data<ApiErrorBody>({ code: "unavailable", message: "The API could not be reached" }, { status: 503 });
    }
  } else response = await call(request, path, { method, body });
  if (response.status === 401) throw signInRedirect(request);
  if (response.ok) return { ok: true, value: (await response.json()) as T };
  const payload = (await response.json().catch(() => null)) as {
    error?: Partial<ApiErrorBody> & { details?: unknown };
  } | null;
  const details = Array.isArray(payload?.error?.details)
    ? (payload.error.details as unknown[]).filter(
        (item): item is FieldError =>
          typeof item === "object" &&
          item !== null &&
          typeof (item as FieldError).path === "string" &&
          typeof (item as FieldError).message === "string",
      )
    : [];
  if (response.status >= 500) console.error(`[console] API ${response.status} ${method} ${path}`);
  return {
    ok: false,
    status: response.status,
    error: {
      code: payload?.error?.code ?? `http_${response.status}`,
      message: payload?.error?.message ?? response.statusText,
    },
    details,
  };
}

export interface ChannelField {
  key: string;
  /** The API's own label, used when the console has no translation for the key. */
  label?: string;
  secret: boolean;
  required: boolean;
}

export interface StockPolicy {
  safetyBuffer?: number;
  percentage?: number;
  cap?: number;
}

export interface Connection {
  id: string;
  channel: string;
  name: string;
  status: "active" | "paused";
  settings: Record<string, unknown>;
  stockPolicy: StockPolicy;
  /** Which secret fields are stored (their values never leave the API). */
  secretsSet: string[];
  fields: ChannelField[];
  webhookUrl: string | null;
  cursor: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  ordersToday: number;
  rejectedToday: number;
  deadLetters: number;
  lastEventAt: string | null;
  createdAt: string;
}

export interface Connections {
  channels: Record<string, ChannelField[]>;
  connections: Connection[];
}

export type ChannelEventOutcome = "accepted" | "duplicate" | "rejected" | "dead_lettered" | "ignored";

export interface ChannelEvent {
  id: string;
  deliveryId: string | null;
  topic: string | null;
  outcome: ChannelEventOutcome;
  orderId: string | null;
  error: string | null;
  attempts: number;
  receivedAt: string;
}

export interface ChannelStockLevel {
  sku: string;
  wanted: number;
  pushed: number | null;
  pushedAt: string | null;
  attempts: number;
  lastError: string | null;
}

export interface ConnectionDetail extends Connection {
  events: ChannelEvent[];
  stock: ChannelStockLevel[];
}

export interface NewConnectionInput {
  channel: string;
  name: string;
  values: Record<string, string>;
  stockPolicy?: StockPolicy;
}

export interface ConnectionUpdate {
  name?: string;
  status?: "active" | "paused";
  values?: Record<string, string>;
  stockPolicy?: StockPolicy;
}

export type DeadLetterStatus = "pending" | "replayed" | "failed";

export interface DeadLetterSummary {
  id: string;
  source: string;
  connectionId: string | null;
  error: string;
  details: unknown[];
  status: DeadLetterStatus;
  attempts: number;
  createdAt: string;
  replayedAt: string | null;
  /** Payload length in characters. */
  size: number;
}

export interface DeadLetter extends Omit<DeadLetterSummary, "size"> {
  payload: string;
  headers: Record<string, string>;
}

export type ReplayResult = { status: "replayed"; orderId: string } | { status: "pending" | "failed"; error: string };

export type ImportStatus = "queued" | "running" | "done" | "failed";

export interface ImportPreview {
  fileName: string;
  columns: string[];
  sampleRows: string[][];
  fields: Array<{ key: string; required: boolean }>;
  suggestedMapping: Record<string, string>;
}

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  total: number;
  processed: number;
  imported: number;
  duplicates: number;
  failedRows: number;
  errors: ImportRowError[];
  /** Why the whole import failed (the file could not be read, …). */
  error?: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface CustomsIssue {
  field: "hsCode" | "originCountry" | "customsDescription" | "customsValue" | "currency";
  code: string;
  /** The API's English explanation, shown when the console has no words for the code. */
  message: string;
}

export interface CatalogProduct {
  id: string;
  sku: string;
  title: string;
  hsCode: string | null;
  hsCodeFormatted: string | null;
  originCountry: string | null;
  customsDescription: string | null;
  /** Minor units of `currency`, per unit. */
  customsValue: number | null;
  currency: string;
  weightGrams: number | null;
  dimensionsMm: { length: number; width: number; height: number } | null;
  tags: string[];
  issues: CustomsIssue[];
  stock: { onHand: number; reserved: number; available: number } | null;
  updatedAt: string;
}

export interface CatalogPage extends Page<CatalogProduct> {
  summary: { total: number; withIssues: number };
}

export interface CatalogQuery {
  q?: string;
  /** Only products whose customs profile has issues. */
  issues?: boolean;
  cursor?: string;
  limit?: number;
}

export interface HsSuggestion {
  hsCode: string;
  formatted: string;
  heading: string;
  headingText: string | null;
  description: string | null;
  score: number;
  matchedWords: string[];
  explanation: string;
  /** False for a four-digit heading: customs needs one of its subheadings. */
  acceptable: boolean;
  subheadings: Array<{ hsCode: string; formatted: string; description: string }>;
}

export interface CatalogProductView {
  product: CatalogProduct;
  hs: {
    valid: boolean;
    edition: string;
    chapterTitle: string | null;
    headingText: string | null;
    subheadingText: string | null;
    nationalExtension: string | null;
  } | null;
  suggestions: HsSuggestion[];
  /** Orders on hold because this product's customs data is missing. */
  heldOrders: { count: number; orders: Array<{ id: string; externalId: string }> };
  /** ISO 3166-1 alpha-2 codes for the origin picker (GET only). */
  countries?: string[];
}

export interface CustomsProfileUpdate {
  hsCode?: string | null;
  originCountry?: string | null;
  customsDescription?: string | null;
  customsValue?: number | null;
  weightGrams?: number | null;
  dimensionsMm?: { length: number; width: number; height: number } | null;
}

/** The catalog's customs profiles (GET/PATCH /app/products, one-click HS code accept). */
export const catalogApi = {
  products: (request: Request, params: CatalogQuery) =>
    getJson<CatalogPage>(
      request,
      `/app/products${query({ q: params.q, issues: params.issues ? 1 : undefined, cursor: params.cursor, limit: params.limit })}`,
    ),

  product: (request: Request, sku: string) =>
    getJson<CatalogProductView>(request, `/app/products/${encodeURIComponent(sku)}`),

  /** Changes the given fields; a refusal carries the API's field errors (details[].path = "hsCode", …). */
  updateProduct: (request: Request, sku: string, input: CustomsProfileUpdate) =>
    sendWithDetails<CatalogProductView>(request, "PATCH", `/app/products/${encodeURIComponent(sku)}`, input),

  /** Stores one of the product's current HS suggestions (or a subheading offered under one). */
  acceptHsSuggestion: (request: Request, sku: string, hsCode: string) =>
    sendWithDetails<CatalogProductView>(request, "POST", `/app/products/${encodeURIComponent(sku)}/accept-suggestion`, {
      hsCode,
    }),
};

/** Where tax collected at checkout is declared (docs: packages/domain/src/tax-reporting/types.ts). */
export type TaxScheme = "ioss" | "uk_low_value" | "au_lvig" | "nz_low_value" | "no_voec" | "sg_ovr" | "import_ddp";
export type TaxExportName = "ioss" | "uk" | "au" | "summary";

/** GET /app/reports/tax: every amount in integer minor units of the stated currency. */
export interface TaxReport {
  period: { from: string; to: string };
  orders: { considered: number; withCheckoutTax: number; cancelled: number };
  iossNumber: string | null;
  ioss: {
    currency: "EUR";
    lines: Array<{
      month: string;
      memberState: string;
      rateType: "standard" | "reduced";
      ratePercent: string;
      taxableAmount: number;
      vatAmount: number;
      orders: number;
      fxDate: string | null;
    }>;
    months: Array<{ month: string; taxableAmount: number; vatAmount: number; orders: number }>;
    totals: { taxableAmount: number; vatAmount: number; orders: number };
  };
  uk: TaxLowValueReport;
  au: TaxLowValueReport;
  summary: Array<{
    month: string;
    scheme: TaxScheme;
    regime: string;
    country: string;
    taxName: string;
    ratePercent: string;
    currency: string;
    orders: number;
    taxableAmount: number;
    taxAmount: number;
  }>;
  fxRates: Array<{
    export: "ioss" | "uk" | "au";
    from: string;
    to: string;
    rate: string;
    tableDate: string;
    source: string;
    basis: "period_end" | "supply_date";
    month?: string;
    wantedDate: string;
    orders: number;
  }>;
  notices: Array<
    | { code: "fx_table_date_differs"; export: string; currency: string; wantedDate: string; tableDate: string }
    | { code: "fx_rate_missing"; export: string; currency: string; orders: string[] }
    | { code: "landed_cost_unreadable"; orderId: string; externalId: string }
  >;
  exports: Array<{ name: TaxExportName; fileName: string }>;
}

export interface TaxLowValueReport {
  currency: "GBP" | "AUD";
  lines: Array<{ ratePercent: string; orders: number; taxableAmount: number; taxAmount: number }>;
  totals: { taxableAmount: number; taxAmount: number; orders: number };
}

// ---------- Returns and refunds (/app/returns, /app/returns-policy) ----------

export type ReturnStatus =
  | "requested"
  | "approved"
  | "rejected"
  | "in_transit"
  | "received"
  | "refund_pending_approval"
  | "refunded"
  | "closed";

export type ReturnCondition = "as_new" | "opened" | "damaged" | "missing";

export interface ReturnSummary {
  id: string;
  rma: string;
  status: ReturnStatus;
  orderId: string;
  orderNumber: string;
  customerName: string;
  country: string;
  currency: string;
  units: number;
  reasons: string[];
  refundAmount: number | null;
  shippingPaidBy: "merchant" | "customer";
  createdAt: string;
  updatedAt: string;
}

export interface ReturnList {
  counts: Partial<Record<ReturnStatus, number>>;
  data: ReturnSummary[];
}

export interface ReturnRefundLine {
  sku: string;
  reason: string;
  condition: ReturnCondition;
  quantity: number;
  receivedQuantity: number;
  unitPrice: number;
  gross: number;
  conditionPercent: number;
  conditionDeduction: number;
  restockingFee: number;
  amount: number;
  explanation: string;
}

export interface ReturnRefundIssue {
  mode: "stripe" | "channel" | "none";
  status: "issued" | "flagged" | "failed" | "nothing_to_refund";
  reason: string;
  reference?: string;
  at: string;
  by: string;
}

/** Every amount in integer minor units of `currency`. */
export interface ReturnRefund {
  currency: string;
  lines: ReturnRefundLine[];
  linesTotal: number;
  restockingFee: number;
  originalShipping: number;
  returnShippingPaidBy: "merchant" | "customer";
  returnShippingDeduction: number;
  total: number;
  merchantAtFault: boolean;
  reasons: string[];
  issue?: ReturnRefundIssue;
  rejection?: { reason: string; by: string };
}

export interface ReturnActor {
  id: string;
  name: string | null;
}

export interface ReturnDetail {
  id: string;
  rma: string;
  status: ReturnStatus;
  currency: string;
  lines: Array<{
    sku: string;
    title: string;
    quantity: number;
    unitPrice: number;
    reason: string;
    note?: string;
    receivedQuantity?: number;
    condition?: ReturnCondition;
  }>;
  shippingPaidBy: "merchant" | "customer";
  carrier: string | null;
  trackingNumber: string | null;
  refund: ReturnRefund | null;
  refundAmount: number | null;
  refundReference: string | null;
  refundedAt: string | null;
  createdAt: string;
  updatedAt: string;
  requestedBy: ReturnActor;
  approvedBy: ReturnActor | null;
  refundRequestedBy: ReturnActor | null;
  refundApprovedBy: ReturnActor | null;
  order: {
    id: string;
    externalId: string;
    status: string;
    channel: string;
    paymentProvider: string;
    shippingPaid: number;
    customerName: string;
    customerEmail: string | null;
    country: string;
  };
  documents: Array<{ id: string; kind: string; contentType: string; url: string }>;
  /** The four-eyes threshold that applies (the EUR one for a currency without its own). */
  fourEyes: { threshold: { amount: number; currency: string } | null; required: boolean };
  can: {
    approve: boolean;
    reject: boolean;
    receive: boolean;
    requestRefund: boolean;
    approveRefund: boolean;
    markRefunded: boolean;
  };
  /** Why the viewer may not approve a pending refund: their own request (four-eyes) or their role. */
  cannotApproveRefund: "own_request" | "role" | null;
}

export interface ReturnPolicy {
  enabled: boolean;
  windowDays: number;
  reasons: string[];
  excludedSkus: string[];
  excludedTags: string[];
  shippingPaidBy: Record<string, "merchant" | "customer">;
  returnShippingFee: Record<string, number>;
  restockingFeePercent: number;
  restockingFeeReasons: string[];
  conditionRefundPercent: { as_new: number; opened: number; damaged: number };
  fourEyesThreshold: Record<string, number>;
  refundOriginalShippingWhenMerchantAtFault: boolean;
  autoApprove: boolean;
}

export interface ReturnPolicyView {
  policy: ReturnPolicy;
  defaults: ReturnPolicy;
  reasons: string[];
  conditions: ReturnCondition[];
}

export type ReturnAction =
  | { intent: "approve" }
  | { intent: "reject"; reason: string }
  | { intent: "receive"; lines: Array<{ sku: string; receivedQuantity: number; condition: ReturnCondition }> }
  | { intent: "refund" }
  | { intent: "approve-refund" }
  | { intent: "mark-refunded"; reference: string };

export const returnsApi = {
  list: (request: Request, status?: ReturnStatus | null) =>
    getJson<ReturnList>(request, `/app/returns${query({ status: status ?? undefined })}`),

  get: (request: Request, id: string) => getJson<ReturnDetail>(request, `/app/returns/${encodeURIComponent(id)}`),

  /** One step of a return; a refusal (409, 403 four-eyes, 400 with field errors) is shown in place. */
  act(request: Request, id: string, action: ReturnAction): Promise<FieldWriteResult<ReturnDetail>> {
    const { intent, ...body } = action;
    return sendWithDetails<ReturnDetail>(request, "POST", `/app/returns/${encodeURIComponent(id)}/${intent}`, body);
  },

  policy: (request: Request) => getJson<ReturnPolicyView>(request, "/app/returns-policy"),

  savePolicy: (request: Request, policy: Partial<ReturnPolicy>) =>
    sendWithDetails<{ policy: ReturnPolicy }>(request, "PUT", "/app/returns-policy", policy),
};

// After the sale: shipments with tracking, support tickets and the customer e-mail outbox.

/** SPEC.md §7: the one status set every carrier's scans are normalized to. */
export type TrackingStatus =
  | "info_received"
  | "in_transit"
  | "customs_hold"
  | "out_for_delivery"
  | "failed_attempt"
  | "delivered"
  | "exception"
  | "returned_to_sender";

export interface TrackingScan {
  at: string;
  status: TrackingStatus;
  /** The carrier's own event code ("OD", "FA", …). */
  code: string | null;
  /** The carrier's own words. */
  description: string | null;
  location: { city?: string | null; country?: string | null } | string | null;
}

/** A shipment as GET /app/orders/:id returns it once the pipeline has booked it. */
export interface TrackedShipment extends Shipment {
  id: string;
  carrier: string;
  service: string | null;
  status: string;
  trackingStatus: TrackingStatus | null;
  /** ISO date ("2026-12-03") or date-time. */
  estimatedDelivery: string | null;
  labelCreatedAt: string | null;
  deliveredAt: string | null;
  tracking: TrackingScan[];
}

export type TicketStatus = "open" | "pending" | "resolved";
export type TicketKind = "failed_attempt" | "exception" | "returned_to_sender" | "customs_hold_overdue";
export type SuggestedAction = "reschedule" | "reship" | "refund" | "return_to_sender";

export interface Ticket {
  id: string;
  orderId: string;
  shipmentId: string | null;
  kind: TicketKind;
  status: TicketStatus;
  subject: string;
  suggestedAction: SuggestedAction | null;
  reason: string;
  /** A user id, or null when nobody has taken it. */
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
}

export type EmailStatus = "queued" | "sent" | "outbox" | "failed" | "disabled";

export interface OutboxEmail {
  id: string;
  orderId: string | null;
  event: string;
  toAddress: string;
  locale: string;
  subject: string;
  status: EmailStatus;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxEmailDetail extends OutboxEmail {
  html: string;
  text: string;
}

export interface TicketUpdate {
  status?: TicketStatus;
  /** A user id, "me", or null to unassign. */
  assignee?: string | null;
}

export const afterSaleApi = {
  tickets: (request: Request, params: { status?: TicketStatus; orderId?: string } = {}) =>
    getJson<{ tickets: Ticket[] }>(request, `/app/tickets${query(params)}`),

  /** Status or assignee; operators and up (a viewer gets the API's 403 back). */
  updateTicket: (request: Request, id: string, input: TicketUpdate) =>
    sendWithDetails<Ticket>(request, "PATCH", `/app/tickets/${encodeURIComponent(id)}`, input),

  outbox: (request: Request, params: { orderId?: string } = {}) =>
    getJson<{ emails: OutboxEmail[] }>(request, `/app/outbox${query(params)}`),

  email: (request: Request, id: string) => getJson<OutboxEmailDetail>(request, `/app/outbox/${encodeURIComponent(id)}`),

  /**
   * What the order page shows after the label: the order's tickets and e-mails, and names for
   * carriers, services, warehouses and assignees. Each part is optional: the page still renders
   * the order when one of them cannot be loaded (only a lost session leaves the page).
   */
  async forOrder(request: Request, orderId: string): Promise<OrderAfterSale> {
    const soft = <T>(promise: Promise<T>, fallback: T): Promise<T> =>
      promise.catch((error: unknown) => {
        if (error instanceof Response) throw error;
        return fallback;
      });
    const [tickets, emails, names, options] = await Promise.all([
      soft(afterSaleApi.tickets(request, { orderId }), null),
      soft(afterSaleApi.outbox(request, { orderId }), null),
      afterSaleApi.teamNames(request).catch(() => ({})),
      soft(getJson<ReviewOptions>(request, "/app/options"), null),
    ]);
    const carriers: Record<string, string> = {};
    const services: Record<string, string> = {};
    for (const carrier of options?.carriers ?? []) {
      carriers[carrier.carrier] = carrier.carrierName;
      for (const service of carrier.services) services[`${carrier.carrier}/${service.service}`] = service.serviceName;
    }
    const warehouses = Object.fromEntries((options?.warehouses ?? []).map((w) => [w.id, `${w.code} · ${w.name}`]));
    return { tickets: tickets?.tickets ?? null, emails: emails?.emails ?? null, names, carriers, services, warehouses };
  },

  /**
   * Names for assignee ids. The API has no team list yet; the dev users stand in where dev
   * sign-in is on, elsewhere the page says "you" or "a team member".
   */
  async teamNames(request: Request): Promise<Record<string, string>> {
    const response = await call(request, "/app/dev/users");
    if (!response.ok) return {};
    const body = (await response.json().catch(() => null)) as DevUsers | null;
    return Object.fromEntries((body?.users ?? []).map((user) => [user.id, user.name]));
  },
};

export interface OrderAfterSale {
  /** null when the list could not be loaded. */
  tickets: Ticket[] | null;
  emails: OutboxEmail[] | null;
  names: Record<string, string>;
  /** Carrier code → name, "carrier/service" → service name, warehouse id → "FRA1 · Frankfurt". */
  carriers: Record<string, string>;
  services: Record<string, string>;
  warehouses: Record<string, string>;
}
