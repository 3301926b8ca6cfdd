import { currencyExponent } from "@crossflow/i18n";

// The rules editor's model (docs/app-api.md "Rules editor", packages/domain/src/rules). The
// editor works on drafts of strings, so half-typed values survive; `toRule` turns a draft into
// the API's Rule JSON, passing unparseable input through so the API names the exact field.

export const RULE_KINDS = ["routing", "allocation", "exception", "action"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export type FactType = "string" | "number" | "money" | "boolean" | "string_list";

export interface FactInfo {
  type: FactType;
  label: string;
  unit?: string;
  domain?: string;
  whenTrue?: string;
  whenFalse?: string;
}

export type Operator =
  | "eq"
  | "neq"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "in"
  | "not_in"
  | "contains"
  | "not_contains"
  | "between"
  | "exists"
  | "matches";

/** Mirrors OPERATORS_BY_FACT_TYPE in packages/domain/src/rules/conditions.ts. */
export const OPERATORS_BY_TYPE: Record<FactType, readonly Operator[]> = {
  string: ["eq", "neq", "in", "not_in", "contains", "not_contains", "matches", "exists"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "not_in", "exists"],
  money: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"],
  boolean: ["eq", "neq", "exists"],
  string_list: ["contains", "not_contains", "in", "not_in", "matches", "exists"],
};

/** Carriers with rate cards in packages/domain/src/shipping. */
export const CARRIERS = ["dhl_express", "ups", "fedex", "usps", "4px", "yanwen"] as const;
const CARRIER_NAMES: Record<string, string> = {
  dhl_express: "DHL Express",
  ups: "UPS",
  fedex: "FedEx",
  usps: "USPS",
  "4px": "4PX",
  yanwen: "Yanwen",
};
export function carrierName(code: string): string {
  return CARRIER_NAMES[code] ?? code;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Condition {
  field: string;
  op: Operator;
  value?: unknown;
  ignoreCase?: boolean;
}
export type ConditionGroup = { all: ConditionNode[] } | { any: ConditionNode[] };
export type ConditionNode = Condition | ConditionGroup;

export type RuleAction = { type: string } & Record<string, unknown>;

export interface Rule {
  id: string;
  name: string;
  description?: string;
  kind: RuleKind;
  enabled: boolean;
  priority: number;
  when: ConditionGroup;
  then: RuleAction[];
}

export interface RulesOverview {
  published: { version: number; rules: Rule[]; publishedAt: string; publishedBy: string } | null;
  draft: { baseVersion: number; rules: Rule[]; savedAt: string; savedBy: string } | null;
  versions: Array<{ version: number; publishedAt: string; publishedBy: string; ruleCount: number }>;
  facts: Record<string, FactInfo>;
  operators: string[];
}

export interface DryRunChange {
  kind: string;
  current: string[];
  draft: string[];
}

export interface DryRunResult {
  currentVersion: number | null;
  draftVersion: number | null;
  orders: Array<{ orderId: string; orderNumber: string; changed: boolean; changes: DryRunChange[] }>;
  summary: {
    orders: number;
    changed: number;
    unchanged: number;
    byKind: Record<string, number>;
    newlyHeld: number;
    released: number;
  };
}

export interface PathError {
  path: string;
  message: string;
}

export function isGroup(node: ConditionNode): node is ConditionGroup {
  return "all" in node || "any" in node;
}

export function groupChildren(group: ConditionGroup): ConditionNode[] {
  return "all" in group ? group.all : group.any;
}

// ---------- Drafts ----------

export interface ConditionDraft {
  key: string;
  field: string;
  op: Operator;
  /** Text as typed: a number, a text, a comma-separated list, "true"/"false", a major-unit amount. */
  value: string;
  /** The upper end of "between". */
  value2: string;
  currency: string;
  /** A nested group the editor shows but does not edit. */
  group?: ConditionGroup;
}

export interface RuleDraft {
  key: string;
  /** The rule's id; empty for a rule not yet saved (derived from the name). */
  id: string;
  name: string;
  description?: string;
  kind: RuleKind;
  enabled: boolean;
  priority: string;
  match: "all" | "any";
  conditions: ConditionDraft[];
  // Actions, by kind.
  routingMode: "use_carrier" | "objective";
  carrier: string;
  service: string;
  cost: string;
  speed: string;
  carbon: string;
  allocationMode: "" | "warehouse_priority" | "nearest" | "cheapest";
  warehouseCodes: string;
  split: "" | "yes" | "no";
  holdCode: string;
  holdMessage: string;
  tags: string;
  /** Actions the editor does not offer (notify, set_incoterm), kept as they are. */
  otherActions: RuleAction[];
}

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

function majorUnits(money: Money): string {
  const exponent = currencyExponent(money.currency);
  return (money.amount / 10 ** exponent).toFixed(exponent);
}

/** "12.50" EUR → 1250; not a number → the text itself, for the API to refuse at its path. */
export function minorUnits(text: string, currency: string): number | string {
  const trimmed = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return text;
  const exponent = currencyExponent(currency || "EUR");
  return Math.round(Number(trimmed) * 10 ** exponent);
}

function isMoney(value: unknown): value is Money {
  return typeof value === "object" && value !== null && "amount" in value && "currency" in value;
}

function listText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(", ") : value === undefined ? "" : String(value);
}

export function conditionDraft(node: ConditionNode, facts: Record<string, FactInfo>): ConditionDraft {
  const key = newKey();
  if (isGroup(node)) return { key, field: "", op: "eq", value: "", value2: "", currency: "EUR", group: node };
  const type = facts[node.field]?.type ?? "string";
  const draft: ConditionDraft = { key, field: node.field, op: node.op, value: "", value2: "", currency: "EUR" };
  const value = node.value;
  if (node.op === "exists") draft.value = value === false ? "false" : "true";
  else if (node.op === "between" && Array.isArray(value)) {
    const [low, high] = value as unknown[];
    if (type === "money" && isMoney(low) && isMoney(high)) {
      draft.value = majorUnits(low);
      draft.value2 = majorUnits(high);
      draft.currency = low.currency;
    } else {
      draft.value = String(low ?? "");
      draft.value2 = String(high ?? "");
    }
  } else if (type === "money" && isMoney(value)) {
    draft.value = majorUnits(value);
    draft.currency = value.currency;
  } else draft.value = listText(value);
  return draft;
}

export function emptyCondition(facts: Record<string, FactInfo>): ConditionDraft {
  const field = Object.keys(facts)[0] ?? "destinationCountry";
  const type = facts[field]?.type ?? "string";
  return { key: newKey(), field, op: OPERATORS_BY_TYPE[type][0] ?? "eq", value: "", value2: "", currency: "EUR" };
}

export function ruleDraft(rule: Rule, facts: Record<string, FactInfo>): RuleDraft {
  const match = "any" in rule.when ? "any" : "all";
  const draft = emptyRule(rule.kind, facts);
  Object.assign(draft, {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    enabled: rule.enabled,
    priority: String(rule.priority),
    match,
    conditions: groupChildren(rule.when).map((node) => conditionDraft(node, facts)),
  });
  for (const action of rule.then) {
    const a = action as Record<string, unknown>;
    switch (action.type) {
      case "use_carrier":
        draft.routingMode = "use_carrier";
        draft.carrier = String(a.carrier ?? "");
        draft.service = String(a.service ?? "");
        break;
      case "objective": {
        const weights = (a.weights ?? {}) as Record<string, number>;
        draft.routingMode = "objective";
        draft.cost = String(weights.cost ?? 0);
        draft.speed = String(weights.speed ?? 0);
        draft.carbon = String(weights.carbon ?? 0);
        break;
      }
      case "warehouse_priority":
        draft.allocationMode = "warehouse_priority";
        draft.warehouseCodes = listText(a.warehouseCodes);
        break;
      case "nearest":
      case "cheapest":
        draft.allocationMode = action.type;
        break;
      case "allow_split":
        draft.split = a.allowed ? "yes" : "no";
        break;
      case "hold":
        draft.holdCode = String(a.code ?? "");
        draft.holdMessage = String(a.message ?? "");
        break;
      case "tag":
        draft.tags = draft.tags ? `${draft.tags}, ${String(a.tag)}` : String(a.tag);
        break;
      default:
        draft.otherActions.push(action);
    }
  }
  return draft;
}

export function emptyRule(kind: RuleKind, facts: Record<string, FactInfo>, priority = 10): RuleDraft {
  return {
    key: newKey(),
    id: "",
    name: "",
    kind,
    enabled: true,
    priority: String(priority),
    match: "all",
    conditions: [emptyCondition(facts)],
    routingMode: "use_carrier",
    carrier: "dhl_express",
    service: "",
    cost: "0.6",
    speed: "0.3",
    carbon: "0.1",
    allocationMode: "warehouse_priority",
    warehouseCodes: "",
    split: "",
    holdCode: "",
    holdMessage: "",
    tags: "",
    otherActions: [],
  };
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A number as typed, or the text itself so the API refuses it at its path. */
function numberOr(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

function operand(text: string, type: FactType, currency: string): unknown {
  switch (type) {
    case "number":
      return numberOr(text);
    case "money":
      return { amount: minorUnits(text, currency), currency: currency.trim().toUpperCase() };
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text.trim();
  }
}

export function toCondition(draft: ConditionDraft, facts: Record<string, FactInfo>): ConditionNode {
  if (draft.group) return draft.group;
  const type = facts[draft.field]?.type ?? "string";
  const condition: Condition = { field: draft.field, op: draft.op };
  switch (draft.op) {
    case "exists":
      condition.value = draft.value !== "false";
      break;
    case "between":
      condition.value = [operand(draft.value, type, draft.currency), operand(draft.value2, type, draft.currency)];
      break;
    case "in":
    case "not_in":
      condition.value = splitList(draft.value).map((item) =>
        operand(item, type === "string_list" ? "string" : type, ""),
      );
      break;
    case "contains":
    case "not_contains":
    case "matches":
      condition.value = draft.value.trim();
      break;
    default:
      condition.value = operand(draft.value, type, draft.currency);
  }
  return condition;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 48) || "rule"
  );
}

/** The rule a draft stands for; `taken` holds the ids already used, to derive a new rule's id. */
export function toRule(draft: RuleDraft, facts: Record<string, FactInfo>, taken: Set<string>): Rule {
  let id = draft.id;
  if (!id) {
    const base = slug(draft.name);
    id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  }
  taken.add(id);
  const then: RuleAction[] = [];
  switch (draft.kind) {
    case "routing":
      if (draft.routingMode === "use_carrier")
        then.push({
          type: "use_carrier",
          carrier: draft.carrier,
          ...(draft.service.trim() ? { service: draft.service.trim() } : {}),
        });
      else
        then.push({
          type: "objective",
          weights: { cost: numberOr(draft.cost), speed: numberOr(draft.speed), carbon: numberOr(draft.carbon) },
        });
      break;
    case "allocation":
      if (draft.allocationMode === "warehouse_priority")
        then.push({ type: "warehouse_priority", warehouseCodes: splitList(draft.warehouseCodes.toUpperCase()) });
      else if (draft.allocationMode) then.push({ type: draft.allocationMode });
      if (draft.split) then.push({ type: "allow_split", allowed: draft.split === "yes" });
      break;
    case "exception":
      then.push({ type: "hold", code: draft.holdCode.trim(), message: draft.holdMessage.trim() });
      break;
    case "action":
      for (const tag of splitList(draft.tags)) then.push({ type: "tag", tag });
      break;
  }
  then.push(...draft.otherActions.filter((action) => kindOfAction(action.type) === draft.kind));
  const conditions = draft.conditions.map((condition) => toCondition(condition, facts));
  return {
    id,
    name: draft.name.trim(),
    ...(draft.description ? { description: draft.description } : {}),
    kind: draft.kind,
    enabled: draft.enabled,
    priority: numberOr(draft.priority) as number,
    when: draft.match === "any" ? { any: conditions } : { all: conditions },
    then,
  };
}

function kindOfAction(type: string): RuleKind {
  if (type === "use_carrier" || type === "objective") return "routing";
  if (type === "hold") return "exception";
  if (["warehouse_priority", "nearest", "cheapest", "allow_split"].includes(type)) return "allocation";
  return "action";
}

export function toRules(drafts: RuleDraft[], facts: Record<string, FactInfo>): Rule[] {
  const taken = new Set(drafts.map((draft) => draft.id).filter(Boolean));
  return drafts.map((draft) => toRule(draft, facts, taken));
}

/** Rules of one kind in evaluation order: priority, then their place in the set. */
export function inRunOrder<T extends { priority: number | string }>(items: T[]): Array<{ item: T; index: number }> {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Number(a.item.priority) - Number(b.item.priority) || a.index - b.index);
}

/**
 * Moves a rule one place up or down among the rules of its kind: it swaps places and
 * priorities with its neighbour in run order, so the move shows in both.
 */
export function moveRule(drafts: RuleDraft[], key: string, direction: -1 | 1): RuleDraft[] {
  const target = drafts.find((draft) => draft.key === key);
  if (!target) return drafts;
  const order = inRunOrder(drafts.filter((draft) => draft.kind === target.kind));
  const at = order.findIndex((entry) => entry.item.key === key);
  const other = order[at + direction]?.item;
  if (!other) return drafts;
  const next = drafts.map((draft) => {
    if (draft.key === target.key) return { ...draft, priority: other.priority };
    if (draft.key === other.key) return { ...draft, priority: target.priority };
    return draft;
  });
  const i = next.findIndex((draft) => draft.key === target.key);
  const j = next.findIndex((draft) => draft.key === other.key);
  const a = next[i];
  const b = next[j];
  if (a && b && (direction === -1 ? i > j : i < j)) {
    next[i] = b;
    next[j] = a;
  }
  return next;
}

/** The API's errors for rules[index], with paths relative to the rule ("when.all[1].value"). */
export function errorsForRule(errors: PathError[] | undefined, index: number): PathError[] {
  const prefix = `rules[${index}]`;
  return (errors ?? [])
    .filter((error) => error.path === prefix || error.path.startsWith(`${prefix}.`))
    .map((error) => ({ path: error.path.slice(prefix.length).replace(/^\./, ""), message: error.message }));
}

/** Errors whose path starts with `path` (exactly, or followed by "." or "["). */
export function errorsAt(errors: PathError[], path: string): string[] {
  return errors
    .filter((error) => error.path === path || error.path.startsWith(`${path}.`) || error.path.startsWith(`${path}[`))
    .map((error) => error.message);
}

export function parseRulesField(raw: FormDataEntryValue | null): Rule[] | null {
  if (typeof raw !== "string") return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? (value as Rule[]) : null;
  } catch {
    return null;
  }
}
