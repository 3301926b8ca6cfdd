import { currencyExponent } from "../currency";
import { orderFactField } from "./facts";
import {
  groupChildren,
  isConditionGroup,
  type RuleAction,
  type RuleCondition,
  type RuleConditionGroup,
  type RuleConditionNode,
  type RuleMoneyValue,
} from "./types";

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 2000 → "2,000", 1234.5 → "1,234.5". Fixed format, independent of the machine's locale. */
export function formatRuleNumber(value: number): string {
  const [whole = "0", fraction] = String(Math.abs(value)).split(".");
  return `${value < 0 ? "-" : ""}${groupDigits(whole)}${fraction ? `.${fraction}` : ""}`;
}

/** {amount: 150000, currency: "EUR"} → "1,500.00 EUR"; JPY has no minor digits. */
export function formatRuleMoney(value: RuleMoneyValue): string {
  const exponent = currencyExponent(value.currency);
  const digits = String(Math.abs(value.amount)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const minor = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${value.amount < 0 ? "-" : ""}${groupDigits(whole)}${minor} ${value.currency}`;
}

function formatOperand(condition: RuleCondition, value: unknown): string {
  const field = orderFactField(condition.field);
  if (field.type === "money") return formatRuleMoney(value as RuleMoneyValue);
  if (typeof value === "number") return `${formatRuleNumber(value)}${field.unit ? ` ${field.unit}` : ""}`;
  return String(value);
}

function formatList(condition: RuleCondition, values: readonly unknown[]): string {
  return values.map((v) => formatOperand(condition, v)).join(", ");
}

const SYMBOL = { gt: ">", gte: "≥", lt: "<", lte: "≤" } as const;

/** One condition as a phrase: "destination country is DE", "weight > 2,000 g". */
export function describeCondition(condition: RuleCondition): string {
  const field = orderFactField(condition.field);
  const label = field.label;
  const list = field.type === "string_list";
  const value = condition.value;
  switch (condition.op) {
    case "eq":
    case "neq": {
      if (field.type === "boolean") {
        const isTrue = (value === true) === (condition.op === "eq");
        return (isTrue ? field.whenTrue : field.whenFalse) ?? `${label} is ${isTrue ? "yes" : "no"}`;
      }
      return `${label} is ${condition.op === "neq" ? "not " : ""}${formatOperand(condition, value)}`;
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return `${label} ${SYMBOL[condition.op]} ${formatOperand(condition, value)}`;
    case "between": {
      const [min, max] = value as readonly unknown[];
      return `${label} between ${formatOperand(condition, min)} and ${formatOperand(condition, max)}`;
    }
    case "in":
      return list
        ? `${label} include any of ${formatList(condition, value as readonly unknown[])}`
        : `${label} is one of ${formatList(condition, value as readonly unknown[])}`;
    case "not_in":
      return list
        ? `${label} include none of ${formatList(condition, value as readonly unknown[])}`
        : `${label} is not one of ${formatList(condition, value as readonly unknown[])}`;
    case "contains":
      return list ? `${label} include ${String(value)}` : `${label} contains "${String(value)}"`;
    case "not_contains":
      return list ? `${label} do not include ${String(value)}` : `${label} does not contain "${String(value)}"`;
    case "exists":
      return value === false ? `${label} is unknown` : `${label} is known`;
    case "matches":
      return `${label} ${list ? "include one matching" : "matches"} /${String(value)}/${condition.ignoreCase ? "i" : ""}`;
  }
}

/** The whole condition tree: "destination country is DE and (weight > 2,000 g or longest side > 1,200 mm)". */
export function describeConditionGroup(group: RuleConditionGroup): string {
  const children = groupChildren(group);
  if (children.length === 0) return "every order";
  return describeNode(group, true);
}

function describeNode(node: RuleConditionNode, top: boolean): string {
  if (!isConditionGroup(node)) return describeCondition(node);
  const children = groupChildren(node);
  const joined = children.map((c) => describeNode(c, false)).join("all" in node ? " and " : " or ");
  return top || children.length < 2 ? joined : `(${joined})`;
}

/** One action as a phrase: "use carrier dhl_express (express)", "hold high_value: …". */
export function describeRuleAction(action: RuleAction): string {
  switch (action.type) {
    case "use_carrier":
      return `use carrier ${action.carrier}${action.service ? ` (${action.service})` : ""}`;
    case "objective":
      return `choose the carrier by cost ${action.weights.cost} / speed ${action.weights.speed} / carbon ${action.weights.carbon}`;
    case "warehouse_priority":
      return `ship from warehouses in the order ${action.warehouseCodes.join(", ")}`;
    case "nearest":
      return "ship from the nearest warehouse";
    case "cheapest":
      return "ship from the cheapest warehouse";
    case "allow_split":
      return action.allowed ? "split shipments allowed" : "split shipments not allowed";
    case "hold":
      return `hold ${action.code}: ${action.message}`;
    case "tag":
      return `tag ${action.tag}`;
    case "notify":
      return `notify ${action.channel} ${action.to}`;
    case "set_incoterm":
      return `incoterm ${action.incoterm}`;
  }
}
