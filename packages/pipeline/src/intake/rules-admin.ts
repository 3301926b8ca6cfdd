import {
  type Database,
  getDraftRuleSet,
  getOrderRow,
  getPublishedRuleSet,
  insertPublishedRuleSet,
  listOrders,
  listRuleSetVersions,
  recordAudit,
  saveDraftRuleSet,
  withTenant,
} from "@crossflow/db";
import { dryRun, parseRuleSet, publishRuleSet, type RuleSet } from "@crossflow/domain";
import { loadOrderFacts } from "../steps/facts";

export class RulesError extends Error {
  constructor(
    readonly code: "validation_failed" | "conflict" | "not_found",
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

const asSet = (version: number, rules: unknown[]) => {
  const parsed = parseRuleSet({ version, rules });
  if (!parsed.ok) throw new RulesError("validation_failed", "The rules have errors", parsed.errors);
  return parsed.ruleSet;
};

export async function rulesOverview(db: Database, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [published, draft, versions] = await Promise.all([
      getPublishedRuleSet(tx),
      getDraftRuleSet(tx),
      listRuleSetVersions(tx),
    ]);
    return {
      published: published
        ? {
            version: published.version,
            rules: published.rules,
            publishedAt: published.publishedAt?.toISOString() ?? null,
            publishedBy: published.createdBy,
          }
        : null,
      draft: draft
        ? {
            baseVersion: draft.baseVersion ?? 0,
            rules: draft.rules,
            savedAt: draft.createdAt.toISOString(),
            savedBy: draft.createdBy,
          }
        : null,
      versions: versions.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt?.toISOString() ?? null,
        publishedBy: v.createdBy,
        ruleCount: v.rules.length,
      })),
    };
  });
}

/** Saves the draft after validating it; errors name the path of each problem. */
export async function saveRulesDraft(db: Database, input: { tenantId: string; actor: string; rules: unknown[] }) {
  return withTenant(db, input.tenantId, async (tx) => {
    const base = (await getPublishedRuleSet(tx))?.version ?? 0;
    asSet(base, input.rules);
    const row = await saveDraftRuleSet(tx, {
      tenantId: input.tenantId,
      rules: input.rules,
      baseVersion: base,
      actor: input.actor,
    });
    return { baseVersion: base, rules: row.rules, savedAt: row.createdAt.toISOString() };
  });
}

/** Publishes the draft as the next version; decisions made from now on cite it. */
export async function publishRulesDraft(db: Database, input: { tenantId: string; actor: string }) {
  return withTenant(db, input.tenantId, async (tx) => {
    const [publishedRow, draftRow] = await Promise.all([getPublishedRuleSet(tx), getDraftRuleSet(tx)]);
    if (!draftRow) throw new RulesError("not_found", "There is no draft to publish");
    const previous: RuleSet | null = publishedRow ? asSet(publishedRow.version ?? 0, publishedRow.rules) : null;
    const result = publishRuleSet(previous, {
      version: draftRow.baseVersion ?? 0,
      rules: draftRow.rules as RuleSet["rules"],
    });
    if (!result.ok) {
      throw new RulesError(
        result.code === "invalid_rules" ? "validation_failed" : "conflict",
        result.message,
        result.errors,
      );
    }
    await insertPublishedRuleSet(tx, {
      tenantId: input.tenantId,
      version: result.version,
      rules: [...result.ruleSet.rules],
      actor: input.actor,
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "rules.published",
      entity: "rule_set",
      entityId: String(result.version),
      before: previous ? { version: previous.version, rules: previous.rules } : null,
      after: { version: result.version, rules: result.ruleSet.rules, diff: result.diff },
    });
    return { version: result.version, diff: result.diff };
  });
}

/**
 * Runs draft rules (the saved draft, or rules given here) against the last N orders beside
 * the published rules, and reports which decisions would change.
 */
export async function dryRunRules(db: Database, input: { tenantId: string; rules?: unknown[]; limit?: number }) {
  return withTenant(db, input.tenantId, async (tx) => {
    const [publishedRow, draftRow] = await Promise.all([getPublishedRuleSet(tx), getDraftRuleSet(tx)]);
    const base = publishedRow?.version ?? 0;
    const current = publishedRow ? asSet(base, publishedRow.rules) : null;
    const draftRules = input.rules ?? draftRow?.rules;
    if (!draftRules) throw new RulesError("not_found", "There is no draft to try; send rules or save a draft first");
    const draft = asSet(base, draftRules);
    const page = await listOrders(tx, { limit: Math.min(Math.max(input.limit ?? 100, 1), 200) });
    const factsList = [];
    for (const summary of page.data) {
      const order = await getOrderRow(tx, summary.id);
      if (!order) continue;
      try {
        factsList.push({ orderId: order.id, facts: await loadOrderFacts(tx, order) });
      } catch {
        // An order whose facts cannot be built (e.g. an unknown currency from an old import) is skipped, not fatal.
      }
    }
    const report = dryRun(current, draft, factsList);
    const numbers = new Map(page.data.map((o) => [o.id, o.externalId]));
    return {
      ...report,
      orders: report.orders.map((o) => ({ ...o, orderNumber: numbers.get(o.orderId) ?? o.orderId })),
    };
  });
}
