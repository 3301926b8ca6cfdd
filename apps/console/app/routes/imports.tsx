import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  DataTable,
  EmptyState,
  Field,
  Icon,
  Notice,
  PageHeader,
  SelectInput,
} from "@crossflow/ui";
import { AutoRefresh, RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { fieldError, ImportStatusBadge, useChannelText } from "../components/channels";
import { api, type FieldError, type ImportJob, type ImportPreview } from "../lib/api.server";
import { canActOnOrders } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/imports";

// Order files (CSV/XLSX): upload, match the file's columns to the order fields, then a job
// whose progress this page shows, reloading itself until it is done, with the rows that failed.
// Browsers cannot prefill a file input, so the mapping step carries the uploaded file along in
// a hidden field (base64) and the console sends it to the API again with the mapping.

/** Seconds between reloads while an import is queued or running. */
const REFRESH_SECONDS = 1;
/** What the API accepts; larger files are refused here before they are base64'd into the page. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const id = (url.searchParams.get("id") ?? "").slice(0, 64);
  const [{ imports }, job] = await Promise.all([api.imports(request), id ? api.importJob(request, id) : null]);
  return { imports, job };
}

interface MapStep {
  step: "map";
  preview: ImportPreview;
  fileName: string;
  fileType: string;
  content: string;
  mapping?: Record<string, string>;
  error?: { code: string; message: string };
  details: FieldError[];
}

interface UploadFailure {
  step: "upload";
  error: { code: string; message: string };
  details: FieldError[];
}

function fileFromForm(form: FormData): File | null {
  const file = form.get("file");
  return file instanceof File && file.size > 0 ? file : null;
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");

  if (intent === "preview") {
    const file = fileFromForm(form);
    const refuse = (message: string, details: FieldError[], status = 400) =>
      data<UploadFailure>({ step: "upload", error: { code: "validation_failed", message }, details }, { status });
    if (!file) return refuse("", [{ path: "file", message: "required" }]);
    if (file.size > MAX_FILE_BYTES) return refuse("", [{ path: "file", message: "tooLarge" }], 413);
    const preview = await api.previewImport(request, file);
    if (!preview.ok)
      return data<UploadFailure>(
        { step: "upload", error: preview.error, details: preview.details },
        { status: preview.status },
      );
    return {
      step: "map",
      preview: preview.value,
      fileName: file.name,
      fileType: file.type,
      content: Buffer.from(await file.arrayBuffer()).toString("base64"),
      details: [],
    } satisfies MapStep;
  }

  if (intent === "start") {
    const content = String(form.get("content") ?? "");
    const fileName = String(form.get("fileName") ?? "orders.csv").slice(0, 255);
    const fileType = String(form.get("fileType") ?? "");
    if (!content)
      return data<UploadFailure>(
        {
          step: "upload",
          error: { code: "validation_failed", message: "" },
          details: [{ path: "file", message: "required" }],
        },
        { status: 400 },
      );
    const file = new File([Buffer.from(content, "base64")], fileName, fileType ? { type: fileType } : undefined);
    const mapping: Record<string, string> = {};
    for (const [key, value] of form)
      if (key.startsWith("mapping.") && typeof value === "string" && value !== "") mapping[key.slice(8)] = value;
    const started = await api.startImport(request, file, mapping);
    if (started.ok) return redirect(`/imports?id=${encodeURIComponent(started.value.id)}`);
    // Show the mapping step again, with the API's reasons next to the fields.
    const preview = await api.previewImport(request, file);
    if (!preview.ok)
      return data<UploadFailure>(
        { step: "upload", error: started.error, details: started.details },
        { status: started.status },
      );
    return data<MapStep>(
      {
        step: "map",
        preview: preview.value,
        fileName,
        fileType,
        content,
        mapping,
        error: started.error,
        details: started.details,
      },
      { status: started.status },
    );
  }

  return data<UploadFailure>(
    { step: "upload", error: { code: "invalid_intent", message: "Unknown action" }, details: [] },
    { status: 400 },
  );
}

function useFileProblem() {
  const { t } = useTranslation("console");
  const text = useChannelText();
  return (message: string | undefined) =>
    message === undefined
      ? undefined
      : message === "tooLarge"
        ? t("channels.imports.upload.tooLarge")
        : text.problem(message);
}

function UploadForm({ failure }: { failure: UploadFailure | null }) {
  const { t } = useTranslation("console");
  const problem = useFileProblem();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "preview";
  const error = problem(fieldError(failure?.details, "file"));
  return (
    <Card title={t("channels.imports.upload.title")} subtitle={t("channels.imports.upload.subtitle")} divided>
      <Form method="post" encType="multipart/form-data" className="cf-upload">
        {failure && !failure.details.length && failure.error.message ? (
          <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
            {failure.error.message}
          </Notice>
        ) : null}
        <Field
          label={t("channels.imports.upload.file")}
          htmlFor="import-file"
          hint={t("channels.imports.upload.hint")}
          error={error}
        >
          <input
            id="import-file"
            name="file"
            type="file"
            className="cf-input cf-file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={error ? true : undefined}
          />
        </Field>
        <div className="cf-connect__actions">
          <Button type="submit" name="intent" value="preview" variant="primary" disabled={busy}>
            {busy ? <Icon name="loader" className="cf-spin" /> : <Icon name="file" />}
            {t("channels.imports.upload.submit")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function MappingForm({ step }: { step: MapStep }) {
  const { t } = useTranslation("console");
  const text = useChannelText();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "start";
  const { preview } = step;
  const mapping = step.mapping ?? preview.suggestedMapping;
  const options = preview.columns.map((column) => ({ value: column, label: column }));
  const generalError =
    step.error && (!step.details.length || step.details.every((d) => !d.path.startsWith("mapping.")));
  const fields = [...preview.fields].sort((a, b) => Number(b.required) - Number(a.required));
  return (
    <Card
      title={t("channels.imports.map.title")}
      subtitle={t("channels.imports.map.subtitle", { file: step.fileName, count: preview.columns.length })}
      divided
    >
      <Form
        method="post"
        encType="multipart/form-data"
        className="cf-stack"
        aria-label={t("channels.imports.map.title")}
      >
        <input type="hidden" name="content" value={step.content} />
        <input type="hidden" name="fileName" value={step.fileName} />
        <input type="hidden" name="fileType" value={step.fileType} />
        {generalError ? (
          <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
            {step.error?.message}
          </Notice>
        ) : step.error ? (
          <Notice tone="danger" role="alert">
            {t("channels.imports.map.fix")}
          </Notice>
        ) : null}
        <div className="cf-mapping">
          {fields.map((field) => {
            const id = `map-${field.key}`;
            const error = fieldError(step.details, `mapping.${field.key}`);
            return (
              <Field
                key={field.key}
                htmlFor={id}
                label={
                  <>
                    {text.importField(field.key)}
                    {field.required ? (
                      <Badge tone="accent" square>
                        {t("channels.imports.map.required")}
                      </Badge>
                    ) : null}
                  </>
                }
                error={error ? text.problem(error) : undefined}
              >
                <SelectInput
                  id={id}
                  name={`mapping.${field.key}`}
                  defaultValue={mapping[field.key] ?? ""}
                  placeholder={t("channels.imports.map.none")}
                  options={options}
                  aria-invalid={error ? true : undefined}
                  data-required={field.required || undefined}
                />
              </Field>
            );
          })}
        </div>
        <div>
          <h3 className="cf-section-label">{t("channels.imports.map.sample")}</h3>
          <div className="cf-table-wrap cf-sample">
            <table className="cf-table">
              <caption className="cf-visually-hidden">{t("channels.imports.map.sample")}</caption>
              <thead>
                <tr>
                  {preview.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sampleRows.slice(0, 5).map((row, index) => (
                  <tr key={index}>
                    {preview.columns.map((column, cell) => (
                      <td key={column} className="cf-nowrap">
                        {row[cell] ?? ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="cf-connect__actions">
          <Button type="submit" name="intent" value="start" variant="primary" disabled={busy}>
            {busy ? <Icon name="loader" className="cf-spin" /> : null}
            {t("channels.imports.map.start")}
          </Button>
          <ButtonLink to="/imports" variant="ghost">
            {t("channels.imports.map.restart")}
          </ButtonLink>
        </div>
      </Form>
    </Card>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const ratio = job.status === "done" ? 1 : job.total > 0 ? Math.min(1, job.processed / job.total) : 0;
  const indeterminate = job.status === "queued" || (job.status === "running" && job.total === 0);
  return (
    <div className="cf-import-progress">
      <div className="cf-import-progress__head">
        <span>
          {job.total > 0
            ? t("channels.imports.job.progress", {
                processed: format.number(job.processed),
                total: format.number(job.total),
              })
            : t(`channels.imports.job.${job.status}`)}
        </span>
        <span className="cf-num">{indeterminate ? "" : format.percent(ratio)}</span>
      </div>
      <div
        className={`cf-progressbar cf-progressbar--${job.status}${indeterminate ? " cf-progressbar--indeterminate" : ""}`}
        role="progressbar"
        aria-label={t("channels.imports.job.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={indeterminate ? undefined : Math.round(ratio * 100)}
      >
        <div className="cf-progressbar__fill" style={{ width: indeterminate ? undefined : `${ratio * 100}%` }} />
      </div>
    </div>
  );
}

function JobCard({ job }: { job: ImportJob }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const working = job.status === "queued" || job.status === "running";
  return (
    <Card
      id="import-job"
      title={
        <span className="cf-row">
          <Icon name="file" />
          {job.fileName}
        </span>
      }
      subtitle={t("channels.imports.job.started", { date: format.dateTime(job.createdAt, "long") })}
      actions={<ImportStatusBadge status={job.status} />}
      divided
    >
      {working ? <AutoRefresh seconds={REFRESH_SECONDS} /> : null}
      <div className="cf-stack cf-stack--sm" aria-live="polite" aria-busy={working}>
        <ImportProgress job={job} />
        <dl className="cf-import-stats">
          <div data-stat="imported">
            <dt>{t("channels.imports.job.imported")}</dt>
            <dd className="cf-num">{format.number(job.imported)}</dd>
          </div>
          <div data-stat="duplicates">
            <dt>{t("channels.imports.job.duplicates")}</dt>
            <dd className="cf-num">{format.number(job.duplicates)}</dd>
          </div>
          <div data-stat="failedRows">
            <dt>{t("channels.imports.job.failedRows")}</dt>
            <dd className={job.failedRows > 0 ? "cf-num cf-text-danger" : "cf-num"}>{format.number(job.failedRows)}</dd>
          </div>
          <div data-stat="total">
            <dt>{t("channels.imports.job.total")}</dt>
            <dd className="cf-num">{format.number(job.total)}</dd>
          </div>
        </dl>
        {job.status === "failed" ? (
          <Notice tone="danger" role="alert" title={t("channels.imports.job.failed")}>
            {job.error ?? t("channels.imports.job.failedBody")}
          </Notice>
        ) : null}
        {job.status === "done" ? (
          <Notice
            tone={job.failedRows > 0 ? "warning" : "success"}
            role="status"
            title={t("channels.imports.job.done")}
          >
            {t("channels.imports.job.summary", {
              imported: job.imported,
              duplicates: job.duplicates,
              failed: job.failedRows,
            })}{" "}
            {job.imported > 0 ? <Link to="/orders?channel=csv">{t("channels.imports.job.viewOrders")}</Link> : null}
          </Notice>
        ) : null}
      </div>
      {job.errors.length > 0 ? (
        <div className="cf-import-errors">
          <h3 className="cf-section-label">{t("channels.imports.job.errors", { count: job.errors.length })}</h3>
          <div className="cf-import-errors__table">
            <DataTable
              caption={t("channels.imports.job.errors", { count: job.errors.length })}
              rows={job.errors}
              rowKey={(error) => `${error.row}-${error.column ?? ""}-${error.message}`}
              columns={[
                {
                  key: "row",
                  header: t("channels.imports.job.col.row"),
                  align: "right",
                  cell: (error) => <span className="cf-num cf-cell-main">{error.row}</span>,
                },
                {
                  key: "column",
                  header: t("channels.imports.job.col.column"),
                  cell: (error) =>
                    error.column ? (
                      <code className="cf-nowrap">{error.column}</code>
                    ) : (
                      <span className="cf-subtle">—</span>
                    ),
                },
                {
                  key: "message",
                  header: t("channels.imports.job.col.message"),
                  className: "cf-col-error",
                  cell: (error) => error.message,
                },
              ]}
            />
          </div>
        </div>
      ) : null}
    </Card>
  );
}

function History({ imports, current }: { imports: ImportJob[]; current: string | null }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  return (
    <Card title={t("channels.imports.history.title")} flush>
      <DataTable
        caption={t("channels.imports.history.title")}
        rows={imports}
        rowKey={(job) => job.id}
        rowLink={(job) => ({ to: `/imports?id=${job.id}`, label: job.fileName })}
        empty={<EmptyState compact icon="file" title={t("channels.imports.history.empty")} />}
        columns={[
          {
            key: "file",
            header: t("channels.imports.history.col.file"),
            cell: (job) =>
              job.id === current ? <div className="cf-cell-sub">{t("channels.imports.history.shown")}</div> : null,
          },
          {
            key: "status",
            header: t("channels.imports.history.col.status"),
            cell: (job) => <ImportStatusBadge status={job.status} />,
          },
          {
            key: "started",
            header: t("channels.imports.history.col.started"),
            cell: (job) => (
              <time dateTime={job.createdAt} title={format.dateTime(job.createdAt, "long")} className="cf-nowrap">
                {format.dateTime(job.createdAt, "short")}
              </time>
            ),
          },
          {
            key: "rows",
            header: t("channels.imports.history.col.rows"),
            align: "right",
            cell: (job) => <span className="cf-num">{format.number(job.total)}</span>,
          },
          {
            key: "imported",
            header: t("channels.imports.job.imported"),
            align: "right",
            cell: (job) => <span className="cf-num">{format.number(job.imported)}</span>,
          },
          {
            key: "duplicates",
            header: t("channels.imports.job.duplicates"),
            align: "right",
            cell: (job) => <span className="cf-num">{format.number(job.duplicates)}</span>,
          },
          {
            key: "failed",
            header: t("channels.imports.job.failedRows"),
            align: "right",
            cell: (job) => (
              <span className={job.failedRows > 0 ? "cf-num cf-text-danger" : "cf-num"}>
                {format.number(job.failedRows)}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function ImportsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { imports, job } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const mapStep = actionData?.step === "map" ? (actionData as MapStep) : null;
  const failure = actionData?.step === "upload" ? (actionData as UploadFailure) : null;

  return (
    <>
      <title>{`${t("channels.imports.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("channels.imports.title")}
        subtitle={t("channels.imports.subtitle")}
        actions={
          job && canAct ? (
            <ButtonLink to="/imports" variant="primary">
              {t("channels.imports.another")}
            </ButtonLink>
          ) : null
        }
      />
      <div className="cf-stack">
        {!canAct ? <Notice tone="info">{t("channels.imports.readOnly")}</Notice> : null}
        {job ? <JobCard key={job.id} job={job} /> : null}
        {canAct && !job ? (
          <>
            <ol className="cf-steps" aria-label={t("channels.imports.steps.label")}>
              <li
                className="cf-steps__item"
                aria-current={mapStep ? undefined : "step"}
                data-done={mapStep ? true : undefined}
              >
                <span className="cf-steps__num">{mapStep ? <Icon name="check" className="cf-steps__check" /> : 1}</span>
                {t("channels.imports.steps.upload")}
              </li>
              <li className="cf-steps__item" aria-current={mapStep ? "step" : undefined}>
                <span className="cf-steps__num">2</span>
                {t("channels.imports.steps.map")}
              </li>
              <li className="cf-steps__item">
                <span className="cf-steps__num">3</span>
                {t("channels.imports.steps.import")}
              </li>
            </ol>
            {mapStep ? <MappingForm step={mapStep} /> : <UploadForm failure={failure} />}
          </>
        ) : null}
        <History imports={imports} current={job?.id ?? null} />
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
