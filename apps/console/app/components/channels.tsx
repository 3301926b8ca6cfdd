import { useFormat } from "@crossflow/i18n/react";
import { Badge, Button, Field, Notice, TabLinks, TextInput, type Tone } from "@crossflow/ui";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type {
  ChannelEventOutcome,
  ChannelField,
  DeadLetterStatus,
  FieldError,
  ImportStatus,
  ReplayResult,
  StockPolicy,
} from "../lib/api.server";

// Pieces shared by the channel pages (connections, dead letters, imports).

/** "shopDomain" → "Shop domain": the last resort for a key this console has no words for. */
export function humanizeKey(key: string): string {
  const text = key
    .replace(/[_.-]+/g, " ")
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MARKS: Record<string, string> = {
  shopify: "S",
  amazon: "a",
  ebay: "eB",
  tiktok: "T",
  woocommerce: "W",
  csv: "CSV",
  api: "API",
  demo: "D",
};

/** A small coloured tile standing in for the channel's logo. */
export function ChannelMark({ channel, size }: { channel: string; size?: "lg" }) {
  return (
    <span
      className={`cf-channel-mark cf-channel-mark--${channel}${size === "lg" ? " cf-channel-mark--lg" : ""}`}
      aria-hidden="true"
    >
      {MARKS[channel] ?? channel.slice(0, 2).toUpperCase()}
    </span>
  );
}

/** Localized words for channel fields, delivery outcomes and statuses, with fallbacks for unknown keys. */
export function useChannelText() {
  const { t, i18n } = useTranslation("console");
  const known = (key: string) => i18n.exists(key, { ns: "console" });
  const text = (key: string) => t(key as "channels.title");
  return {
    /** A channel's own word for the field, else the common one, else the API's label. */
    fieldLabel: (field: Pick<ChannelField, "key" | "label">, channel: string) =>
      known(`channels.fieldFor.${channel}.${field.key}`)
        ? text(`channels.fieldFor.${channel}.${field.key}`)
        : known(`channels.field.${field.key}`)
          ? text(`channels.field.${field.key}`)
          : (field.label ?? humanizeKey(field.key)),
    fieldPlaceholder: (key: string) =>
      known(`channels.placeholder.${key}`) ? text(`channels.placeholder.${key}`) : undefined,
    importField: (key: string) =>
      known(`channels.imports.field.${key}`) ? text(`channels.imports.field.${key}`) : humanizeKey(key),
    outcome: (outcome: string) =>
      known(`channels.outcome.${outcome}`) ? text(`channels.outcome.${outcome}`) : humanizeKey(outcome),
    /** The API's short field messages ("required") in the viewer's language; others as they are. */
    problem: (message: string) => (message === "required" ? t("channels.form.required") : message),
  };
}

const OUTCOME_TONES: Record<ChannelEventOutcome, Tone> = {
  accepted: "success",
  duplicate: "neutral",
  rejected: "danger",
  dead_lettered: "warning",
  ignored: "neutral",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const text = useChannelText();
  return (
    <Badge tone={OUTCOME_TONES[outcome as ChannelEventOutcome] ?? "neutral"} dot>
      <span data-outcome={outcome}>{text.outcome(outcome)}</span>
    </Badge>
  );
}

export function ConnectionStatusBadge({ status }: { status: "active" | "paused" }) {
  const { t } = useTranslation("console");
  return (
    <Badge tone={status === "active" ? "success" : "warning"} dot>
      <span data-connection-status={status}>{t(`channels.status.${status}`)}</span>
    </Badge>
  );
}

const DEAD_LETTER_TONES: Record<DeadLetterStatus, Tone> = { pending: "warning", replayed: "success", failed: "danger" };

export function DeadLetterStatusBadge({ status }: { status: DeadLetterStatus }) {
  const { t } = useTranslation("console");
  return (
    <Badge tone={DEAD_LETTER_TONES[status] ?? "neutral"} dot>
      <span data-dead-letter-status={status}>{t(`channels.deadLetters.status.${status}`)}</span>
    </Badge>
  );
}

const IMPORT_TONES: Record<ImportStatus, Tone> = {
  queued: "neutral",
  running: "info",
  done: "success",
  failed: "danger",
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation("console");
  return (
    <Badge tone={IMPORT_TONES[status] ?? "neutral"} dot>
      <span data-import-status={status}>{t(`channels.imports.status.${status}`)}</span>
    </Badge>
  );
}

/**
 * "5 minutes ago" next to the exact time in the viewer's zone. `now` comes from the loader so
 * the server and the hydrating browser render the same text.
 */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  const format = useFormat();
  return (
    <span className="cf-reltime">
      <time dateTime={iso} title={format.dateTime(iso, "long")}>
        {relativeTime(iso, now, format.locale)}
      </time>
      <span className="cf-reltime__abs">{format.dateTime(iso, "short")}</span>
    </span>
  );
}

export function relativeTime(iso: string, now: number, locale: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < 60
      ? [seconds, "second"]
      : abs < 3600
        ? [Math.round(seconds / 60), "minute"]
        : abs < 48 * 3600
          ? [Math.round(seconds / 3600), "hour"]
          : [Math.round(seconds / 86400), "day"];
  try {
    return new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" }).format(value, unit);
  } catch {
    return `${value} ${unit}`;
  }
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A read-only address with a copy button once JavaScript runs (without it, the text is selectable). */
export function CopyField({ id, value, label }: { id: string; value: string; label: string }) {
  const { t } = useTranslation("console");
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="cf-copy">
      <input
        id={id}
        className="cf-input cf-copy__input"
        readOnly
        value={value}
        aria-label={label}
        onFocus={(event) => event.currentTarget.select()}
      />
      {hydrated ? (
        <Button
          type="button"
          size="sm"
          onClick={() => {
            const done = () => setCopied(true);
            if (navigator.clipboard?.writeText) void navigator.clipboard.writeText(value).then(done, () => undefined);
            else {
              const input = document.getElementById(id) as HTMLInputElement | null;
              input?.select();
              if (document.execCommand("copy")) done();
            }
          }}
        >
          <span aria-live="polite">{copied ? t("channels.webhook.copied") : t("channels.webhook.copy")}</span>
        </Button>
      ) : null}
    </div>
  );
}

/** The API's message for a field path ("values.siteUrl"), if it named one. */
export function fieldError(details: readonly FieldError[] | undefined, path: string): string | undefined {
  return details?.find((detail) => detail.path === path)?.message;
}

/** Reads the stock policy inputs; a value that is not a whole number in range is a field error. */
export function readStockPolicy(form: FormData): { policy: StockPolicy; errors: FieldError[] } {
  const policy: StockPolicy = {};
  const errors: FieldError[] = [];
  const limits = { safetyBuffer: 1_000_000, percentage: 100, cap: 10_000_000 } as const;
  for (const key of ["safetyBuffer", "percentage", "cap"] as const) {
    const raw = String(form.get(`stock.${key}`) ?? "").trim();
    if (raw === "") continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > limits[key])
      errors.push({ path: `stockPolicy.${key}`, message: key === "percentage" ? "percent" : "whole" });
    else policy[key] = value;
  }
  return { policy, errors };
}

/** A local stock-policy error code ("whole", "percent") in words; API messages pass through. */
export function useStockProblem() {
  const { t } = useTranslation("console");
  return (message: string | undefined) =>
    message === "whole"
      ? t("channels.form.wholeNumber")
      : message === "percent"
        ? t("channels.form.percentRange")
        : message;
}

/**
 * A channel's connection fields. Secret fields are password inputs that are never prefilled;
 * when editing, a stored secret says so and is kept when its input is left empty.
 */
export function ConnectionFields(props: {
  idPrefix: string;
  channel: string;
  fields: ChannelField[];
  values: Record<string, unknown>;
  secretsSet?: string[];
  details?: FieldError[];
  mode: "create" | "edit";
}) {
  const { t } = useTranslation("console");
  const text = useChannelText();
  return (
    <div className="cf-form-grid cf-form-grid--wide">
      {props.fields.map((field) => {
        const id = `${props.idPrefix}-${field.key}`;
        const error = fieldError(props.details, `values.${field.key}`);
        const stored = props.secretsSet?.includes(field.key);
        const hint = field.secret
          ? props.mode === "edit"
            ? stored
              ? t("channels.form.storedHint")
              : t("channels.form.notStored")
            : t("channels.form.secretHint")
          : undefined;
        const current = props.values[field.key];
        return (
          <Field
            key={field.key}
            htmlFor={id}
            label={
              <>
                {text.fieldLabel(field, props.channel)}
                {field.required ? null : <span className="cf-field__optional"> · {t("channels.form.optional")}</span>}
              </>
            }
            hint={hint}
            error={error ? text.problem(error) : undefined}
          >
            <TextInput
              id={id}
              name={`values.${field.key}`}
              type={field.secret ? "password" : "text"}
              autoComplete={field.secret ? "new-password" : "off"}
              spellCheck={false}
              placeholder={field.secret && stored ? "••••••••" : (text.fieldPlaceholder(field.key) ?? undefined)}
              defaultValue={field.secret ? undefined : typeof current === "string" ? current : undefined}
              aria-required={field.required && props.mode === "create" ? true : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
              maxLength={4000}
              data-secret={field.secret || undefined}
            />
          </Field>
        );
      })}
    </div>
  );
}

/** Safety buffer, percentage and cap: what this channel is offered of each SKU's available stock. */
export function StockPolicyFields(props: { idPrefix: string; policy: StockPolicy; details?: FieldError[] }) {
  const { t } = useTranslation("console");
  const problem = useStockProblem();
  // No native min/max: out-of-range values come back from the server with the message next to the field.
  const inputs = [
    { key: "safetyBuffer", label: t("channels.form.safetyBuffer"), hint: t("channels.form.safetyBufferHint") },
    { key: "percentage", label: t("channels.form.percentage"), hint: t("channels.form.percentageHint") },
    { key: "cap", label: t("channels.form.cap"), hint: t("channels.form.capHint") },
  ] as const;
  return (
    <fieldset className="cf-fieldset">
      <legend className="cf-fieldset__legend">{t("channels.form.stockTitle")}</legend>
      <p className="cf-fieldset__hint">{t("channels.form.stockHint")}</p>
      <div className="cf-form-grid">
        {inputs.map((input) => {
          const id = `${props.idPrefix}-stock-${input.key}`;
          const error = problem(fieldError(props.details, `stockPolicy.${input.key}`));
          return (
            <Field key={input.key} htmlFor={id} label={input.label} hint={input.hint} error={error}>
              <TextInput
                id={id}
                name={`stock.${input.key}`}
                type="number"
                inputMode="numeric"
                defaultValue={props.policy[input.key] ?? ""}
                aria-invalid={error ? true : undefined}
              />
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The `values.<key>` inputs of a connection form. */
export function readConnectionValues(form: FormData, fields: ChannelField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = form.get(`values.${field.key}`);
    if (typeof value === "string") values[field.key] = value.trim().slice(0, 4000);
  }
  return values;
}

/** Sub-navigation of the channel pages. */
export function ChannelTabs({
  active,
  deadLetters,
}: {
  active: "connections" | "deadLetters";
  deadLetters: number | null;
}) {
  const { t } = useTranslation("console");
  return (
    <TabLinks
      label={t("channels.tabs.label")}
      items={[
        {
          key: "connections",
          to: "/connections",
          label: t("channels.tabs.connections"),
          active: active === "connections",
        },
        {
          key: "deadLetters",
          to: "/dead-letters",
          label: t("channels.tabs.deadLetters"),
          count: deadLetters ?? undefined,
          active: active === "deadLetters",
        },
      ]}
    />
  );
}

/** A dead letter's details as field problems; entries of another shape are shown as text. */
export function problemsOf(details: readonly unknown[]): Array<{ path: string; message: string }> {
  return details.map((item) => {
    if (typeof item === "object" && item !== null) {
      const { path, message } = item as { path?: unknown; message?: unknown };
      return {
        path: typeof path === "string" ? path : Array.isArray(path) ? path.join(".") : "",
        message: typeof message === "string" ? message : JSON.stringify(item),
      };
    }
    return { path: "", message: String(item) };
  });
}

/** What a replay did: the order it created, or why it still fails. */
export function ReplayOutcome({ result }: { result: ReplayResult }) {
  const { t } = useTranslation("console");
  if (result.status === "replayed")
    return (
      <Notice tone="success" role="status" title={t("channels.deadLetters.replayed")}>
        {result.orderId ? (
          <>
            {t("channels.deadLetters.replayedOrder")}{" "}
            <Link to={`/orders/${result.orderId}`} className="cf-mono">
              {result.orderId}
            </Link>
          </>
        ) : (
          t("channels.deadLetters.replayedBefore")
        )}
      </Notice>
    );
  return (
    <Notice tone="danger" role="alert" title={t("channels.deadLetters.stillFailing")}>
      {result.error}
    </Notice>
  );
}

/** "2 held back · at most 80% · capped at 100", or "All available stock". */
export function usePolicySummary() {
  const { t } = useTranslation("console");
  const format = useFormat();
  return (policy: StockPolicy) => {
    const parts = [
      policy.safetyBuffer ? t("channels.policy.buffer", { units: format.number(policy.safetyBuffer) }) : null,
      policy.percentage !== undefined && policy.percentage < 100
        ? t("channels.policy.percentage", { percent: format.number(policy.percentage) })
        : null,
      policy.cap !== undefined ? t("channels.policy.cap", { cap: format.number(policy.cap) }) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(" · ") : t("channels.policy.all");
  };
}
