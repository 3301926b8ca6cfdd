import { z } from "zod";
import { validateConditionGroup } from "./conditions";
import type { Rule, RuleConditionGroup, RuleSet } from "./types";

export const RULE_SET_LIMITS = { maxRules: 500 } as const;

const code = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9_]{0,63}$/, `${what} is lower-case letters, digits and _ (at most 64), e.g. "dhl_express"`);

const useCarrierSchema = z.strictObject({
  type: z.literal("use_carrier"),
  carrier: code("a carrier"),
  service: z.string().trim().min(1).max(100).optional(),
});

const weight = z.number().min(0, "a weight is 0 or more").max(1000, "a weight is at most 1000");
const objectiveSchema = z.strictObject({
  type: z.literal("objective"),
  weights: z
    .strictObject({ cost: weight, speed: weight, carbon: weight })
    .refine((w) => w.cost + w.speed + w.carbon > 0, "at least one of cost, speed and carbon must weigh more than 0"),
});

const routingActionSchema = z.discriminatedUnion("type", [useCarrierSchema, objectiveSchema], {
  error: 'a routing rule\'s action type is "use_carrier" or "objective"',
});

const allocationActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("warehouse_priority"),
      warehouseCodes: z
        .array(z.string().trim().min(1).max(64))
        .min(1, "list at least one warehouse code")
        .max(50)
        .refine((codes) => new Set(codes).size === codes.length, "a warehouse code is listed twice"),
    }),
    z.strictObject({ type: z.literal("nearest") }),
    z.strictObject({ type: z.literal("cheapest") }),
    z.strictObject({ type: z.literal("allow_split"), allowed: z.boolean() }),
  ],
  { error: 'an allocation rule\'s action type is "warehouse_priority", "nearest", "cheapest" or "allow_split"' },
);

const exceptionActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("hold"),
      code: code("a hold code"),
      message: z.string().trim().min(1, "a hold needs a message for the reviewer").max(500),
    }),
  ],
  { error: 'an exception rule\'s action type is "hold"' },
);

const notifySchema = z
  .strictObject({
    type: z.literal("notify"),
    channel: z.enum(["email", "webhook"], { error: 'channel is "email" or "webhook"' }),
    to: z.string().trim().min(1).max(500),
  })
  .superRefine((action, ctx) => {
    const valid =
      action.channel === "email"
        ? z.email().safeParse(action.to).success
        : z.url({ protocol: /^https?$/ }).safeParse(action.to).success;
    if (!valid) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: action.channel === "email" ? "not an email address" : "not an http(s) URL",
      });
    }
  });

const actionActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("tag"), tag: z.string().trim().min(1).max(64) }),
    notifySchema,
    z.strictObject({
      type: z.literal("set_incoterm"),
      incoterm: z.enum(["DDP", "DAP"], { error: 'incoterm is "DDP" or "DAP"' }),
    }),
  ],
  { error: 'an action rule\'s action type is "tag", "notify" or "set_incoterm"' },
);

const whenSchema = z.unknown().transform((raw, ctx): RuleConditionGroup => {
  const result = validateConditionGroup(raw);
  if (result.ok) return result.group;
  for (const issue of result.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
  return z.NEVER;
});

const ruleBase = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "a rule id is letters, digits, _ . - (at most 64), e.g. heavy-de"),
  name: z.string().trim().min(1, "a rule needs a name").max(200),
  description: z.string().max(2000).optional(),
  enabled: z.boolean(),
  priority: z.number().int("priority is a whole number").min(0).max(1_000_000),
  when: whenSchema,
};

/**
 * Refuses two actions of a set of mutually exclusive types in one rule and, unless
 * repeats are allowed (several tags, several notifications), the same type twice.
 */
function limitActions(exclusive: readonly string[], exclusiveLabel: string, allowRepeats = false) {
  return (actions: ReadonlyArray<{ type: string }>, ctx: z.RefinementCtx) => {
    const firstOfType = new Map<string, number>();
    let firstExclusive: number | undefined;
    actions.forEach((action, index) => {
      const earlier = firstOfType.get(action.type);
      if (earlier !== undefined && !(allowRepeats && !exclusive.includes(action.type))) {
        ctx.addIssue({
          code: "custom",
          path: [index, "type"],
          message: `"${action.type}" appears twice in one rule (also then[${earlier}])`,
        });
        return;
      }
      if (earlier === undefined) firstOfType.set(action.type, index);
      if (!exclusive.includes(action.type)) return;
      if (firstExclusive === undefined) firstExclusive = index;
      else {
        ctx.addIssue({
          code: "custom",
          path: [index, "type"],
          message: `a rule has one ${exclusiveLabel} (already then[${firstExclusive}])`,
        });
      }
    });
  };
}

/** A rule of one kind: the common fields plus that kind's actions. */
function ruleOfKind<const K extends string, A extends z.ZodType>(kind: K, actions: A) {
  return z.strictObject({
    ...ruleBase,
    kind: z.literal(kind),
    // biome-ignore lint/suspicious/noThenProperty: the stored format is "when … then …"; the value is an array, never callable, so a rule is not thenable
    then: actions,
  });
}

const routingRuleSchema = ruleOfKind(
  "routing",
  z
    .array(routingActionSchema)
    .min(1, "a rule needs at least one action")
    .superRefine(limitActions(["use_carrier", "objective"], "routing choice: use_carrier or objective")),
);

const allocationRuleSchema = ruleOfKind(
  "allocation",
  z
    .array(allocationActionSchema)
    .min(1, "a rule needs at least one action")
    .superRefine(
      limitActions(["warehouse_priority", "nearest", "cheapest"], "strategy: warehouse_priority, nearest or cheapest"),
    ),
);

const exceptionRuleSchema = ruleOfKind(
  "exception",
  z.array(exceptionActionSchema).min(1, "a rule needs at least one action").max(10),
);

const actionRuleSchema = ruleOfKind(
  "action",
  z
    .array(actionActionSchema)
    .min(1, "a rule needs at least one action")
    .max(20)
    .superRefine(limitActions(["set_incoterm"], "set_incoterm", true)),
);

export const ruleSchema = z.discriminatedUnion(
  "kind",
  [routingRuleSchema, allocationRuleSchema, exceptionRuleSchema, actionRuleSchema],
  { error: 'kind is "routing", "allocation", "exception" or "action"' },
);

export const ruleSetSchema = z
  .strictObject({
    version: z.number().int("version is a whole number").min(0),
    rules: z
      .array(ruleSchema)
      .max(RULE_SET_LIMITS.maxRules, `a rule set has at most ${RULE_SET_LIMITS.maxRules} rules`),
  })
  .superRefine((set, ctx) => {
    const ids = new Map<string, number>();
    set.rules.forEach((rule, index) => {
      const first = ids.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", index, "id"],
          message: `rule id "${rule.id}" is already used by rules[${first}]`,
        });
      } else ids.set(rule.id, index);
    });
  });

export interface RuleSetError {
  /** Where in the document, e.g. `rules[0].when.all[1].value`; empty for the document itself. */
  path: string;
  message: string;
}

export type ParseRuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; errors: RuleSetError[] };

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Validates a stored or submitted rule set (a JSON string or an already-parsed value).
 * The result is deeply frozen: rule sets are immutable values, which is what lets
 * evaluation cache their compiled form.
 */
export function parseRuleSet(input: unknown): ParseRuleSetResult {
  let raw = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [{ path: "", message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const result = ruleSetSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
    };
  }
  const rules: Rule[] = result.data.rules;
  return { ok: true, ruleSet: deepFreeze({ version: result.data.version, rules }) };
}

/** Like parseRuleSet, for rule sets the caller vouches for (stored, already validated): throws on errors. */
export function assertRuleSet(input: unknown): RuleSet {
  const result = parseRuleSet(input);
  if (result.ok) return result.ruleSet;
  const lines = result.errors.slice(0, 5).map((e) => `${e.path || "(document)"}: ${e.message}`);
  throw new Error(`Invalid rule set: ${lines.join("; ")}${result.errors.length > 5 ? "; …" : ""}`);
}
