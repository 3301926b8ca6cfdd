import type { Hold, Order, Session } from "./api.server";

// What a reviewer can do about an order's holds. Most hold reasons are judgement calls a person
// can accept (the payment as it stands, an unlisted SKU, a risk flag, an address), and so is any
// code this console does not know yet, such as a tenant rule's own hold code. Some are facts that
// accepting cannot change, because their step ignores overrides: releasing those means running
// the step again (allocation with the stock there is now, carrier choice with today's rates,
// customs papers once a person has completed the product or the order's data).
const RETRY_ONLY: ReadonlySet<string> = new Set([
  "insufficient_stock",
  "no_carrier",
  "carrier_not_chosen",
  "customs_data_missing",
  "document_data_missing",
  "label_failed",
]);

export type HoldResolution = "accept" | "retry";

export function holdResolution(code: string): HoldResolution {
  return RETRY_ONLY.has(code) ? "retry" : "accept";
}

/** The distinct codes among `holds` that a reviewer can accept (sent as release overrides). */
export function acceptableCodes(holds: readonly Hold[]): string[] {
  return [...new Set(holds.map((hold) => hold.code).filter((code) => holdResolution(code) === "accept"))];
}

/** The distinct codes among `holds` that only a retry can clear. */
export function retryCodes(holds: readonly Hold[]): string[] {
  return [...new Set(holds.map((hold) => hold.code).filter((code) => holdResolution(code) === "retry"))];
}

/** Viewers read; operators and up release and cancel (the API answers 403 otherwise). */
export function canActOnOrders(role: Session["role"] | undefined): boolean {
  return role === "owner" || role === "admin" || role === "operator";
}

// Statuses the pipeline leaves by itself within seconds; an order that sits in one of them
// and changed recently is being worked on right now.
const PIPELINE_WORKING: ReadonlySet<string> = new Set(["received", "payment_verified", "screened"]);
const WORKING_WINDOW_MS = 2 * 60 * 1000;

export function isProcessing(order: Pick<Order, "status" | "updatedAt" | "timeline">, now: number): boolean {
  if (!PIPELINE_WORKING.has(order.status)) return false;
  const times = [order.updatedAt, ...order.timeline.map((event) => event.at)]
    .map((iso) => Date.parse(iso))
    .filter(Number.isFinite);
  return times.length > 0 && now - Math.max(...times) < WORKING_WINDOW_MS;
}

/** A trimmed form value, or undefined when empty; longer input is cut to what the API accepts. */
export function formText(form: FormData, name: string, max = 500): string | undefined {
  const value = form.get(name);
  if (typeof value !== "string") return undefined;
  const text = value.trim().slice(0, max);
  return text === "" ? undefined : text;
}

/** Hold codes posted with a release: distinct, short, at most as many as the API takes. */
export function formCodes(form: FormData, name: string): string[] {
  const codes = form
    .getAll(name)
    .filter((value): value is string => typeof value === "string")
    .map((value) => value.trim())
    .filter((value) => value !== "" && value.length <= 64);
  return [...new Set(codes)].slice(0, 20);
}
