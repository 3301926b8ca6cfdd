import {
  activeAllocations,
  type Database,
  getOrderLines,
  getProductsBySkus,
  getWarehousesByIds,
  listOrderShipments,
  planShipment,
  productDimensions,
  recordDecision,
} from "@crossflow/db";
import {
  chooseCarrier,
  estimateParcel,
  evaluateRules,
  type ForcedCarrier,
  quoteRates,
  RATE_OBJECTIVES,
  type RateObjective,
  REFERENCE_FX_RATES,
} from "@crossflow/domain";
import { holdOrder, type OrderRef, orderStep, type StepOutcome } from "./common";
import { loadOrderFacts } from "./facts";
import { loadRuleSet } from "./screen";

/**
 * allocated (no shipment yet): rate every carrier service for each warehouse's parcel and
 * pick one — the routing rule's carrier, or the best by the rule's (else a balanced)
 * cost/speed/carbon objective. The pick is stored as a planned shipment with its reason.
 */
export function chooseCarrierStep(db: Database, ref: OrderRef, now: Date = new Date()): Promise<StepOutcome> {
  return orderStep(db, ref, "allocated", async (tx, order) => {
    const existing = (await listOrderShipments(tx, ref.orderId)).filter((s) => s.status !== "voided");
    if (existing.length > 0) return { outcome: "skipped", status: order.status };
    const [allocations, lines, ruleSet] = await Promise.all([
      activeAllocations(tx, ref.orderId),
      getOrderLines(tx, ref.orderId),
      loadRuleSet(tx),
    ]);
    const products = new Map(
      (
        await getProductsBySkus(
          tx,
          lines.map((l) => l.sku),
        )
      ).map((p) => [p.sku, p]),
    );
    const warehouses = await getWarehousesByIds(tx, [...new Set(allocations.map((a) => a.warehouseId))]);
    const rule = ruleSet ? evaluateRules(ruleSet, await loadOrderFacts(tx, order)).routing : null;
    let objective: RateObjective = RATE_OBJECTIVES.balanced;
    let forced: ForcedCarrier | undefined;
    for (const action of rule?.actions ?? []) {
      if (action.type === "use_carrier")
        forced = { carrier: action.carrier, service: action.service, ruleId: rule?.ruleId };
      if (action.type === "objective") objective = action.weights;
    }
    // A reviewer's carrier choice beats the routing rule (the objective still orders the rest).
    const reviewer = order.reviewDirectives.carrier;
    if (reviewer)
      forced = { carrier: reviewer.carrier, service: reviewer.service, by: order.reviewDirectives.by ?? "a reviewer" };
    const byRule = rule && !reviewer ? { ruleId: rule.ruleId, ruleVersion: rule.ruleVersion } : {};
    const date = now.toISOString().slice(0, 10);

    for (const warehouse of warehouses) {
      const items = allocations
        .filter((a) => a.warehouseId === warehouse.id)
        .map((a) => {
          const p = products.get(a.sku);
          return {
            sku: a.sku,
            quantity: a.quantity,
            weightGrams: p?.weightGrams,
            dimensionsMm: p ? productDimensions(p) : null,
          };
        });
      const parcel = estimateParcel(items);
      if (!parcel.ok) {
        await recordDecision(tx, {
          ...ref,
          kind: "carrier",
          outcome: { chosen: false, warehouse: warehouse.code },
          reason: `${parcel.reason}; add them to the product to rate carriers for this order`,
          facts: { missing: parcel.missing },
        });
        // Not a hold: the order stays allocated and the decision says what to fill in; the
        // documents step (which needs the carrier) asks again once the catalog is complete.
        return { outcome: "advanced", status: order.status };
      }
      const quote = quoteRates({
        origin: { country: warehouse.country, postalCode: warehouse.address.postalCode },
        destination: { country: order.shippingAddress.country, postalCode: order.shippingAddress.postalCode },
        parcels: [{ weightGrams: parcel.weightGrams, dimensionsMm: parcel.dimensionsMm }],
        currency: order.currency,
        date,
        fx: REFERENCE_FX_RATES,
      });
      const choice = chooseCarrier(quote.options, { objective, forced, exclusions: quote.exclusions });
      await recordDecision(tx, {
        ...ref,
        ...byRule,
        kind: "carrier",
        outcome: choice.pick
          ? {
              chosen: true,
              warehouse: warehouse.code,
              carrier: choice.pick.carrier,
              service: choice.pick.service,
              price: choice.pick.price,
              currency: choice.pick.currency,
              transitDays: choice.pick.transitDays,
              co2eGrams: choice.pick.co2eGrams,
            }
          : { chosen: false, warehouse: warehouse.code },
        reason: reviewer
          ? choice.reason
          : rule
            ? `${choice.reason} (rule "${rule.ruleName}": ${rule.reason})`
            : choice.reason,
        facts: {
          origin: warehouse.country,
          destination: order.shippingAddress.country,
          parcel: { weightGrams: parcel.weightGrams, dimensionsMm: parcel.dimensionsMm, method: parcel.method },
          objective,
          fxDate: REFERENCE_FX_RATES.date,
          exclusions: quote.exclusions.map((e) => `${e.carrier}/${e.service}: ${e.reason}`),
        },
        alternatives: choice.alternatives.slice(0, 5).map((o) => ({
          carrier: o.carrier,
          service: o.service,
          price: o.price,
          currency: o.currency,
          transitDays: o.transitDays,
          co2eGrams: o.co2eGrams,
          reason: o.rankReason,
        })),
      });
      if (!choice.pick) return holdOrder(tx, ref, [{ code: "no_carrier", message: choice.reason }]);
      await planShipment(tx, {
        tenantId: ref.tenantId,
        orderId: ref.orderId,
        warehouseId: warehouse.id,
        carrier: choice.pick.carrier,
        service: choice.pick.service,
        weightGrams: parcel.weightGrams,
      });
    }
    return { outcome: "advanced", status: order.status };
  });
}
