import { data } from "react-router";

// The customer portal's only data source: the API's public lookup (docs/app-api.md).
// Shoppers have no session, so no cookie is forwarded.

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

export interface PortalOrder {
  orderNumber: string;
  merchantName: string;
  status: OrderStatus | (string & {});
  currency: string;
  total: number;
  placedAt: string;
  locale: string | null;
  shipTo: { name: string; city: string; postalCode: string | null; country: string };
  lines: Array<{ title: string; quantity: number }>;
  timeline: Array<{ at: string; status: string; message: string | null }>;
}

export interface LookupRequest {
  orderNumber: string;
  email: string;
}

// Read per call: the API server sets it to its own origin just before it loads this build.
function apiOrigin(): string {
  return (process.env.CROSSFLOW_API_ORIGIN ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
}

export type LookupResult = { found: true; order: PortalOrder } | { found: false; reason: "notFound" | "tooMany" };

/** The order, or why not: the API answers 404 alike for a wrong number and a wrong email. */
export async function lookupOrder(lookup: LookupRequest): Promise<LookupResult> {
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}/app/portal/lookup`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(lookup),
      redirect: "manual",
    });
  } catch (cause) {
    console.error(`[portal] API unreachable at ${apiOrigin()}`, cause);
    throw data({ code: "unavailable", message: "The API could not be reached" }, { status: 503 });
  }
  // A 400 means the API rejected the input's shape (say, not an email): to the shopper that
  // is simply "not found".
  if (response.status === 404 || response.status === 400 || response.status === 422)
    return { found: false, reason: "notFound" };
  if (response.status === 429) return { found: false, reason: "tooMany" };
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    console.error(
      `[portal] lookup failed: ${response.status} ${body?.error?.code ?? ""} ${body?.error?.message ?? ""}`,
    );
    throw data({ code: body?.error?.code ?? "error", message: "Lookup failed" }, { status: 502 });
  }
  return { found: true, order: (await response.json()) as PortalOrder };
}
