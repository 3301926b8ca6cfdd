import { useFormat } from "@crossflow/i18n/react";
import {
  Button,
  ButtonLink,
  Card,
  DataTable,
  EmptyState,
  Field,
  FilterBar,
  Notice,
  PageHeader,
  StatCard,
  TabLinks,
  TextInput,
} from "@crossflow/ui";
import { CountryLabel, RouteErrorBoundary } from "@crossflow/ui/app";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, type TaxExportName, type TaxLowValueReport, type TaxReport } from "../lib/api.server";
import type { Route } from "./+types/tax-reports";

// Tax reports: what the merchant collected at checkout in a period and the filings it feeds.
// The period lives in the URL (?month=YYYY-MM, or ?from=…&through=… with an inclusive end), so
// presets are links and the custom range is a GET form: both work without JavaScript.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const PRESET_MONTHS = 6;

type RangeError = "invalidDate" | "endBeforeStart" | "tooLong";

interface Selection {
  /** The preset month shown, if the period is one. */
  month: string | null;
  from: string;
  /** Inclusive last day. */
  through: string;
  errors: { from?: RangeError; through?: RangeError };
}

function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function monthStart(month: string, offset = 0): string {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + offset, 1)).toISOString().slice(0, 10);
}

function monthRange(month: string): { from: string; through: string } {
  return { from: monthStart(month), through: addDays(monthStart(month, 1), -1) };
}

function readSelection(params: URLSearchParams, currentMonth: string): Selection {
  const from = (params.get("from") ?? "").trim();
  const through = (params.get("through") ?? "").trim();
  if (from || through) {
    const errors: Selection["errors"] = {};
    if (!isDay(from)) errors.from = "invalidDate";
    if (!isDay(through)) errors.through = "invalidDate";
    else if (!errors.from && through < from) errors.through = "endBeforeStart";
    // The API takes at most one year: `to` (exclusive) no later than the same day a year on.
    else if (!errors.from) {
      const yearOn = new Date(`${from}T00:00:00Z`);
      yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
      if (addDays(through, 1) > yearOn.toISOString().slice(0, 10)) errors.through = "tooLong";
    }
    return { month: null, from, through, errors };
  }
  const asked = params.get("month") ?? "";
  const month = MONTH.test(asked) && Number(asked.slice(5)) >= 1 && Number(asked.slice(5)) <= 12 ? asked : currentMonth;
  return { month, ...monthRange(month), errors: {} };
}

export async function loader({ request }: Route.LoaderArgs) {
  const currentMonth = new Date().toISOString().slice(0, 7);
  const months = Array.from({ length: PRESET_MONTHS }, (_, i) => monthStart(currentMonth, -i).slice(0, 7));
  const selection = readSelection(new URL(request.url).searchParams, currentMonth);
  const valid = !selection.errors.from && !selection.errors.through;
  const report = valid
    ? await api.taxReport(request, { from: selection.from, to: addDays(selection.through, 1) })
    : null;
  return { months, selection, report };
}

function csvLink(report: TaxReport, name: TaxExportName): string {
  const params = new URLSearchParams({ scheme: name, from: report.period.from, to: report.period.to });
  return `/reports/tax.csv?${params}`;
}

function DownloadButton({ report, name, label }: { report: TaxReport; name: TaxExportName; label: string }) {
  const { t } = useTranslation("console");
  const fileName = report.exports.find((e) => e.name === name)?.fileName;
  return (
    <ButtonLink
      to={csvLink(report, name)}
      reloadDocument
      size="sm"
      download={fileName}
      aria-label={t("taxReports.downloadNamed", { name: label })}
    >
      {t("taxReports.download")}
    </ButtonLink>
  );
}

function TotalRow({ label, cells }: { label: string; cells: ReactNode[] }) {
  return (
    <tr className="cf-tax-total">
      <th scope="row">{label}</th>
      {cells.map((cell, index) => (
        <td key={index} className={cell === null ? undefined : "cf-align-right cf-num"}>
          {cell}
        </td>
      ))}
    </tr>
  );
}

function IossCard({ report }: { report: TaxReport }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const { ioss } = report;
  const eur = (minor: number) => format.money(minor, "EUR");
  const title = t("taxReports.ioss.title");
  return (
    <Card
      id="ioss"
      title={title}
      subtitle={
        <>
          {t("taxReports.ioss.subtitle")}{" "}
          {report.iossNumber ? (
            <span className="cf-nowrap">{t("taxReports.ioss.number", { number: report.iossNumber })}</span>
          ) : (
            t("taxReports.ioss.noNumber")
          )}
        </>
      }
      actions={<DownloadButton report={report} name="ioss" label={title} />}
      flush
      divided
    >
      <DataTable
        caption={title}
        rows={ioss.lines}
        rowKey={(line) => `${line.month}-${line.memberState}-${line.rateType}-${line.ratePercent}`}
        empty={<EmptyState compact icon="globe" title={t("taxReports.ioss.empty")} />}
        columns={[
          {
            key: "month",
            header: t("taxReports.ioss.month"),
            cell: (line) => <span className="cf-mono">{line.month}</span>,
          },
          {
            key: "memberState",
            header: t("taxReports.ioss.memberState"),
            cell: (line) => <CountryLabel code={line.memberState} />,
          },
          {
            key: "rateType",
            header: t("taxReports.ioss.rateType"),
            cell: (line) => t(`taxReports.ioss.${line.rateType}`),
          },
          { key: "rate", header: t("taxReports.rate"), align: "right", cell: (line) => `${line.ratePercent} %` },
          {
            key: "taxable",
            header: t("taxReports.taxable"),
            align: "right",
            cell: (line) => (
              <span
                className="cf-num"
                title={line.fxDate ? t("taxReports.ioss.converted", { date: line.fxDate }) : undefined}
              >
                {eur(line.taxableAmount)}
              </span>
            ),
          },
          {
            key: "vat",
            header: t("taxReports.ioss.vat"),
            align: "right",
            cell: (line) => <span className="cf-num">{eur(line.vatAmount)}</span>,
          },
          { key: "orders", header: t("taxReports.orders"), align: "right", cell: (line) => format.number(line.orders) },
        ]}
        footer={
          <TotalRow
            label={t("taxReports.total")}
            cells={[
              null,
              null,
              null,
              eur(ioss.totals.taxableAmount),
              eur(ioss.totals.vatAmount),
              format.number(ioss.totals.orders),
            ]}
          />
        }
      />
    </Card>
  );
}

function LowValueCard(props: {
  report: TaxReport;
  part: TaxLowValueReport;
  name: "uk" | "au";
  columns: { taxable: string; tax: string; inclusive?: string };
}) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const { part, name } = props;
  const money = (minor: number) => format.money(minor, part.currency);
  const title = t(`taxReports.${name}.title`);
  return (
    <Card
      id={name}
      title={title}
      subtitle={t(`taxReports.${name}.subtitle`)}
      actions={<DownloadButton report={props.report} name={name} label={title} />}
      flush
      divided
    >
      <DataTable
        caption={title}
        rows={part.lines}
        rowKey={(line) => line.ratePercent}
        empty={<EmptyState compact icon="globe" title={t(`taxReports.${name}.empty`)} />}
        columns={[
          { key: "rate", header: t("taxReports.rate"), cell: (line) => `${line.ratePercent} %` },
          { key: "orders", header: t("taxReports.orders"), align: "right", cell: (line) => format.number(line.orders) },
          {
            key: "taxable",
            header: props.columns.taxable,
            align: "right",
            cell: (line) => <span className="cf-num">{money(line.taxableAmount)}</span>,
          },
          {
            key: "tax",
            header: props.columns.tax,
            align: "right",
            cell: (line) => <span className="cf-num">{money(line.taxAmount)}</span>,
          },
          ...(props.columns.inclusive
            ? [
                {
                  key: "inclusive",
                  header: props.columns.inclusive,
                  align: "right" as const,
                  cell: (line: TaxLowValueReport["lines"][number]) => (
                    <span className="cf-num">{money(line.taxableAmount + line.taxAmount)}</span>
                  ),
                },
              ]
            : []),
        ]}
        footer={
          <TotalRow
            label={t("taxReports.total")}
            cells={[
              format.number(part.totals.orders),
              money(part.totals.taxableAmount),
              money(part.totals.taxAmount),
              ...(props.columns.inclusive ? [money(part.totals.taxableAmount + part.totals.taxAmount)] : []),
            ]}
          />
        }
      />
    </Card>
  );
}

function SummaryCard({ report }: { report: TaxReport }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const title = t("taxReports.summary.title");
  return (
    <Card
      id="summary"
      title={title}
      subtitle={t("taxReports.summary.subtitle")}
      actions={<DownloadButton report={report} name="summary" label={title} />}
      flush
      divided
    >
      <DataTable
        caption={title}
        rows={report.summary}
        rowKey={(row) => `${row.month}-${row.scheme}-${row.regime}-${row.country}-${row.ratePercent}-${row.currency}`}
        empty={<EmptyState compact icon="globe" title={t("taxReports.summary.empty")} />}
        columns={[
          {
            key: "month",
            header: t("taxReports.summary.month"),
            cell: (row) => <span className="cf-mono">{row.month}</span>,
          },
          {
            key: "scheme",
            header: t("taxReports.summary.scheme"),
            cell: (row) => t(`taxReports.schemes.${row.scheme}`),
          },
          {
            key: "country",
            header: t("taxReports.summary.country"),
            cell: (row) => <CountryLabel code={row.country} />,
          },
          {
            key: "rate",
            header: t("taxReports.rate"),
            align: "right",
            cell: (row) => (row.ratePercent ? `${row.taxName} ${row.ratePercent} %` : row.taxName),
          },
          { key: "orders", header: t("taxReports.orders"), align: "right", cell: (row) => format.number(row.orders) },
          {
            key: "taxable",
            header: t("taxReports.taxable"),
            align: "right",
            cell: (row) => <span className="cf-num">{format.money(row.taxableAmount, row.currency)}</span>,
          },
          {
            key: "tax",
            header: t("taxReports.summary.tax"),
            align: "right",
            cell: (row) => <span className="cf-num">{format.money(row.taxAmount, row.currency)}</span>,
          },
        ]}
      />
    </Card>
  );
}

function ExchangeRates({ report }: { report: TaxReport }) {
  const { t } = useTranslation("console");
  return (
    <Card title={t("taxReports.fx.title")} subtitle={t("taxReports.fx.subtitle")}>
      {report.fxRates.length === 0 ? (
        <p className="cf-muted">{t("taxReports.fx.none")}</p>
      ) : (
        <ul className="cf-plain-list cf-tax-fx">
          {report.fxRates.map((rate) => (
            <li key={`${rate.export}-${rate.from}-${rate.tableDate}-${rate.month ?? ""}`}>
              <span className="cf-tax-fx__pair">
                <span className="cf-mono">
                  1 {rate.from} = {rate.rate} {rate.to}
                </span>
                <span className="cf-cell-sub">{t(`taxReports.exports.${rate.export}`)}</span>
              </span>
              <span className="cf-cell-sub">
                {rate.basis === "period_end"
                  ? t("taxReports.fx.periodEnd", { month: rate.month ?? "", date: rate.wantedDate })
                  : t("taxReports.fx.supplyDate")}
                {" · "}
                {t("taxReports.fx.table", { date: rate.tableDate })}
                {" · "}
                {t("taxReports.fx.orders", { count: rate.orders })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Notices({ report }: { report: TaxReport }) {
  const { t } = useTranslation("console");
  if (report.notices.length === 0) return null;
  return (
    <Notice tone="warning" title={t("taxReports.noticesTitle")} role="status">
      <ul className="cf-tax-notices">
        {report.notices.map((notice, index) => (
          <li key={index}>
            {notice.code === "fx_table_date_differs"
              ? t("taxReports.notices.fx_table_date_differs", {
                  currency: notice.currency,
                  filing: t(`taxReports.exports.${notice.export as TaxExportName}`),
                  tableDate: notice.tableDate,
                  wantedDate: notice.wantedDate,
                })
              : notice.code === "fx_rate_missing"
                ? t("taxReports.notices.fx_rate_missing", {
                    currency: notice.currency,
                    filing: t(`taxReports.exports.${notice.export as TaxExportName}`),
                    orders: notice.orders.join(", "),
                  })
                : t("taxReports.notices.landed_cost_unreadable", { externalId: notice.externalId })}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function PeriodPicker({ months, selection }: { months: string[]; selection: Selection }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(format.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const errorText = (error?: RangeError) => (error ? t(`taxReports.errors.${error}`) : undefined);
  return (
    <section className="cf-tax-period" aria-label={t("taxReports.period")}>
      <TabLinks
        label={t("taxReports.monthPresets")}
        items={months.map((month) => ({
          key: month,
          to: `/reports/tax?month=${month}`,
          label: monthName(month),
          active: selection.month === month,
        }))}
      />
      <FilterBar
        key={`${selection.from}-${selection.through}`}
        label={t("taxReports.customRange")}
        actions={
          <Button type="submit" variant="primary">
            {t("taxReports.apply")}
          </Button>
        }
      >
        <Field label={t("taxReports.from")} htmlFor="tax-from" error={errorText(selection.errors.from)}>
          <TextInput
            id="tax-from"
            name="from"
            type="date"
            required
            defaultValue={selection.from}
            aria-invalid={selection.errors.from ? true : undefined}
            aria-describedby={selection.errors.from ? "tax-from-error" : undefined}
          />
        </Field>
        <Field label={t("taxReports.through")} htmlFor="tax-through" error={errorText(selection.errors.through)}>
          <TextInput
            id="tax-through"
            name="through"
            type="date"
            required
            defaultValue={selection.through}
            aria-invalid={selection.errors.through ? true : undefined}
            aria-describedby={selection.errors.through ? "tax-through-error" : undefined}
          />
        </Field>
      </FilterBar>
    </section>
  );
}

export default function TaxReportsPage({ loaderData }: Route.ComponentProps) {
  const { months, selection, report } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const day = (date: string) => format.dateTime(`${date}T12:00:00Z`, "date");

  return (
    <>
      <title>{`${t("taxReports.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("taxReports.title")}
        subtitle={t("taxReports.subtitle")}
        meta={
          report ? (
            <span>{t("taxReports.periodShown", { from: day(selection.from), through: day(selection.through) })}</span>
          ) : null
        }
      />
      <div className="cf-stack">
        <PeriodPicker months={months} selection={selection} />
        {report ? (
          <>
            <div className="cf-grid cf-grid--stats">
              <StatCard
                icon="globe"
                tone="info"
                label={t("taxReports.stats.ioss")}
                value={format.money(report.ioss.totals.vatAmount, "EUR")}
                hint={t("taxReports.stats.lines", { count: report.ioss.lines.length })}
                to="#ioss"
              />
              <StatCard
                icon="building"
                tone="accent"
                label={t("taxReports.stats.uk")}
                value={format.money(report.uk.totals.taxAmount, "GBP")}
                hint={t("taxReports.stats.orders", { count: report.uk.totals.orders })}
                to="#uk"
              />
              <StatCard
                icon="mapPin"
                tone="success"
                label={t("taxReports.stats.au")}
                value={format.money(report.au.totals.taxAmount, "AUD")}
                hint={t("taxReports.stats.orders", { count: report.au.totals.orders })}
                to="#au"
              />
              <StatCard
                icon="orders"
                tone="neutral"
                label={t("taxReports.stats.withTax")}
                value={format.number(report.orders.withCheckoutTax)}
                hint={t("taxReports.stats.considered", { count: report.orders.considered })}
                to="#summary"
              />
            </div>
            <Notices report={report} />
            <IossCard report={report} />
            <div className="cf-grid cf-grid--2">
              <LowValueCard
                report={report}
                part={report.uk}
                name="uk"
                columns={{ taxable: t("taxReports.uk.box6"), tax: t("taxReports.uk.box1") }}
              />
              <LowValueCard
                report={report}
                part={report.au}
                name="au"
                columns={{
                  taxable: t("taxReports.au.taxable"),
                  tax: t("taxReports.au.gst"),
                  inclusive: t("taxReports.au.inclusive"),
                }}
              />
            </div>
            <SummaryCard report={report} />
            <ExchangeRates report={report} />
          </>
        ) : (
          <Notice tone="warning" role="alert">
            {t("taxReports.fixPeriod")}
          </Notice>
        )}
      </div>
      <p className="cf-footnote">{t("taxReports.footnote")}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
