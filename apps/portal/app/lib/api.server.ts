import { data } from "react-router";

// The customer portal's only data source: the API's public portal routes (docs/app-api.md).
// Shoppers have no session: the lookup yields a signed order token, and everything else is
// addressed by it. No cookie is forwarded.

export interface TrackingEvent {
  at: string;
  status: string;
  code: string | null;
  description: string | null;
  location: { city: string | null; country: string | null } | null;
}

export interface PortalShipment {
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  status: string | null;
  estimatedDelivery: string | null;
  labelCreatedAt: string | null;
  deliveredAt: string | null;
  events: TrackingEvent[];
}

export interface ShipTo {
  name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
}

export interface PortalOrder {
  token: string;
  orderNumber: string;
  merchant: { name: string; color: string | null; logoUrl: string | null };
  status: string;
  placedAt: string;
  locale: string | null;
  currency: string;
  subtotal: number;
  shippingPaid: number;
  total: number;
  shipTo: ShipTo;
  lines: Array<{ sku: string; title: string; quantity: number; unitPrice: number }>;
  shipments: PortalShipment[];
  timeline: Array<{ at: string; status: string }>;
  address: { changeable: boolean };
  invoiceUrl: string | null;
}

export interface ReturnOptions {
  eligible: boolean;
  reason?: string;
  windowEndsAt: string | null;
  reasons: string[];
  lines: Array<{ sku: string; title: string; quantity: number; returnableQuantity: number }>;
  /** Who pays the label: one answer, or one per reason (the merchant pays for its own faults). */
  shippingPaidBy: "customer" | "merchant" | Record<string, "customer" | "merchant">;
  returns: Array<{
    rma: string;
    status: string;
    createdAt: string;
    labelUrl: string | null;
    documents?: Array<{ kind: string; url: string }>;
  }>;
}

export interface CreatedReturn {
  id: string;
  rma: string;
  status: string;
  labelUrl: string | null;
  documents: Array<{ kind: string; url: string }>;
}

export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

// Read per call: the API server sets it to its own origin just before it loads this build.
function apiOrigin(): string {
  return (process.env.CROSSFLOW_API_ORIGIN ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
}

const orderPath = (token: string) => `/app/portal/orders/${encodeURIComponent(token)}`;

async function call(path: string, init: RequestInit = {}, client?: string | null): Promise<Response> {
  try {
    return await fetch(`${apiOrigin()}${path}`, {
      ...init,
      headers: {
        Accept: "application/json",
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        // The API rate-limits the public routes per shopper, not per portal server.
        ...(client ? { "X-Forwarded-For": client } : {}),
      },
      redirect: "manual",
    });
  } catch (cause) {
    console.error(`[portal] API unreachable at ${apiOrigin()}`, cause);
    throw data({ code: "unavailable", message: "The API could not be reached" }, { status: 503 });
  }
}

/** The address the shopper's request came from, as the proxy in front of us reported it. */
export function clientOf(request: Request): string | null {
  return request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || null;
}

async function fail(response: Response, what: string): Promise<never> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  console.error(`[portal] ${what} failed: ${response.status} ${body?.error?.code ?? ""} ${body?.error?.message ?? ""}`);
  throw data({ code: body?.error?.code ?? "error", message: `${what} failed` }, { status: 502 });
}

export type LookupResult = { found: true; token: string } | { found: false; reason: "notFound" | "tooMany" };

/** The order's signed token, or why not: the API answers 404 alike for a wrong number and a wrong email. */
export async function lookupOrder(
  lookup: { orderNumber: string; email: string },
  client: string | null,
): Promise<LookupResult> {
  const response = await call("/app/portal/lookup", { method: "POST", body: JSON.stringify(lookup) }, client);
  // A 400 means the API rejected the input's shape (say, not an email): to the shopper that is simply "not found".
  if (response.status === 404 || response.status === 400) return { found: false, reason: "notFound" };
  if (response.status === 429) return { found: false, reason: "tooMany" };
  if (!response.ok) return fail(response, "Lookup");
  return { found: true, token: ((await response.json()) as { token: string }).token };
}

/** The shopper's view of the order, or null for a link that is not (or no longer) valid. */
export async function getOrder(token: string): Promise<PortalOrder | null> {
  const response = await call(orderPath(token));
  if (response.status === 404) return null;
  if (!response.ok) return fail(response, "Order");
  return (await response.json()) as PortalOrder;
}

export type Mutation<T> = { ok: true; value: T } | { ok: false; status: number; code: string; details: ErrorDetail[] };

async function mutation<T>(response: Response, what: string): Promise<Mutation<T>> {
  if (response.ok) return { ok: true, value: (await response.json()) as T };
  if (response.status >= 500) return fail(response, what);
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; details?: ErrorDetail[] };
  } | null;
  return {
    ok: false,
    status: response.status,
    code: body?.error?.code ?? "error",
    details: body?.error?.details ?? [],
  };
}

export async function changeAddress(
  token: string,
  address: Record<string, string>,
  client: string | null,
): Promise<Mutation<PortalOrder>> {
  const response = await call(
    `${orderPath(token)}/address`,
    { method: "POST", body: JSON.stringify({ address }) },
    client,
  );
  return mutation(response, "Address change");
}

/** What may be returned, or null while returns are not offered for this order (or at all). */
export async function getReturnOptions(token: string): Promise<ReturnOptions | null> {
  const response = await call(`${orderPath(token)}/returns/options`);
  if (!response.ok) {
    if (response.status >= 500) console.error(`[portal] return options failed: ${response.status}`);
    return null;
  }
  return (await response.json()) as ReturnOptions;
}

export async function createReturn(
  token: string,
  request: { lines: Array<{ sku: string; quantity: number; reason: string; note?: string }> },
  client: string | null,
): Promise<Mutation<CreatedReturn>> {
  const response = await call(`${orderPath(token)}/returns`, { method: "POST", body: JSON.stringify(request) }, client);
  return mutation(response, "Return request");
}

/** Streams a PDF from the API (the invoice, a return label) through the portal's own URL. */
export async function pdf(path: string, download: boolean): Promise<Response> {
  const response = await call(`${path}${download ? "?download=1" : ""}`);
  if (!response.ok) throw data({ code: "not_found", message: "No such document" }, { status: 404 });
  const headers = new Headers();
  for (const name of ["content-type", "content-disposition", "cache-control"]) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { status: 200, headers });
}

export const apiPaths = {
  invoice: (token: string) => `${orderPath(token)}/invoice`,
  returnLabel: (token: string, rma: string) => `${orderPath(token)}/returns/${encodeURIComponent(rma)}/label`,
};
