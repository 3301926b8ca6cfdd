import { getTenantSettings, getUser, recordAudit, saveTenantSettings } from "@crossflow/db";
import {
  defaultPaymentPolicy,
  defaultRiskConfig,
  notificationSettingsSchema,
  paymentPolicySchema,
  RISK_SIGNAL_CODES,
  riskConfigSchema,
} from "@crossflow/domain";
import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireAdmin, requireMerchant, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";

/**
 * The console's settings page: the tenant's risk screening config, payment policy and customer
 * e-mail settings (branding, events on/off). Everyone on the tenant reads them; owners and
 * admins change them.
 */
export const settingsRoutes = new Hono<AppEnv>();
settingsRoutes.use("*", sessionAuth, requireMerchant);

type Section = "risk" | "payment" | "notifications";
const SCHEMAS = {
  risk: riskConfigSchema,
  payment: paymentPolicySchema,
  notifications: notificationSettingsSchema,
} satisfies Record<Section, z.ZodType>;

/**
 * What is stored: the parsed (normalized) value, limited to the top-level keys the caller
 * sent, so a key left out keeps following the default instead of freezing today's default.
 */
function storedForm(parsed: Record<string, unknown>, input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => Object.hasOwn(input, key)));
}

async function actorName(c: { var: AppEnv["Variables"] }, actor: string | null): Promise<string | null> {
  if (!actor) return null;
  if (actor === c.var.session.actor) return c.var.session.user.name;
  const userId = /^user:(.+)$/.exec(actor)?.[1];
  const user = userId ? await getUser(c.var.deps.db, { id: userId }) : null;
  return user?.name ?? actor;
}

async function settingsView(c: { var: AppEnv["Variables"] }) {
  const row = await c.var.tenant.run((tx) => getTenantSettings(tx));
  return {
    risk: riskConfigSchema.parse(row?.risk ?? {}),
    payment: paymentPolicySchema.parse(row?.payment ?? {}),
    notifications: notificationSettingsSchema.parse(row?.notifications ?? {}),
    signals: RISK_SIGNAL_CODES,
    defaults: { risk: defaultRiskConfig(), payment: defaultPaymentPolicy() },
    updatedBy: row?.updatedBy ?? null,
    updatedByName: await actorName(c, row?.updatedBy ?? null),
    updatedAt: row?.updatedAt?.toISOString() ?? null,
  };
}

settingsRoutes.get("/", async (c) => c.json(await settingsView(c)));

for (const section of ["risk", "payment", "notifications"] as const) {
  settingsRoutes.put(`/${section}`, requireAdmin, async (c) => {
    const input = await c.req.json().catch(() => null);
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      throw new ApiError("validation_failed", "Send the settings as a JSON object", [
        { path: "(body)", message: "expected a JSON object" },
      ]);
    }
    const parsed = SCHEMAS[section].safeParse(input);
    if (!parsed.success) {
      const details = zodDetails(parsed.error);
      throw new ApiError("validation_failed", `Invalid settings: ${details.map((d) => d.path).join(", ")}`, details);
    }
    const stored = storedForm(parsed.data as Record<string, unknown>, input as Record<string, unknown>);
    const { tenant } = c.var;
    await tenant.run(async (tx) => {
      const before = await getTenantSettings(tx);
      await saveTenantSettings(tx, { tenantId: tenant.tenantId, actor: tenant.actor, [section]: stored });
      await recordAudit(tx, {
        tenantId: tenant.tenantId,
        actor: tenant.actor,
        action: `settings.${section}_updated`,
        entity: "tenant_settings",
        entityId: tenant.tenantId,
        before: before?.[section] ?? {},
        after: stored,
      });
    });
    return c.json(await settingsView(c));
  });
}
