import { data, redirect } from "react-router";

// The partner portal's only data source: the API's /app routes (docs/app-api.md), called
// from SSR loaders and actions with the viewer's own session cookie.

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

export interface PartnerWarehouse {
  id: string;
  code: string;
  name: string;
  country: string;
}

export interface PartnerOverview {
  partner: { id: string; name: string; kind: string };
  merchants: Array<{ tenantId: string; tenantName: string; warehouses: PartnerWarehouse[]; openOrders: number }>;
}

export interface PartnerOrder {
  id: string;
  externalId: string;
  tenantId: string;
  tenantName: string;
  status: string;
  warehouseId: string;
  warehouseCode: string;
  country: string;
  lineCount: number;
  units: number;
  createdAt: string;
}

/** The API's error envelope, carried to error boundaries as route error data. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

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
    console.error(`[partner] API unreachable at ${apiOrigin()}${path}`, cause);
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
    console.error(`[partner] API ${response.status} ${response.url}: ${body.code} ${body.message}`);
  throw data(body, { status: response.status });
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

  overview: (request: Request) => getJson<PartnerOverview>(request, "/app/partner/overview"),

  orders: (request: Request, params: { tenantId?: string }) =>
    getJson<{ data: PartnerOrder[] }>(request, `/app/partner/orders${query(params)}`),
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

// Warehouse instructions: pick/pack/label for a booked parcel, or an expected return.

export type InstructionStatus = "open" | "done" | "cancelled";
export type InstructionKind = "pick_pack_label" | "expected_return";

export interface Instruction {
  id: string;
  tenantId: string;
  tenantName: string;
  warehouseId: string;
  warehouseCode: string;
  orderId: string;
  shipmentId: string | null;
  kind: InstructionKind;
  status: InstructionStatus;
  payload: {
    orderNumber: string;
    carrier?: string | null;
    service?: string | null;
    trackingNumber?: string | null;
    weightGrams?: number | null;
    lines: Array<{ sku: string; title: string; quantity: number; reason?: string | null }>;
    /** For pick/pack/label: the label (PDF, or the carrier's own format), then its ZPL copy. */
    documentIds?: string[];
    rma?: string | null;
  };
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

export const instructionsApi = {
  list: (request: Request, status: InstructionStatus) =>
    getJson<{ data: Instruction[] }>(request, `/app/partner/instructions${query({ status })}`),

  /** Marks an open instruction done; a refusal (already done, not found) is returned to show. */
  async markDone(
    request: Request,
    tenantId: string,
    id: string,
  ): Promise<{ ok: true; value: Instruction } | { ok: false; status: number; error: ApiErrorBody }> {
    const response = await call(
      request,
      `/app/partner/tenants/${encodeURIComponent(tenantId)}/instructions/${encodeURIComponent(id)}/done`,
      { method: "POST", body: {} },
    );
    if (response.status === 401) throw signInRedirect(request);
    if (!response.ok) return { ok: false, status: response.status, error: await errorBody(response) };
    return { ok: true, value: (await response.json()) as Instruction };
  },

  /** A label of an instruction as the API sends it (PDF or ZPL), for the partner's printer. */
  async document(request: Request, tenantId: string, id: string, download: boolean): Promise<Response> {
    const response = await call(
      request,
      `/app/partner/tenants/${encodeURIComponent(tenantId)}/documents/${encodeURIComponent(id)}`,
    );
    if (!response.ok) return failure(request, response);
    const type = response.headers.get("Content-Type") ?? "application/octet-stream";
    const headers = new Headers({ "Content-Type": type, "Cache-Control": "private, no-store" });
    const disposition = response.headers.get("Content-Disposition");
    if (disposition)
      headers.set("Content-Disposition", download ? disposition.replace(/^inline/, "attachment") : disposition);
    return new Response(response.body, { status: 200, headers });
  },
};

/** A 3PL with an API: where its instructions are POSTed, signed (see docs/app-api.md). */
export interface PartnerWebhook {
  url: string | null;
  configured: boolean;
}

export const webhookApi = {
  get: (request: Request) => getJson<PartnerWebhook>(request, "/app/partner/webhook"),

  /** Sets the URL; the answer carries the new signing secret, shown once. */
  async set(
    request: Request,
    url: string,
  ): Promise<
    { ok: true; value: { url: string; secret: string } } | { ok: false; status: number; error: ApiErrorBody }
  > {
    const response = await call(request, "/app/partner/webhook", { method: "PUT", body: { url } });
    if (response.status === 401) throw signInRedirect(request);
    if (!response.ok) return { ok: false, status: response.status, error: await errorBody(response) };
    return { ok: true, value: (await response.json()) as { url: string; secret: string } };
  },

  async remove(request: Request): Promise<void> {
    const response = await call(request, "/app/partner/webhook", { method: "DELETE" });
    if (response.status === 401) throw signInRedirect(request);
  },
};
