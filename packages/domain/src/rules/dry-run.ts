import { describeRuleAction } from "./describe";
import { compileRuleSet, evaluateRules, type RuleDecision, type RuleEvaluation } from "./evaluate";
import type { OrderFacts } from "./facts";
import { RULE_KINDS, type RuleKind, type RuleSet } from "./types";
import { canonicalJson } from "./versioning";

export interface DryRunKindChange {
  kind: RuleKind;
  /** The outcome as phrases ("use carrier ups"); empty when no rule of the kind matched. */
  current: string[];
  draft: string[];
  currentRuleIds: string[];
  draftRuleIds: string[];
}

export interface DryRunOrderResult {
  orderId: string;
  current: RuleEvaluation;
  draft: RuleEvaluation;
  /** Whether any kind's outcome (its actions) differs. */
  changed: boolean;
  /** One entry per kind whose outcome differs, in kind order. */
  changes: DryRunKindChange[];
  /** Kinds with the same outcome reached through other rules or conditions (only the "why" changes). */
  reasonChanged: RuleKind[];
}

export interface DryRunSummary {
  orders: number;
  changed: number;
  unchanged: number;
  /** Orders whose outcome changes, per kind. */
  byKind: Record<RuleKind, number>;
  /** Orders with no hold under the current rules and one under the draft. */
  newlyHeld: number;
  /** Orders held under the current rules and not under the draft. */
  released: number;
}

export interface DryRunReport {
  /** null when nothing is published yet. */
  currentVersion: number | null;
  draftVersion: number;
  orders: DryRunOrderResult[];
  summary: DryRunSummary;
}

function decisionsOf(evaluation: RuleEvaluation, kind: RuleKind): readonly RuleDecision[] {
  switch (kind) {
    case "routing":
      return evaluation.routing ? [evaluation.routing] : [];
    case "allocation":
      return evaluation.allocation ? [evaluation.allocation] : [];
    case "exception":
      return evaluation.exceptions;
    case "action":
      return evaluation.actions;
  }
}

/**
 * An outcome comparable across rule sets. Exceptions and actions are compared as a set:
 * holding for the same reasons in another order is no change.
 */
function outcomeOf(decisions: readonly RuleDecision[], kind: RuleKind): { key: string; phrases: string[] } {
  const actions = decisions.flatMap((d) => d.actions);
  const phrases = actions.map(describeRuleAction);
  if (kind === "routing" || kind === "allocation") return { key: canonicalJson(actions), phrases };
  const keyed = actions.map((a, i) => ({ key: canonicalJson(a), phrase: phrases[i] ?? "" }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { key: keyed.map((k) => k.key).join("\n"), phrases: keyed.map((k) => k.phrase) };
}

function whyOf(decisions: readonly RuleDecision[]): string {
  return canonicalJson(decisions.map((d) => `${d.ruleId}: ${d.reason}`).sort());
}

const EMPTY_SET: RuleSet = Object.freeze({ version: 0, rules: Object.freeze([]) });

/**
 * Runs the published rule set and a draft over the same orders' facts and reports which
 * decisions would change, so a draft can be judged before it is published.
 */
export function dryRun(
  currentSet: RuleSet | null,
  draftSet: RuleSet,
  factsList: ReadonlyArray<{ orderId: string; facts: OrderFacts }>,
): DryRunReport {
  const current = compileRuleSet(currentSet ?? EMPTY_SET);
  const draft = compileRuleSet(draftSet);
  const byKind: Record<RuleKind, number> = { routing: 0, allocation: 0, exception: 0, action: 0 };
  let changedOrders = 0;
  let newlyHeld = 0;
  let released = 0;

  const orders = factsList.map(({ orderId, facts }): DryRunOrderResult => {
    const before = evaluateRules(current, facts);
    const after = evaluateRules(draft, facts);
    const changes: DryRunKindChange[] = [];
    const reasonChanged: RuleKind[] = [];
    for (const kind of RULE_KINDS) {
      const beforeDecisions = decisionsOf(before, kind);
      const afterDecisions = decisionsOf(after, kind);
      const a = outcomeOf(beforeDecisions, kind);
      const b = outcomeOf(afterDecisions, kind);
      const currentRuleIds = beforeDecisions.map((d) => d.ruleId);
      const draftRuleIds = afterDecisions.map((d) => d.ruleId);
      if (a.key !== b.key) {
        changes.push({ kind, current: a.phrases, draft: b.phrases, currentRuleIds, draftRuleIds });
        byKind[kind]++;
      } else if (whyOf(beforeDecisions) !== whyOf(afterDecisions)) {
        reasonChanged.push(kind);
      }
    }
    const heldBefore = before.exceptions.length > 0;
    const heldAfter = after.exceptions.length > 0;
    if (!heldBefore && heldAfter) newlyHeld++;
    if (heldBefore && !heldAfter) released++;
    if (changes.length > 0) changedOrders++;
    return { orderId, current: before, draft: after, changed: changes.length > 0, changes, reasonChanged };
  });

  return {
    currentVersion: currentSet ? currentSet.version : null,
    draftVersion: draftSet.version,
    orders,
    summary: {
      orders: orders.length,
      changed: changedOrders,
      unchanged: orders.length - changedOrders,
      byKind,
      newlyHeld,
      released,
    },
  };
}
