import { isCountry } from "../country";
import { isCurrency } from "../currency";
import {
  isOrderFactName,
  ORDER_FACT_NAMES,
  type OrderFactDomain,
  type OrderFactField,
  type OrderFactType,
  orderFactField,
  TRADE_REGIONS,
} from "./facts";
import {
  RULE_OPERATORS,
  type RuleCondition,
  type RuleConditionGroup,
  type RuleConditionNode,
  type RuleConditionValue,
  type RuleOperator,
} from "./types";

export const RULE_LIMITS = {
  /** Groups inside groups: `when` is depth 1. */
  maxGroupDepth: 4,
  maxConditionsPerRule: 50,
  maxChildrenPerGroup: 25,
  maxListOperand: 500,
  maxStringOperand: 200,
  /** A `matches` pattern longer than this is refused: short patterns keep backtracking bounded. */
  maxPatternLength: 100,
  /** Fact strings longer than this never match a pattern. */
  maxMatchInput: 128,
} as const;

export const OPERATORS_BY_FACT_TYPE: Record<OrderFactType, readonly RuleOperator[]> = {
  string: ["eq", "neq", "in", "not_in", "contains", "not_contains", "matches", "exists"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "not_in", "exists"],
  money: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"],
  boolean: ["eq", "neq", "exists"],
  string_list: ["contains", "not_contains", "in", "not_in", "matches", "exists"],
};

const TYPE_NOUN: Record<OrderFactType, string> = {
  string: "a text fact",
  number: "a number fact",
  money: "a money fact",
  boolean: "a yes/no fact",
  string_list: "a list of texts",
};

export interface ConditionIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const MAX_UNBOUNDED_QUANTIFIERS = 3;

/**
 * Why a pattern could backtrack catastrophically, or null. Besides the length limit it
 * refuses backreferences, a repeated group that holds a quantifier or an alternation
 * ((a+)+, (a|aa)*, (x{2,})+) and more than a few unbounded quantifiers (a*a*a*a*b),
 * which with the input limit keeps the worst case to a few hundred thousand steps.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > RULE_LIMITS.maxPatternLength) {
    return `a pattern is at most ${RULE_LIMITS.maxPatternLength} characters`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return "backreferences are not allowed in patterns";
  const groups: Array<{ risky: boolean }> = [];
  let inClass = false;
  let unbounded = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") groups.push({ risky: false });
    else if (ch === "*" || ch === "+" || ch === "{" || ch === "|") {
      if (ch === "*" || ch === "+" || (ch === "{" && /^\{\d*,\}/.test(pattern.slice(i)))) unbounded++;
      const top = groups[groups.length - 1];
      if (top) top.risky = true;
    } else if (ch === ")") {
      const group = groups.pop();
      const next = pattern[i + 1];
      const repeated = next === "*" || next === "+" || next === "{";
      if (group?.risky && repeated) {
        return "a repeated group may not contain a quantifier or an alternation, e.g. (a+)+ or (a|b)*";
      }
      const outer = groups[groups.length - 1];
      if (outer && group?.risky) outer.risky = true;
    }
  }
  if (unbounded > MAX_UNBOUNDED_QUANTIFIERS) {
    return `a pattern has at most ${MAX_UNBOUNDED_QUANTIFIERS} unbounded quantifiers (*, +, {n,})`;
  }
  return null;
}

export function compilePattern(pattern: string, ignoreCase: boolean | undefined): RegExp {
  return new RegExp(pattern, ignoreCase ? "iu" : "u");
}

function checkDomainString(domain: OrderFactDomain | undefined, value: string): string | null {
  if (domain === "country" && !isCountry(value)) {
    return `${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code (upper case, e.g. "DE")`;
  }
  if (domain === "region" && !(TRADE_REGIONS as readonly string[]).includes(value)) {
    return `${JSON.stringify(value)} is not a region; use one of ${TRADE_REGIONS.join(", ")}`;
  }
  if (domain === "currency" && !isCurrency(value)) {
    return `${JSON.stringify(value)} is not an ISO 4217 currency code (upper case, e.g. "EUR")`;
  }
  return null;
}

type Scalar = "string" | "number" | "boolean" | "money";

function scalarOf(type: OrderFactType): Scalar {
  return type === "string_list" ? "string" : type;
}

/** Checks one scalar operand against what the fact holds; returns a message or null. */
function checkScalar(field: OrderFactField, name: string, op: string, scalar: Scalar, value: unknown): string | null {
  const expected = scalar === "money" ? 'a money value {"amount": <minor units>, "currency": "EUR"}' : `a ${scalar}`;
  const wrong = () => `${name} is ${TYPE_NOUN[field.type]}: "${op}" needs ${expected}, got ${describeValue(value)}`;
  switch (scalar) {
    case "string": {
      if (typeof value !== "string") return wrong();
      if (value.length === 0) return "the text must not be empty";
      if (value.length > RULE_LIMITS.maxStringOperand) {
        return `the text is at most ${RULE_LIMITS.maxStringOperand} characters`;
      }
      return checkDomainString(field.domain, value);
    }
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return wrong();
      return null;
    case "boolean":
      return typeof value === "boolean" ? null : wrong();
    case "money": {
      if (!isPlainObject(value)) return wrong();
      const extra = Object.keys(value).filter((k) => k !== "amount" && k !== "currency");
      if (extra.length > 0) return `a money value has only "amount" and "currency", not ${extra.join(", ")}`;
      if (!(typeof value.amount === "number" && Number.isSafeInteger(value.amount) && value.amount >= 0)) {
        return "amount must be a non-negative integer in minor units (5000 = 50.00 EUR)";
      }
      if (typeof value.currency !== "string" || !isCurrency(value.currency)) {
        return `${describeValue(value.currency)} is not an ISO 4217 currency code (upper case, e.g. "EUR")`;
      }
      return null;
    }
  }
}

function compareScalars(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (isPlainObject(a) && isPlainObject(b)) return (a.amount as number) - (b.amount as number);
  return 0;
}

/** Type-checks an operand against its fact and operator. Paths are relative to the condition. */
function checkOperand(condition: {
  field: string;
  op: string;
  value?: unknown;
  ignoreCase?: boolean;
}): ConditionIssue[] {
  if (!isOrderFactName(condition.field)) return [];
  const field = orderFactField(condition.field);
  const op = condition.op as RuleOperator;
  const name = condition.field;
  const allowed = OPERATORS_BY_FACT_TYPE[field.type];
  if (!allowed.includes(op)) {
    return [
      {
        path: ["op"],
        message: `"${op}" does not apply to ${name} (${TYPE_NOUN[field.type]}); use one of ${allowed.join(", ")}`,
      },
    ];
  }
  const issues: ConditionIssue[] = [];
  const at = (message: string | null, ...path: Array<string | number>) => {
    if (message) issues.push({ path: ["value", ...path], message });
  };
  if (condition.ignoreCase !== undefined && op !== "matches") {
    issues.push({ path: ["ignoreCase"], message: 'ignoreCase applies only to "matches"' });
  }
  const value = condition.value;
  if (op === "exists") {
    if (value !== undefined && typeof value !== "boolean") {
      at(`"exists" takes true (the fact is known) or false (it is not), got ${describeValue(value)}`);
    }
    return issues;
  }
  if (value === undefined) {
    issues.push({ path: ["value"], message: `"${op}" needs a value to compare ${name} with` });
    return issues;
  }
  const scalar = scalarOf(field.type);
  switch (op) {
    case "eq":
    case "neq":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      at(checkScalar(field, name, op, scalar, value));
      break;
    case "contains":
    case "not_contains":
      at(checkScalar(field, name, op, "string", value));
      break;
    case "between": {
      if (!Array.isArray(value) || value.length !== 2) {
        at(`"between" needs [min, max], got ${describeValue(value)}`);
        break;
      }
      const before = issues.length;
      value.forEach((v, i) => {
        at(checkScalar(field, name, op, scalar, v), i);
      });
      if (issues.length > before) break;
      if (scalar === "money" && (value[0] as { currency: string }).currency !== value[1].currency) {
        at("both ends of a money range use the same currency", 1, "currency");
      } else if (compareScalars(value[0], value[1]) > 0) {
        at("the range's minimum is greater than its maximum");
      }
      break;
    }
    case "in":
    case "not_in": {
      if (!Array.isArray(value) || value.length === 0) {
        at(`"${op}" needs a non-empty list, got ${describeValue(value)}`);
        break;
      }
      if (value.length > RULE_LIMITS.maxListOperand) {
        at(`a list has at most ${RULE_LIMITS.maxListOperand} values`);
        break;
      }
      value.forEach((v, i) => {
        at(checkScalar(field, name, op, scalar, v), i);
      });
      break;
    }
    case "matches": {
      if (typeof value !== "string" || value.length === 0) {
        at(`"matches" needs a regular expression as text, got ${describeValue(value)}`);
        break;
      }
      const unsafe = unsafePatternReason(value);
      if (unsafe) {
        at(unsafe);
        break;
      }
      try {
        compilePattern(value, condition.ignoreCase);
      } catch (error) {
        at(`not a valid regular expression: ${(error as Error).message}`);
      }
      break;
    }
  }
  return issues;
}

const CONDITION_KEYS = new Set(["field", "op", "value", "ignoreCase"]);

interface WalkState {
  issues: ConditionIssue[];
  conditions: number;
}

function validateCondition(
  raw: Record<string, unknown>,
  path: Array<string | number>,
  state: WalkState,
): RuleCondition | undefined {
  const issues: ConditionIssue[] = [];
  for (const key of Object.keys(raw)) {
    if (!CONDITION_KEYS.has(key)) {
      issues.push({
        path: [...path, key],
        message: `unknown key "${key}" in a condition (field, op, value, ignoreCase)`,
      });
    }
  }
  const { field, op, value, ignoreCase } = raw;
  if (typeof field !== "string" || !isOrderFactName(field)) {
    issues.push({
      path: [...path, "field"],
      message:
        typeof field === "string"
          ? `unknown fact "${field}"; known facts are ${ORDER_FACT_NAMES.join(", ")}`
          : "a condition needs a field naming an order fact",
    });
  }
  if (typeof op !== "string" || !(RULE_OPERATORS as readonly string[]).includes(op)) {
    issues.push({
      path: [...path, "op"],
      message:
        typeof op === "string"
          ? `unknown operator "${op}"; use one of ${RULE_OPERATORS.join(", ")}`
          : "a condition needs an op",
    });
  }
  if (ignoreCase !== undefined && typeof ignoreCase !== "boolean") {
    issues.push({ path: [...path, "ignoreCase"], message: "ignoreCase is true or false" });
  }
  if (issues.length === 0) {
    for (const issue of checkOperand(raw as { field: string; op: string; value?: unknown; ignoreCase?: boolean })) {
      issues.push({ path: [...path, ...issue.path], message: issue.message });
    }
  }
  if (issues.length > 0) {
    state.issues.push(...issues);
    return undefined;
  }
  const condition: RuleCondition = { field: field as RuleCondition["field"], op: op as RuleOperator };
  if (value !== undefined) condition.value = value as RuleConditionValue;
  if (ignoreCase !== undefined) condition.ignoreCase = ignoreCase as boolean;
  return condition;
}

function validateNode(
  raw: unknown,
  path: Array<string | number>,
  depth: number,
  state: WalkState,
): RuleConditionNode | undefined {
  if (!isPlainObject(raw)) {
    state.issues.push({
      path,
      message: `expected a condition {"field", "op", "value"} or a group {"all": [...]} / {"any": [...]}, got ${describeValue(raw)}`,
    });
    return undefined;
  }
  if ("all" in raw || "any" in raw) return validateGroup(raw, path, depth + 1, state);
  state.conditions++;
  if (state.conditions === RULE_LIMITS.maxConditionsPerRule + 1) {
    state.issues.push({ path, message: `a rule has at most ${RULE_LIMITS.maxConditionsPerRule} conditions` });
  }
  return validateCondition(raw, path, state);
}

function validateGroup(
  raw: unknown,
  path: Array<string | number>,
  depth: number,
  state: WalkState,
): RuleConditionGroup | undefined {
  if (!isPlainObject(raw)) {
    state.issues.push({
      path,
      message: `expected a group {"all": [...]} or {"any": [...]}, got ${describeValue(raw)}`,
    });
    return undefined;
  }
  const keys = Object.keys(raw);
  if (keys.length !== 1 || (keys[0] !== "all" && keys[0] !== "any")) {
    state.issues.push({
      path,
      message: `a group has exactly one key, "all" or "any"; got ${keys.length ? keys.map((k) => `"${k}"`).join(", ") : "none"}`,
    });
    return undefined;
  }
  const key = keys[0] as "all" | "any";
  const children = raw[key];
  if (depth > RULE_LIMITS.maxGroupDepth) {
    state.issues.push({ path, message: `groups nest at most ${RULE_LIMITS.maxGroupDepth} deep` });
    return undefined;
  }
  if (!Array.isArray(children)) {
    state.issues.push({ path: [...path, key], message: `"${key}" holds a list of conditions or groups` });
    return undefined;
  }
  if (key === "any" && children.length === 0) {
    state.issues.push({
      path: [...path, key],
      message: '"any" needs at least one condition (an empty "any" never matches)',
    });
    return undefined;
  }
  if (children.length > RULE_LIMITS.maxChildrenPerGroup) {
    state.issues.push({
      path: [...path, key],
      message: `a group holds at most ${RULE_LIMITS.maxChildrenPerGroup} entries`,
    });
    return undefined;
  }
  const nodes: RuleConditionNode[] = [];
  let complete = true;
  children.forEach((child, index) => {
    const node = validateNode(child, [...path, key, index], depth, state);
    if (node) nodes.push(node);
    else complete = false;
  });
  if (!complete) return undefined;
  return key === "all" ? { all: nodes } : { any: nodes };
}

/** Validates a rule's `when`: a group whose conditions name known facts with operands of the right type. */
export function validateConditionGroup(
  raw: unknown,
): { ok: true; group: RuleConditionGroup } | { ok: false; issues: ConditionIssue[] } {
  const state: WalkState = { issues: [], conditions: 0 };
  const group = validateGroup(raw, [], 1, state);
  if (group && state.issues.length === 0) return { ok: true, group };
  return { ok: false, issues: state.issues };
}
