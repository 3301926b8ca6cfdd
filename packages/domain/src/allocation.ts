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

/** How warehouses are ranked: nearest first (default), a priority list, or lowest shipping cost. */
export type AllocationStrategy =
  | { kind: "nearest" }
  | { kind: "priority"; warehouseCodes: readonly string[] }
  | { kind: "cheapest"; costByWarehouseId: Readonly<Record<string, number>>; currency: string };

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
  strategy?: AllocationStrategy;
  /** Whether an order may ship from several warehouses when none holds everything (default true). */
  allowSplit?: boolean;
}): AllocationPlan {
  const strategy = input.strategy ?? { kind: "nearest" };
  const demand = new Map<string, number>();
  for (const line of input.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);

  const available = (warehouseId: string, sku: string) =>
    input.stock.find((s) => s.warehouseId === warehouseId && s.sku === sku)?.available ?? 0;

  const nearness = (a: CandidateWarehouse, b: CandidateWarehouse) =>
    distanceRank(a.country, input.destinationCountry) - distanceRank(b.country, input.destinationCountry) ||
    a.code.localeCompare(b.code);
  const listed = (w: CandidateWarehouse) => {
    if (strategy.kind !== "priority") return 0;
    const index = strategy.warehouseCodes.indexOf(w.code);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const cost = (w: CandidateWarehouse) =>
    strategy.kind === "cheapest" ? (strategy.costByWarehouseId[w.id] ?? Number.MAX_SAFE_INTEGER) : 0;
  const ranked = [...input.warehouses].sort((a, b) => listed(a) - listed(b) || cost(a) - cost(b) || nearness(a, b));
  const why = (w: CandidateWarehouse) => {
    if (strategy.kind === "priority" && listed(w) < Number.MAX_SAFE_INTEGER) {
      return `first in the priority list ${strategy.warehouseCodes.join(" > ")} that holds every line`;
    }
    if (strategy.kind === "cheapest" && strategy.costByWarehouseId[w.id] !== undefined) {
      return `the cheapest to ship from (${strategy.costByWarehouseId[w.id]} ${strategy.currency} minor units) that holds every line`;
    }
    return `the nearest warehouse that holds every line (${DISTANCE_LABEL[distanceRank(w.country, input.destinationCountry)]}, ${w.country} → ${input.destinationCountry})`;
  };

  const fullFillers = ranked.filter((w) => [...demand].every(([sku, qty]) => available(w.id, sku) >= qty));
  const best = fullFillers[0];
  if (best) {
    return {
      kind: "allocated",
      parts: [{ warehouseId: best.id, lines: [...demand].map(([sku, quantity]) => ({ sku, quantity })) }],
      reason: `${best.code}: ${why(best)}`,
      alternatives: fullFillers.slice(1).map((w) => w.code),
    };
  }

  if (input.allowSplit === false) {
    return {
      kind: "unfillable",
      shortfall: [],
      reason: "No single warehouse holds every line and split shipments are not allowed for this order",
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
