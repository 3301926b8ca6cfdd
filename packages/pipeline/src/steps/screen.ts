import {
  type Database,
  getCustomer,
  getPublishedRuleSet,
  getTenantSettings,
  previousOrderCount,
  recentOrdersForRisk,
  recordDecision,
  transitionOrder,
} from "@crossflow/db";
import {
  addressFingerprint,
  evaluateRules,
  type Hold,
  parseRuleSet,
  type RuleSet,
  riskConfigSchema,
  screenOrder,
} from "@crossflow/domain";
import { blockingHolds, holdOrder, type OrderRef, orderStep, PIPELINE_ACTOR, type StepOutcome } from "./common";
import { loadOrderFacts } from "./facts";

/** The tenant's published rules, or none. A stored set that no longer parses is a hard error, not "no rules". */
export async function loadRuleSet(tx: Parameters<typeof getPublishedRuleSet>[0]): Promise<RuleSet | null> {
  const row = await getPublishedRuleSet(tx);
  if (!row) return null;
  const parsed = parseRuleSet({ version: row.version, rules: row.rules });
  if (!parsed.ok) throw new Error(`Published rule set v${row.version} is invalid: ${parsed.errors[0]?.message}`);
  return parsed.ruleSet;
}

/**
 * payment_verified → screened: risk screening (deny lists, destinations, value, velocity,
 * mismatches) and the tenant's exception and action rules. A review-level risk score or a
 * matching exception rule holds the order with every reason listed.
 */
export function screenOrderStep(db: Database, ref: OrderRef, overrides: readonly string[] = []): Promise<StepOutcome> {
  return orderStep(db, ref, "payment_verified", async (tx, order) => {
    const settings = await getTenantSettings(tx);
    const config = riskConfigSchema.parse(settings?.risk ?? {});
    const longestWindow = Math.max(config.velocity.email.windowMinutes, config.velocity.address.windowMinutes);
    const since = new Date(order.placedAt.getTime() - longestWindow * 60_000);
    const [recent, previous, customer] = await Promise.all([
      recentOrdersForRisk(tx, { excludeOrderId: order.id, since }),
      previousOrderCount(tx, { customerId: order.customerId, before: order.placedAt, excludeOrderId: order.id }),
      getCustomer(tx, order.customerId),
    ]);
    const risk = screenOrder(
      {
        orderId: order.id,
        email: customer?.email ?? "",
        phone: customer?.phone ?? undefined,
        shippingAddress: order.shippingAddress,
        billingAddress: order.billingAddress ?? undefined,
        total: { amount: order.total, currency: order.currency },
        destination: order.shippingAddress.country,
        previousOrderCount: previous,
        placedAt: order.placedAt,
      },
      config,
      recent.map((r) => ({
        orderId: r.orderId,
        email: r.email,
        addressFingerprint: addressFingerprint(r.shippingAddress),
        placedAt: r.placedAt,
      })),
    );
    await recordDecision(tx, {
      ...ref,
      kind: "risk",
      outcome: {
        score: risk.score,
        action: risk.action,
        threshold: risk.reviewThreshold,
        signals: risk.signals.map((s) => s.code),
      },
      reason: risk.signals.length
        ? `Risk score ${risk.score} (review at ${risk.reviewThreshold}): ${risk.signals.map((s) => s.message).join("; ")}`
        : `Risk score 0: no risk signal matched (review at ${risk.reviewThreshold})`,
      facts: {
        signals: risk.signals,
        notes: risk.notes,
        previousOrders: previous,
        recentOrdersConsidered: recent.length,
      },
    });

    const ruleSet = await loadRuleSet(tx);
    const holds: Array<Hold | null> = [
      risk.action === "review"
        ? {
            code: "risk_review",
            message: `Risk review (score ${risk.score}): ${risk.signals.map((s) => s.message).join("; ")}`,
          }
        : null,
    ];
    if (ruleSet) {
      const facts = await loadOrderFacts(tx, order, risk.score);
      const evaluation = evaluateRules(ruleSet, facts);
      for (const decision of [...evaluation.exceptions, ...evaluation.actions]) {
        await recordDecision(tx, {
          ...ref,
          kind: decision.kind === "exception" ? "rule_exception" : "rule_action",
          outcome: { actions: decision.actions },
          reason: `Rule "${decision.ruleName}": ${decision.reason}`,
          ruleId: decision.ruleId,
          ruleVersion: decision.ruleVersion,
          facts: { matched: decision.matched },
        });
        for (const action of decision.actions) {
          if (action.type === "hold")
            holds.push({ code: action.code, message: `${action.message} (rule "${decision.ruleName}")` });
        }
      }
    }

    const blocking = blockingHolds(holds, overrides);
    if (blocking.length > 0) return holdOrder(tx, ref, blocking);
    await transitionOrder(tx, {
      ...ref,
      to: "screened",
      actor: PIPELINE_ACTOR,
      message: risk.signals.length ? `Screened: risk score ${risk.score}, below review` : "Screened: no risk signals",
    });
    return { outcome: "advanced", status: "screened" };
  });
}
