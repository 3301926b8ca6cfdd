import type { ReturnPolicy } from "./policy";

/** Order statuses from which goods are with (or on their way to) the shopper. */
const RETURNABLE_STATUSES = new Set(["handed_over", "in_transit", "delivered"]);

const DAY_MS = 86_400_000;

export interface EligibilityOrder {
  status: string;
  placedAt: Date;
  /** When the last parcel was delivered; null while it travels. */
  deliveredAt: Date | null;
  lines: Array<{ sku: string; title: string; quantity: number; unitPrice: number; tags?: readonly string[] }>;
  /** The order's earlier returns (any status); rejected ones give their units back. */
  earlierReturns: Array<{
    status: string;
    lines: Array<{ sku: string; quantity: number; receivedQuantity?: number | null }>;
  }>;
}

export type IneligibleReason =
  | "returns_disabled"
  | "not_shipped"
  | "window_closed"
  | "excluded"
  | "already_returned"
  | "nothing_returnable";

export interface LineEligibility {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  returnableQuantity: number;
  /** Why the line cannot come back, when it cannot. */
  reason?: "excluded_sku" | "excluded_tag" | "already_returned";
}

export interface ReturnEligibility {
  eligible: boolean;
  reason?: IneligibleReason;
  message?: string;
  /** The last moment a return can be started; null when the window cannot start yet. */
  windowEndsAt: Date | null;
  lines: LineEligibility[];
}

/** Units of each SKU already claimed by earlier returns: requested ones count, received ones count what arrived. */
export function unitsAlreadyReturned(earlier: EligibilityOrder["earlierReturns"]): Map<string, number> {
  const used = new Map<string, number>();
  for (const ret of earlier) {
    if (ret.status === "rejected") continue;
    const inspected = ["received", "refund_pending_approval", "refunded", "closed"].includes(ret.status);
    for (const line of ret.lines) {
      const units = inspected && line.receivedQuantity != null ? line.receivedQuantity : line.quantity;
      used.set(line.sku, (used.get(line.sku) ?? 0) + units);
    }
  }
  return used;
}

/**
 * Whether the shopper may start a return now, and how many units of each line can still
 * come back: the window runs from delivery (from the order while no delivery is recorded),
 * excluded SKUs and tags never come back, and units of earlier returns are not returned twice.
 */
export function returnEligibility(order: EligibilityOrder, policy: ReturnPolicy, now: Date): ReturnEligibility {
  const start = order.deliveredAt ?? order.placedAt;
  const windowEndsAt = new Date(start.getTime() + policy.windowDays * DAY_MS);
  const used = unitsAlreadyReturned(order.earlierReturns);
  const excludedSkus = new Set(policy.excludedSkus.map((s) => s.toLowerCase()));
  const excludedTags = new Set(policy.excludedTags.map((s) => s.toLowerCase()));
  const remaining = new Map(used);
  const lines: LineEligibility[] = order.lines.map((line) => {
    const base = { sku: line.sku, title: line.title, quantity: line.quantity, unitPrice: line.unitPrice };
    if (excludedSkus.has(line.sku.toLowerCase())) return { ...base, returnableQuantity: 0, reason: "excluded_sku" };
    if ((line.tags ?? []).some((t) => excludedTags.has(t.toLowerCase())))
      return { ...base, returnableQuantity: 0, reason: "excluded_tag" };
    // The same SKU on two lines: earlier returns use up the first line's units first.
    const claimed = Math.min(remaining.get(line.sku) ?? 0, line.quantity);
    remaining.set(line.sku, (remaining.get(line.sku) ?? 0) - claimed);
    const returnableQuantity = line.quantity - claimed;
    return returnableQuantity > 0
      ? { ...base, returnableQuantity }
      : { ...base, returnableQuantity: 0, reason: "already_returned" };
  });

  const refuse = (reason: IneligibleReason, message: string): ReturnEligibility => ({
    eligible: false,
    reason,
    message,
    windowEndsAt,
    lines: lines.map((l) => ({ ...l, returnableQuantity: 0 })),
  });
  if (!policy.enabled) return refuse("returns_disabled", "This shop does not take returns online");
  if (!RETURNABLE_STATUSES.has(order.status)) {
    return {
      ...refuse("not_shipped", `The order has not shipped yet (${order.status.replace(/_/g, " ")})`),
      windowEndsAt: null,
    };
  }
  if (now.getTime() > windowEndsAt.getTime()) {
    return refuse(
      "window_closed",
      `The ${policy.windowDays}-day return window ended on ${windowEndsAt.toISOString().slice(0, 10)}`,
    );
  }
  if (lines.every((l) => l.returnableQuantity === 0)) {
    const allExcluded = lines.every((l) => l.reason === "excluded_sku" || l.reason === "excluded_tag");
    const anyExcluded = lines.some((l) => l.reason === "excluded_sku" || l.reason === "excluded_tag");
    return {
      eligible: false,
      reason: allExcluded ? "excluded" : anyExcluded ? "nothing_returnable" : "already_returned",
      message: allExcluded
        ? "None of the items in this order can be returned"
        : anyExcluded
          ? "Nothing in this order can be returned any more"
          : "Every item of this order has already been returned",
      windowEndsAt,
      lines,
    };
  }
  return { eligible: true, windowEndsAt, lines };
}

export interface ReturnRequestLine {
  sku: string;
  quantity: number;
  reason: string;
}

/** Field errors of a shopper's return request against the eligibility (path: lines.N.field). */
export function checkReturnRequest(
  requested: readonly ReturnRequestLine[],
  eligibility: ReturnEligibility,
  policy: ReturnPolicy,
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (requested.length === 0) issues.push({ path: "lines", message: "Choose at least one item to return" });
  const asked = new Map<string, number>();
  requested.forEach((line, index) => {
    const match = eligibility.lines.filter((l) => l.sku === line.sku);
    if (match.length === 0) {
      issues.push({ path: `lines.${index}.sku`, message: `${line.sku} is not part of this order` });
      return;
    }
    if (!(policy.reasons as readonly string[]).includes(line.reason)) {
      issues.push({
        path: `lines.${index}.reason`,
        message: `"${line.reason}" is not a return reason this shop accepts`,
      });
    }
    const returnable = match.reduce((sum, l) => sum + l.returnableQuantity, 0);
    const total = (asked.get(line.sku) ?? 0) + line.quantity;
    asked.set(line.sku, total);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      issues.push({ path: `lines.${index}.quantity`, message: "Return at least one unit" });
    } else if (total > returnable) {
      issues.push({
        path: `lines.${index}.quantity`,
        message:
          returnable === 0
            ? `${line.sku} cannot be returned`
            : `At most ${returnable} unit(s) of ${line.sku} can be returned`,
      });
    }
  });
  return issues;
}
