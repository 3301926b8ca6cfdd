import {
  activeAllocations,
  type Database,
  DomainConflictError,
  getOrderLines,
  getProductsBySkus,
  getWarehousesByIds,
  listWarehouses,
  type OrderRow,
  productDimensions,
  recordDecision,
  reserveStock,
  stockAvailability,
  type Tx,
  transitionOrder,
  type WarehouseRow,
} from "@crossflow/db";
import {
  type AllocationStrategy,
  estimateParcel,
  evaluateRules,
  planAllocation,
  quoteRates,
  REFERENCE_FX_RATES,
} from "@crossflow/domain";
import { holdOrder, type OrderRef, orderStep, PIPELINE_ACTOR, type StepOutcome } from "./common";
import { loadOrderFacts } from "./facts";
import { loadRuleSet } from "./screen";

/**
 * screened → allocated: choose the warehouse(s) — by the tenant's allocation rule, else the
 * nearest that can fill the order — and reserve the stock atomically. Nothing free → hold.
 */
export async function allocateOrder(db: Database, ref: OrderRef): Promise<StepOutcome> {
  const attempt = () =>
    orderStep(db, ref, "screened", async (tx, order) => {
      if ((await activeAllocations(tx, ref.orderId)).length > 0) {
        await transitionOrder(tx, {
          ...ref,
          to: "allocated",
          actor: PIPELINE_ACTOR,
          message: "Stock already reserved",
        });
        return { outcome: "advanced", status: "allocated" };
      }
      const lines = await getOrderLines(tx, ref.orderId);
      const [warehouses, stock, ruleSet] = await Promise.all([
        listWarehouses(tx),
        stockAvailability(
          tx,
          lines.map((l) => l.sku),
        ),
        loadRuleSet(tx),
      ]);
      const rule = ruleSet ? evaluateRules(ruleSet, await loadOrderFacts(tx, order)).allocation : null;
      let strategy: AllocationStrategy = { kind: "nearest" };
      let allowSplit = true;
      for (const action of rule?.actions ?? []) {
        if (action.type === "warehouse_priority")
          strategy = { kind: "priority", warehouseCodes: action.warehouseCodes };
        if (action.type === "allow_split") allowSplit = action.allowed;
        if (action.type === "cheapest") {
          strategy = {
            kind: "cheapest",
            currency: order.currency,
            costByWarehouseId: await cheapestRateByWarehouse(tx, order, lines, warehouses),
          };
        }
      }
      // A reviewer's warehouse choice beats the rules: only that warehouse, whole order.
      const chosen = order.reviewDirectives.warehouseId
        ? warehouses.find((w) => w.id === order.reviewDirectives.warehouseId)
        : undefined;
      if (chosen) allowSplit = false;
      const candidates = chosen ? [chosen] : warehouses;
      const plan = planAllocation({
        lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        warehouses: candidates.map((w) => ({ id: w.id, code: w.code, country: w.country })),
        stock,
        destinationCountry: order.shippingAddress.country,
        strategy,
        allowSplit,
      });
      const facts = {
        destination: order.shippingAddress.country,
        demand: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        stock: stock.map((s) => ({ ...s, warehouse: warehouses.find((w) => w.id === s.warehouseId)?.code })),
        strategy: chosen
          ? `${chosen.code}, chosen by ${order.reviewDirectives.by ?? "a reviewer"}`
          : strategy.kind === "priority"
            ? `priority ${strategy.warehouseCodes.join(" > ")}`
            : "nearest warehouse that fills the whole order, else fewest nearest",
        allowSplit,
      };
      const byRule = rule && !chosen ? { ruleId: rule.ruleId, ruleVersion: rule.ruleVersion } : {};
      const ruleNote = chosen
        ? ` (warehouse ${chosen.code} chosen by ${order.reviewDirectives.by ?? "a reviewer"})`
        : rule
          ? ` (rule "${rule.ruleName}": ${rule.reason})`
          : "";
      if (plan.kind === "unfillable") {
        await recordDecision(tx, {
          ...ref,
          ...byRule,
          kind: "allocation",
          outcome: { allocated: false, shortfall: plan.shortfall },
          reason: plan.reason + ruleNote,
          facts,
        });
        return holdOrder(tx, ref, [{ code: "insufficient_stock", message: plan.reason }]);
      }
      await reserveStock(tx, {
        tenantId: ref.tenantId,
        orderId: ref.orderId,
        parts: plan.parts,
        actor: PIPELINE_ACTOR,
      });
      const used = await getWarehousesByIds(
        tx,
        plan.parts.map((p) => p.warehouseId),
      );
      const codes = plan.parts.map((p) => used.find((w) => w.id === p.warehouseId)?.code ?? p.warehouseId);
      await recordDecision(tx, {
        ...ref,
        ...byRule,
        kind: "allocation",
        outcome: {
          allocated: true,
          split: plan.parts.length > 1,
          parts: plan.parts.map((p, i) => ({ ...p, warehouseCode: codes[i] })),
        },
        reason: plan.reason + ruleNote,
        facts,
        alternatives: plan.alternatives,
      });
      await transitionOrder(tx, {
        ...ref,
        to: "allocated",
        actor: PIPELINE_ACTOR,
        message: `Stock reserved at ${codes.join(" + ")}`,
      });
      return { outcome: "advanced", status: "allocated" };
    });

  // Another order may take the last units between planning and reserving: plan again.
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof DomainConflictError && error.code === "insufficient_stock") || tries >= 5) throw error;
    }
  }
}

/** The cheapest carrier price for shipping the whole order from each warehouse (for the "cheapest" allocation rule). */
async function cheapestRateByWarehouse(
  tx: Tx,
  order: OrderRow,
  lines: Array<{ sku: string; quantity: number }>,
  warehouses: WarehouseRow[],
): Promise<Record<string, number>> {
  const products = new Map(
    (
      await getProductsBySkus(
        tx,
        lines.map((l) => l.sku),
      )
    ).map((p) => [p.sku, p]),
  );
  const parcel = estimateParcel(
    lines.map((l) => {
      const p = products.get(l.sku);
      return {
        sku: l.sku,
        quantity: l.quantity,
        weightGrams: p?.weightGrams,
        dimensionsMm: p ? productDimensions(p) : null,
      };
    }),
  );
  if (!parcel.ok) return {};
  const costs: Record<string, number> = {};
  for (const warehouse of warehouses) {
    const quote = quoteRates({
      origin: { country: warehouse.country, postalCode: warehouse.address.postalCode },
      destination: { country: order.shippingAddress.country, postalCode: order.shippingAddress.postalCode },
      parcels: [{ weightGrams: parcel.weightGrams, dimensionsMm: parcel.dimensionsMm }],
      currency: order.currency,
      date: new Date().toISOString().slice(0, 10),
      fx: REFERENCE_FX_RATES,
    });
    const best = quote.options.reduce<number | null>((min, o) => (min === null || o.price < min ? o.price : min), null);
    if (best !== null) costs[warehouse.id] = best;
  }
  return costs;
}
