import { parseRuleSet, type RuleSetError } from "./schema";
import type { Rule, RuleKind, RuleSet } from "./types";

/** JSON with object keys sorted and undefined members dropped: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface RuleRef {
  id: string;
  name: string;
  kind: RuleKind;
}

export const RULE_PROPERTIES = ["kind", "name", "description", "enabled", "priority", "when", "then"] as const;
export type RuleProperty = (typeof RULE_PROPERTIES)[number];

export interface RuleChange extends RuleRef {
  /** Which properties differ, in a fixed order. */
  changed: RuleProperty[];
}

export interface RuleSetDiff {
  added: RuleRef[];
  removed: RuleRef[];
  changed: RuleChange[];
  unchanged: number;
  /** Rules kept on both sides stand in a different order (which breaks priority ties). */
  reordered: boolean;
  isEmpty: boolean;
}

const ref = (rule: Rule): RuleRef => ({ id: rule.id, name: rule.name, kind: rule.kind });

/** What a new rule set changes relative to the previous one, matching rules by id. */
export function diffRuleSets(previous: RuleSet | null, next: RuleSet): RuleSetDiff {
  const before = new Map((previous?.rules ?? []).map((rule) => [rule.id, rule]));
  const nextIds = new Set(next.rules.map((rule) => rule.id));
  const added: RuleRef[] = [];
  const changed: RuleChange[] = [];
  let unchanged = 0;
  for (const rule of next.rules) {
    const old = before.get(rule.id);
    if (!old) {
      added.push(ref(rule));
      continue;
    }
    const properties = RULE_PROPERTIES.filter((p) => canonicalJson(old[p]) !== canonicalJson(rule[p]));
    if (properties.length > 0) changed.push({ ...ref(rule), changed: properties });
    else unchanged++;
  }
  const removed = (previous?.rules ?? []).filter((rule) => !nextIds.has(rule.id)).map(ref);
  const keptBefore = (previous?.rules ?? []).filter((rule) => nextIds.has(rule.id)).map((rule) => rule.id);
  const keptAfter = next.rules.filter((rule) => before.has(rule.id)).map((rule) => rule.id);
  const reordered = keptBefore.some((id, index) => keptAfter[index] !== id);
  return {
    added,
    removed,
    changed,
    unchanged,
    reordered,
    isEmpty: added.length === 0 && removed.length === 0 && changed.length === 0 && !reordered,
  };
}

export type PublishRuleSetResult =
  | { ok: true; version: number; ruleSet: RuleSet; diff: RuleSetDiff }
  | {
      ok: false;
      code: "invalid_rules" | "stale_draft" | "no_changes";
      message: string;
      diff: RuleSetDiff;
      /** Field-level errors when the draft does not validate. */
      errors: RuleSetError[];
    };

/**
 * Publishing a draft: the next version number, the rule set stamped with it, and what
 * changed. A draft records the version it was edited from; when that is no longer the
 * latest (someone published meanwhile) it is refused rather than silently overwriting,
 * and so is a draft that changes nothing or does not validate. Rule order is kept: it
 * breaks priority ties.
 */
export function publishRuleSet(previous: RuleSet | null, draft: RuleSet): PublishRuleSetResult {
  const latest = previous?.version ?? 0;
  const diff = diffRuleSets(previous, draft);
  const parsed = parseRuleSet(draft);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return {
      ok: false,
      code: "invalid_rules",
      message: `The draft has ${parsed.errors.length} error(s)${first ? `, first at ${first.path || "(document)"}: ${first.message}` : ""}`,
      diff,
      errors: parsed.errors,
    };
  }
  if (draft.version !== latest) {
    return {
      ok: false,
      code: "stale_draft",
      message: `The draft was edited from version ${draft.version} but version ${latest} is now published; review the changes and start again from version ${latest}`,
      diff,
      errors: [],
    };
  }
  if (diff.isEmpty && previous !== null) {
    return { ok: false, code: "no_changes", message: `The draft is the same as version ${latest}`, diff, errors: [] };
  }
  const version = latest + 1;
  return { ok: true, version, ruleSet: Object.freeze({ version, rules: parsed.ruleSet.rules }), diff };
}
