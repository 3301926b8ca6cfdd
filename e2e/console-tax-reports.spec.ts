import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, firstDevUser, pipelineSettled, shot, test } from "./fixtures";

// The tax reports page of the merchant console. The demo merchant is registered for IOSS and
// the seed's orders ran through the pipeline, so parcels from Shenzhen to EU shoppers carry
// VAT charged at checkout: the IOSS return has lines for this month.

interface IossLine {
  month: string;
  memberState: string;
  rateType: "standard" | "reduced";
  ratePercent: string;
  taxableAmount: number;
  vatAmount: number;
  orders: number;
  fxDate: string | null;
}

interface TaxReport {
  iossNumber: string | null;
  ioss: { lines: IossLine[]; totals: { vatAmount: number } };
}

const monthStart = (month: string, offset = 0) => {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + offset, 1)).toISOString().slice(0, 10);
};

/** Euro cents as the CSV writes them ("1234.56"), without floating point. */
const euros = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
/** Euro cents as the English page shows them ("€1,234.56"). */
const shown = new Intl.NumberFormat("en", { style: "currency", currency: "EUR" });

async function reportFor(request: APIRequestContext, month: string): Promise<TaxReport> {
  const user = await firstDevUser(request, "merchant");
  await request.post("/app/dev/sign-in", { data: { userId: user.id } });
  const response = await request.get(`/app/reports/tax?from=${monthStart(month)}&to=${monthStart(month, 1)}`);
  expect(response.ok(), "GET /app/reports/tax").toBeTruthy();
  return (await response.json()) as TaxReport;
}

/** After pipelineSettled: also no order still waiting for the documents step, which stores the landed cost. */
async function landedCostsStored(request: APIRequestContext) {
  await pipelineSettled(request);
  await expect
    .poll(
      async () => {
        const overview = (await (await request.get("/app/overview")).json()) as { counts: Record<string, number> };
        return overview.counts.allocated ?? 0;
      },
      { timeout: 60_000, message: "orders still waiting for their landed cost" },
    )
    .toBe(0);
}

test.describe("tax reports", () => {
  test("shows the month's IOSS return lines and downloads them as CSV", async ({
    merchantPage: page,
    request,
  }, testInfo) => {
    await landedCostsStored(request);
    // Demo orders are placed over the last three days: early in a month some fall in the
    // previous one, so the test picks the current month, or the previous one if it has none yet.
    const current = new Date().toISOString().slice(0, 7);
    let month = current;
    let report = await reportFor(request, month);
    if (report.ioss.lines.length === 0) {
      month = monthStart(current, -1).slice(0, 7);
      report = await reportFor(request, month);
    }
    expect(report.ioss.lines.length, "the demo merchant sells to EU shoppers under IOSS").toBeGreaterThan(0);
    expect(report.iossNumber).toBe("IM2760000042");

    await page.goto("/console/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Tax reports" }).click();
    await expect(page).toHaveURL(/\/console\/reports\/tax$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tax reports" })).toBeVisible();

    const monthName = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
    const presets = page.getByRole("navigation", { name: "Months" });
    await presets.getByRole("link", { name: monthName }).click();
    await expect(page).toHaveURL(new RegExp(`month=${month}$`));
    await expect(presets.getByRole("link", { name: monthName })).toHaveAttribute("aria-current", "page");

    const ioss = page.locator("section#ioss");
    await expect(ioss.getByRole("heading", { name: "EU IOSS return" })).toBeVisible();
    await expect(ioss).toContainText("IOSS number IM2760000042");
    const rows = ioss.locator("tbody tr");
    await expect(rows).toHaveCount(report.ioss.lines.length);
    for (const [index, line] of report.ioss.lines.entries()) {
      const row = rows.nth(index);
      await expect(row).toContainText(line.month);
      await expect(row).toContainText(line.memberState);
      await expect(row).toContainText(`${line.ratePercent} %`);
      await expect(row).toContainText(shown.format(line.vatAmount / 100));
    }
    await expect(ioss.locator("tfoot")).toContainText(shown.format(report.ioss.totals.vatAmount / 100));
    await shot(page, testInfo, "tax-reports");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ioss.getByRole("link", { name: "Download CSV: EU IOSS return" }).click(),
    ]);
    const lastDay = new Date(Date.parse(`${monthStart(month, 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`ioss-return_${monthStart(month)}_${lastDay}.csv`);
    const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
    expect(csv[0]).toBe(
      "ioss_number,tax_period,member_state_of_consumption,vat_rate_type,vat_rate_percent,taxable_amount_eur,vat_amount_eur,orders,exchange_rates_date",
    );
    const first = report.ioss.lines[0]!;
    expect(csv[1]).toBe(
      [
        "IM2760000042",
        first.month,
        first.memberState,
        first.rateType.toUpperCase(),
        first.ratePercent,
        euros(first.taxableAmount),
        euros(first.vatAmount),
        first.orders,
        first.fxDate ?? "",
      ].join(","),
    );
    expect(csv).toHaveLength(report.ioss.lines.length + 2);
    expect(csv.at(-1)).toBe("");
  });

  test("a custom range with the end before the start names the field", async ({ merchantPage: page }, testInfo) => {
    await page.goto("/console/reports/tax");
    const range = page.getByRole("search", { name: "Custom range" });
    await range.getByLabel("From").fill("2026-03-10");
    await range.getByLabel("Through").fill("2026-03-01");
    await range.getByRole("button", { name: "Show period" }).click();
    await expect(page).toHaveURL(/from=2026-03-10&through=2026-03-01/);
    await expect(range.getByText("Must be on or after the start date")).toBeVisible();
    await expect(page.getByText("Correct the period above to see the report.")).toBeVisible();
    await shot(page, testInfo, "tax-reports-bad-range");
  });
});
