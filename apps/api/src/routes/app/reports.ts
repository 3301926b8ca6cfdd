import { getTenantSettings, listTaxReportOrders } from "@crossflow/db";
import {
  buildTaxReport,
  type ReportPeriod,
  TAX_EXPORTS,
  type TaxExport,
  taxReportCsv,
  taxReportFileName,
  validateReportPeriod,
} from "@crossflow/domain";
import { Hono } from "hono";
import type { AppEnv, TenantScope } from "../../context";
import { ApiError, type ErrorDetail } from "../../errors";
import { requireMerchant, sessionAuth } from "../../middleware/session-auth";

/** Tax reports for the console: what the merchant collected at checkout and must file, per scheme. */
export const reportRoutes = new Hono<AppEnv>();
// Explicit paths: this router is mounted at /app next to public routes (the portal lookup).
// Every merchant role may read (viewers included).
for (const path of ["/reports", "/reports/*"]) reportRoutes.use(path, sessionAuth, requireMerchant);

/** The period of the query, or a 400 naming every field at fault (with `extra` issues of the caller). */
function periodOf(query: (name: string) => string | undefined, extra: ErrorDetail[] = []): ReportPeriod {
  const from = query("from");
  const to = query("to");
  const issues: ErrorDetail[] = [...validateReportPeriod(from, to), ...extra];
  if (issues.length > 0) {
    throw new ApiError("validation_failed", `Invalid request: ${issues.map((i) => i.path).join(", ")}`, issues);
  }
  return { from: from as string, to: to as string };
}

async function reportFor(tenant: TenantScope, period: ReportPeriod) {
  const { rows, settings } = await tenant.run(async (tx) => ({
    rows: await listTaxReportOrders(tx, {
      from: new Date(`${period.from}T00:00:00Z`),
      to: new Date(`${period.to}T00:00:00Z`),
    }),
    settings: await getTenantSettings(tx),
  }));
  return { report: buildTaxReport(rows, period), iossNumber: settings?.company?.iossNumber ?? null };
}

reportRoutes.get("/reports/tax", async (c) => {
  const period = periodOf((name) => c.req.query(name));
  const { report, iossNumber } = await reportFor(c.var.tenant, period);
  return c.json({
    ...report,
    iossNumber,
    exports: TAX_EXPORTS.map((name) => ({ name, fileName: taxReportFileName(name, period) })),
  });
});

reportRoutes.get("/reports/tax.csv", async (c) => {
  const scheme = c.req.query("scheme");
  const schemeIssues = TAX_EXPORTS.includes(scheme as TaxExport)
    ? []
    : [{ path: "scheme", message: `must be one of ${TAX_EXPORTS.join(", ")}` }];
  const period = periodOf((name) => c.req.query(name), schemeIssues);
  const name = scheme as TaxExport;
  const { report, iossNumber } = await reportFor(c.var.tenant, period);
  return c.body(taxReportCsv(report, name, iossNumber ? { iossNumber } : {}), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${taxReportFileName(name, period)}"`,
    "Cache-Control": "no-store",
  });
});
