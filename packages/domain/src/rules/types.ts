import type { OrderFactName } from "./facts";

export const RULE_KINDS = ["routing", "allocation", "exception", "action"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_OPERATORS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "not_in",
  "contains",
  "not_contains",
  "between",
  "exists",
  "matches",
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** A money operand: integer minor units of an ISO 4217 currency. */
export interface RuleMoneyValue {
  amount: number;
  currency: string;
}

export type RuleConditionValue =
  | string
  | number
  | boolean
  | RuleMoneyValue
  | readonly string[]
  | readonly number[]
  | readonly [RuleMoneyValue, RuleMoneyValue];

/**
 * One comparison of a fact with an operand. `value` is absent only for `exists`
 * (meaning `true`); `ignoreCase` applies only to `matches`.
 */
export interface RuleCondition {
  field: OrderFactName;
  op: RuleOperator;
  value?: RuleConditionValue;
  ignoreCase?: boolean;
}

export type RuleConditionGroup = { all: readonly RuleConditionNode[] } | { any: readonly RuleConditionNode[] };
export type RuleConditionNode = RuleCondition | RuleConditionGroup;

export interface RoutingObjectiveWeights {
  cost: number;
  speed: number;
  carbon: number;
}

export type RoutingRuleAction =
  | { type: "use_carrier"; carrier: string; service?: string }
  | { type: "objective"; weights: RoutingObjectiveWeights };

export type AllocationRuleAction =
  | { type: "warehouse_priority"; warehouseCodes: readonly string[] }
  | { type: "nearest" }
  | { type: "cheapest" }
  | { type: "allow_split"; allowed: boolean };

export type ExceptionRuleAction = { type: "hold"; code: string; message: string };

export type ActionRuleAction =
  | { type: "tag"; tag: string }
  | { type: "notify"; channel: "email" | "webhook"; to: string }
  | { type: "set_incoterm"; incoterm: "DDP" | "DAP" };

export type RuleAction = RoutingRuleAction | AllocationRuleAction | ExceptionRuleAction | ActionRuleAction;

export interface RuleActionByKind {
  routing: RoutingRuleAction;
  allocation: AllocationRuleAction;
  exception: ExceptionRuleAction;
  action: ActionRuleAction;
}

interface RuleBase {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
  /** Lower runs first; ties keep the order of the rule set. */
  priority: number;
  when: RuleConditionGroup;
}

export interface RoutingRule extends RuleBase {
  kind: "routing";
  then: readonly RoutingRuleAction[];
}
export interface AllocationRule extends RuleBase {
  kind: "allocation";
  then: readonly AllocationRuleAction[];
}
export interface ExceptionRule extends RuleBase {
  kind: "exception";
  then: readonly ExceptionRuleAction[];
}
export interface ActionRule extends RuleBase {
  kind: "action";
  then: readonly ActionRuleAction[];
}

export type Rule = RoutingRule | AllocationRule | ExceptionRule | ActionRule;

/**
 * A tenant's rules. `version` is the published version; for a draft, the version it was
 * edited from (0 when there was none), so a stale draft can be refused at publish.
 */
export interface RuleSet {
  version: number;
  rules: readonly Rule[];
}

export function isConditionGroup(node: RuleConditionNode): node is RuleConditionGroup {
  return "all" in node || "any" in node;
}

export function groupChildren(group: RuleConditionGroup): readonly RuleConditionNode[] {
  return "all" in group ? group.all : group.any;
}
