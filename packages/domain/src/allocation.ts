import { regionOf } from "./country";

export interface AllocationLine {
  sku: string;
  quantity: number;
}

export interface CandidateWarehouse {
  id: string;
  code: string;
  country: string;
}

export interface StockAvailability {
  warehouseId: string;
  sku: string;
  available: number;
}

export interface AllocationPart {
  warehouseId: string;
  lines: AllocationLine[];
}

export type AllocationPlan =
  | { kind: "allocated"; parts: AllocationPart[]; reason: string; alternatives: string[] }
  | { kind: "unfillable"; shortfall: Array<{ sku: string; requested: number; available: number }>; reason: string };

/** 0 = same country as the destination, 1 = same trade region, 2 = elsewhere. */
function distanceRank(warehouseCountry: string, destination: string): number {
  if (warehouseCountry === destination) return 0;
  return regionOf(warehouseCountry) === regionOf(destination) ? 1 : 2;
}

const DISTANCE_LABEL = [
  "in the destination country",
  "in the destination's region",
  "outside the destination's region",
];

/**
 * Chooses where an order ships from: the nearest warehouse that can fill every line,
 * otherwise the fewest nearest warehouses that together can (a split shipment).
 */
export function planAllocation(input: {
  lines: readonly AllocationLine[];
  warehouses: readonly CandidateWarehouse[];
  stock: readonly StockAvailability[];
  destinationCountry: string;
}): AllocationPlan {
  const demand = new Map<string, number>();
  for (const line of input.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);

  const available = (warehouseId: string, sku: string) =>
    input.stock.find((s) => s.warehouseId === warehouseId && s.sku === sku)?.available ?? 0;

  const ranked = [...input.warehouses].sort(
    (a, b) =>
      distanceRank(a.country, input.destinationCountry) - distanceRank(b.country, input.destinationCountry) ||
      a.code.localeCompare(b.code),
  );

  const fullFillers = ranked.filter((w) => [...demand].every(([sku, qty]) => available(w.id, sku) >= qty));
  const best = fullFillers[0];
  if (best) {
    const rank = distanceRank(best.country, input.destinationCountry);
    return {
      kind: "allocated",
      parts: [{ warehouseId: best.id, lines: [...demand].map(([sku, quantity]) => ({ sku, quantity })) }],
      reason: `${best.code} holds every line and is the nearest such warehouse (${DISTANCE_LABEL[rank]}, ${best.country} → ${input.destinationCountry})`,
      alternatives: fullFillers.slice(1).map((w) => w.code),
    };
  }

  const remaining = new Map(demand);
  const parts: AllocationPart[] = [];
  for (const warehouse of ranked) {
    const lines: AllocationLine[] = [];
    for (const [sku, qty] of remaining) {
      const take = Math.min(qty, available(warehouse.id, sku));
      if (take > 0) {
        lines.push({ sku, quantity: take });
        remaining.set(sku, qty - take);
      }
    }
    for (const [sku, qty] of remaining) if (qty === 0) remaining.delete(sku);
    if (lines.length > 0) parts.push({ warehouseId: warehouse.id, lines });
    if (remaining.size === 0) break;
  }

  if (remaining.size > 0) {
    const shortfall = [...demand]
      .filter(([sku]) => remaining.has(sku))
      .map(([sku, requested]) => ({ sku, requested, available: requested - (remaining.get(sku) ?? 0) }));
    return {
      kind: "unfillable",
      shortfall,
      reason: `Not enough stock across all warehouses for ${shortfall.map((s) => `${s.sku} (need ${s.requested}, have ${s.available})`).join(", ")}`,
    };
  }

  const codes = parts.map((p) => ranked.find((w) => w.id === p.warehouseId)?.code ?? p.warehouseId);
  return {
    kind: "allocated",
    parts,
    reason: `No single warehouse holds every line; split across ${codes.join(" + ")}, nearest first`,
    alternatives: [],
  };
}
