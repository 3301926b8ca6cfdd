import { ORDER_FACT_FIELDS, RULE_OPERATORS } from "@crossflow/domain";
import { dryRunRules, publishRulesDraft, RulesError, rulesOverview, saveRulesDraft } from "@crossflow/pipeline/intake";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";

/** The console's rules editor: draft, validate, dry-run against recent orders, publish a version. */
export const rulesRoutes = new Hono<AppEnv>();
rulesRoutes.use("*", sessionAuth, requireMerchant);

async function body<T extends z.ZodType>(c: { req: { json(): Promise<unknown> } }, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid request", zodDetails(parsed.error));
  return parsed.data;
}

function rulesError(error: unknown): never {
  if (error instanceof RulesError) throw new ApiError(error.code, error.message, error.details);
  throw error;
}

const Draft = z.object({ rules: z.array(z.unknown()).max(500) });
const DryRun = z.object({
  rules: z.array(z.unknown()).max(500).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

rulesRoutes.get("/", async (c) => {
  const overview = await rulesOverview(c.var.deps.db, c.var.tenant.tenantId);
  return c.json({ ...overview, facts: ORDER_FACT_FIELDS, operators: RULE_OPERATORS });
});

rulesRoutes.put("/draft", requireOperator, async (c) => {
  const { rules } = await body(c, Draft);
  const { tenant, deps } = c.var;
  return c.json(
    await saveRulesDraft(deps.db, { tenantId: tenant.tenantId, actor: tenant.actor, rules }).catch(rulesError),
  );
});

rulesRoutes.post("/dry-run", requireOperator, async (c) => {
  const input = await body(c, DryRun);
  const { tenant, deps } = c.var;
  return c.json(await dryRunRules(deps.db, { tenantId: tenant.tenantId, ...input }).catch(rulesError));
});

rulesRoutes.post("/publish", requireOperator, async (c) => {
  const { tenant, deps } = c.var;
  return c.json(await publishRulesDraft(deps.db, { tenantId: tenant.tenantId, actor: tenant.actor }).catch(rulesError));
});
