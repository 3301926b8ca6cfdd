import { compilePattern, RULE_LIMITS } from "./conditions";
import { describeCondition } from "./describe";
import { type OrderFactName, type OrderFacts, orderFactField } from "./facts";
import { parseRuleSet } from "./schema";
import {
  groupChildren,
  isConditionGroup,
  type Rule,
  type RuleActionByKind,
  type RuleCondition,
  type RuleConditionNode,
  type RuleConditionValue,
  type RuleKind,
  type RuleMoneyValue,
  type RuleOperator,
  type RuleSet,
} from "./types";

/** A condition that held for the order, for the "why". */
export interface MatchedCondition {
  /** Where the condition sits in its rule, e.g. `when.all[1].any[0]`. */
  path: string;
  field: OrderFactName;
  op: RuleOperator;
  value?: RuleConditionValue;
  /** The fact as compared (a money fact in the operand's currency). */
  actual: unknown;
  /** "weight > 2,000 g" */
  text: string;
}

export interface RuleDecision<K extends RuleKind = RuleKind> {
  kind: K;
  ruleId: string;
  ruleName: string;
  /** Version of the rule set the rule belongs to. */
  ruleVersion: number;
  priority: number;
  actions: ReadonlyArray<RuleActionByKind[K]>;
  matched: readonly MatchedCondition[];
  /** The matched conditions as one sentence: "destination country is DE and weight > 2,000 g". */
  reason: string;
}

/**
 * Outcome of a rule set for one order. Routing and allocation: the first matching enabled
 * rule (lowest priority number, then rule-set order) or null. Exceptions and actions: every
 * matching enabled rule in that same order.
 */
export interface RuleEvaluation {
  version: number;
  routing: RuleDecision<"routing"> | null;
  allocation: RuleDecision<"allocation"> | null;
  exceptions: ReadonlyArray<RuleDecision<"exception">>;
  actions: ReadonlyArray<RuleDecision<"action">>;
}

type Test = (facts: OrderFacts) => boolean;

interface CompiledLeaf {
  leaf: true;
  test: Test;
  actual: (facts: OrderFacts) => unknown;
  condition: RuleCondition;
  path: string;
  text: string;
}

interface CompiledGroup {
  leaf: false;
  all: boolean;
  test: Test;
  children: readonly CompiledNode[];
}

type CompiledNode = CompiledLeaf | CompiledGroup;

interface CompiledRule<K extends RuleKind = RuleKind> {
  rule: Extract<Rule, { kind: K }>;
  when: CompiledGroup;
  /** The reason when it does not depend on the facts. */
  reason: string | null;
}

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly version: number;
  readonly byKind: { readonly [K in RuleKind]: ReadonlyArray<CompiledRule<K>> };
}

function moneyIn(facts: OrderFacts, currency: string): number | undefined {
  if (facts.currency === currency) return facts.orderValue;
  return facts.orderValueIn?.[currency];
}

function compileLeaf(condition: RuleCondition, path: string): CompiledLeaf {
  const name = condition.field;
  const type = orderFactField(name).type;
  const value = condition.value;
  const text = describeCondition(condition);

  if (condition.op === "exists") {
    const wanted = value !== false;
    const test: Test = (facts) => (facts[name] !== undefined && facts[name] !== null) === wanted;
    return { leaf: true, test, actual: (facts) => facts[name], condition, path, text };
  }

  if (type === "money") {
    const bounds = (condition.op === "between" ? value : [value, value]) as readonly [RuleMoneyValue, RuleMoneyValue];
    const currency = bounds[0].currency;
    const actual = (facts: OrderFacts) => {
      const amount = moneyIn(facts, currency);
      return amount === undefined ? undefined : { amount, currency };
    };
    const [lo, hi] = [bounds[0].amount, bounds[1].amount];
    const compare = numberTest(condition.op, lo, hi, []);
    const test: Test = (facts) => {
      const amount = moneyIn(facts, currency);
      return amount !== undefined && compare(amount);
    };
    return { leaf: true, test, actual, condition, path, text };
  }

  const actual = (facts: OrderFacts) => facts[name];
  const get = (facts: OrderFacts): unknown => facts[name];
  let test: Test;
  if (type === "number") {
    const [lo, hi] = (condition.op === "between" ? value : [value, value]) as readonly [number, number];
    const compare = numberTest(condition.op, lo, hi, Array.isArray(value) ? (value as number[]) : []);
    test = (facts) => {
      const v = get(facts);
      return typeof v === "number" && compare(v);
    };
  } else if (type === "boolean") {
    const wanted = condition.op === "eq" ? value : !value;
    test = (facts) => {
      const v = get(facts);
      return typeof v === "boolean" && v === wanted;
    };
  } else if (type === "string") {
    const compare = stringTest(condition);
    test = (facts) => {
      const v = get(facts);
      return typeof v === "string" && compare(v);
    };
  } else {
    const compare = listTest(condition);
    test = (facts) => {
      const v = get(facts);
      return Array.isArray(v) && compare(v);
    };
  }
  return { leaf: true, test, actual, condition, path, text };
}

function numberTest(op: RuleOperator, lo: number, hi: number, list: readonly number[]): (v: number) => boolean {
  switch (op) {
    case "eq":
      return (v) => v === lo;
    case "neq":
      return (v) => v !== lo;
    case "gt":
      return (v) => v > lo;
    case "gte":
      return (v) => v >= lo;
    case "lt":
      return (v) => v < lo;
    case "lte":
      return (v) => v <= lo;
    case "between":
      return (v) => v >= lo && v <= hi;
    case "in": {
      const set = new Set(list);
      return (v) => set.has(v);
    }
    case "not_in": {
      const set = new Set(list);
      return (v) => !set.has(v);
    }
    default:
      throw new Error(`Operator ${op} does not apply to numbers`);
  }
}

function matcher(condition: RuleCondition): (v: string) => boolean {
  const pattern = compilePattern(condition.value as string, condition.ignoreCase);
  return (v) => v.length <= RULE_LIMITS.maxMatchInput && pattern.test(v);
}

function stringTest(condition: RuleCondition): (v: string) => boolean {
  const value = condition.value;
  switch (condition.op) {
    case "eq":
      return (v) => v === value;
    case "neq":
      return (v) => v !== value;
    case "in": {
      const set = new Set(value as readonly string[]);
      return (v) => set.has(v);
    }
    case "not_in": {
      const set = new Set(value as readonly string[]);
      return (v) => !set.has(v);
    }
    case "contains":
      return (v) => v.includes(value as string);
    case "not_contains":
      return (v) => !v.includes(value as string);
    case "matches":
      return matcher(condition);
    default:
      throw new Error(`Operator ${condition.op} does not apply to text`);
  }
}

function listTest(condition: RuleCondition): (v: readonly unknown[]) => boolean {
  const value = condition.value;
  switch (condition.op) {
    case "contains":
      return (v) => v.includes(value);
    case "not_contains":
      return (v) => !v.includes(value);
    case "in": {
      const set = new Set(value as readonly string[]);
      return (v) => v.some((item) => set.has(item as string));
    }
    case "not_in": {
      const set = new Set(value as readonly string[]);
      return (v) => !v.some((item) => set.has(item as string));
    }
    case "matches": {
      const matches = matcher(condition);
      return (v) => v.some((item) => typeof item === "string" && matches(item));
    }
    default:
      throw new Error(`Operator ${condition.op} does not apply to lists`);
  }
}

function compileNode(node: RuleConditionNode, path: string): CompiledNode {
  if (!isConditionGroup(node)) return compileLeaf(node, path);
  const all = "all" in node;
  const children = groupChildren(node).map((child, index) =>
    compileNode(child, `${path}.${all ? "all" : "any"}[${index}]`),
  );
  const tests = children.map((c) => c.test);
  const test: Test = all
    ? (facts) => {
        for (const t of tests) if (!t(facts)) return false;
        return true;
      }
    : (facts) => {
        for (const t of tests) if (t(facts)) return true;
        return false;
      };
  return { leaf: false, all, test, children };
}

const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();

/**
 * Validates and compiles a rule set into closures for fast repeated evaluation. Throws
 * on an invalid set (use parseRuleSet first for field-level errors). Cached per rule-set
 * object: rule sets are immutable values.
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const cached = compiledCache.get(ruleSet);
  if (cached) return cached;
  const parsed = parseRuleSet(ruleSet);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new Error(
      `Invalid rule set: ${first ? `${first.path || "(document)"}: ${first.message}` : "unknown error"}` +
        (parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ""),
    );
  }
  const ordered = parsed.ruleSet.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled)
    .sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index);
  const byKind = { routing: [], allocation: [], exception: [], action: [] } as {
    [K in RuleKind]: CompiledRule<K>[];
  };
  for (const { rule } of ordered) {
    const when = compileNode(rule.when, "when") as CompiledGroup;
    (byKind[rule.kind] as CompiledRule[]).push({ rule, when, reason: staticReason(when) });
  }
  const compiled: CompiledRuleSet = { ruleSet, version: ruleSet.version, byKind };
  compiledCache.set(ruleSet, compiled);
  return compiled;
}

export const ALWAYS_REASON = "applies to every order (no conditions)";

function explain(node: CompiledNode, facts: OrderFacts, into: MatchedCondition[]): void {
  if (node.leaf) {
    const { condition } = node;
    // one object shape for every leaf (value may be undefined, for exists) keeps this path monomorphic
    into.push({
      path: node.path,
      field: condition.field,
      op: condition.op,
      value: condition.value,
      actual: node.actual(facts),
      text: node.text,
    });
    return;
  }
  if (node.all) {
    for (const child of node.children) explain(child, facts, into);
    return;
  }
  for (const child of node.children) {
    if (child.test(facts)) {
      explain(child, facts, into);
      return;
    }
  }
}

/** A tree without a choice (no "any" of two or more) always explains with the same conditions. */
function hasChoice(node: CompiledNode): boolean {
  if (node.leaf) return false;
  if (!node.all && node.children.length > 1) return true;
  return node.children.some(hasChoice);
}

function staticReason(node: CompiledGroup): string | null {
  if (hasChoice(node)) return null;
  const texts: string[] = [];
  const collect = (n: CompiledNode) => {
    if (n.leaf) texts.push(n.text);
    else for (const child of n.children) collect(child);
  };
  collect(node);
  return texts.length > 0 ? texts.join(" and ") : ALWAYS_REASON;
}

function decide<K extends RuleKind>(
  compiled: CompiledRule<K>,
  kind: K,
  version: number,
  facts: OrderFacts,
): RuleDecision<K> {
  const matched: MatchedCondition[] = [];
  explain(compiled.when, facts, matched);
  const rule = compiled.rule;
  return {
    kind,
    ruleId: rule.id,
    ruleName: rule.name,
    ruleVersion: version,
    priority: rule.priority,
    actions: rule.then as ReadonlyArray<RuleActionByKind[K]>,
    matched,
    reason: compiled.reason ?? (matched.length > 0 ? matched.map((m) => m.text).join(" and ") : ALWAYS_REASON),
  };
}

function first<K extends RuleKind>(set: CompiledRuleSet, kind: K, facts: OrderFacts): RuleDecision<K> | null {
  for (const compiled of set.byKind[kind]) {
    if (compiled.when.test(facts)) return decide(compiled, kind, set.version, facts);
  }
  return null;
}

function every<K extends RuleKind>(set: CompiledRuleSet, kind: K, facts: OrderFacts): RuleDecision<K>[] {
  const decisions: RuleDecision<K>[] = [];
  for (const compiled of set.byKind[kind]) {
    if (compiled.when.test(facts)) decisions.push(decide(compiled, kind, set.version, facts));
  }
  return decisions;
}

function isCompiled(value: RuleSet | CompiledRuleSet): value is CompiledRuleSet {
  return "byKind" in value;
}

/**
 * Runs a rule set over one order's facts. Pure: the same inputs give the same output and
 * nothing is mutated. A plain rule set is validated and compiled on first use and the
 * compiled form is reused for that same object, so treat rule sets as immutable (those
 * from parseRuleSet are frozen); pass compileRuleSet's result to make that explicit.
 */
export function evaluateRules(ruleSet: RuleSet | CompiledRuleSet, facts: OrderFacts): RuleEvaluation {
  const set = isCompiled(ruleSet) ? ruleSet : compileRuleSet(ruleSet);
  return {
    version: set.version,
    routing: first(set, "routing", facts),
    allocation: first(set, "allocation", facts),
    exceptions: every(set, "exception", facts),
    actions: every(set, "action", facts),
  };
}

/** Every decision of an evaluation in a fixed order (routing, allocation, exceptions, actions), e.g. to store. */
export function listRuleDecisions(evaluation: RuleEvaluation): RuleDecision[] {
  const out: RuleDecision[] = [];
  if (evaluation.routing) out.push(evaluation.routing);
  if (evaluation.allocation) out.push(evaluation.allocation);
  out.push(...evaluation.exceptions, ...evaluation.actions);
  return out;
}
