import { currencyExponent } from "@crossflow/i18n";
import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  Card,
  Checkbox,
  DataTable,
  Field,
  Icon,
  Notice,
  PageHeader,
  TextArea,
  TextInput,
} from "@crossflow/ui";
import { RouteError } from "@crossflow/ui/app";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { api } from "../lib/api.server";
import type { Route } from "./+types/settings";

// The tenant's risk screening and payment policy (GET/PUT /app/settings). Plain forms: they
// post without JavaScript, and the API's field errors come back next to the fields.

const EDITORS = new Set(["owner", "admin"]);

const SIGNALS = [
  "deny_list_email",
  "deny_list_email_domain",
  "deny_list_phone",
  "deny_list_address",
  "deny_list_ip",
  "high_risk_destination",
  "high_value",
  "first_order_high_value",
  "velocity_email",
  "velocity_address",
  "velocity_card",
  "billing_shipping_mismatch",
] as const;

const DENY_LISTS = ["emails", "emailDomains", "phones", "ips", "addresses"] as const;
type DenyList = (typeof DENY_LISTS)[number];
const VELOCITY = ["email", "address", "card"] as const;
const THRESHOLDS = ["highValueThresholds", "firstOrderThresholds"] as const;
type ThresholdField = (typeof THRESHOLDS)[number];

interface RiskConfig {
  denyList: Record<DenyList, string[]>;
  highRiskDestinations: string[];
  highValueThresholds: Record<string, number>;
  firstOrderThresholds: Record<string, number>;
  velocity: Record<(typeof VELOCITY)[number], { maxOrders: number; windowMinutes: number }>;
  ignoreMismatchWithinEu: boolean;
  weights: Record<string, number>;
  reviewThreshold: number;
}

interface PaymentPolicy {
  unpaidHoldAfterMinutes: number;
  amountToleranceMinor: number;
  acceptAuthorized: boolean;
  requireVerification: boolean;
}

const EMAIL_EVENTS = [
  "order_confirmed",
  "shipped",
  "customs_hold",
  "out_for_delivery",
  "failed_attempt",
  "delivered",
  "return_approved",
  "refund_issued",
] as const;

interface NotificationSettings {
  brand: { name?: string; senderName?: string; color?: string; logoUrl?: string; replyTo?: string };
  disabled: string[];
}

interface SettingsView {
  risk: RiskConfig;
  payment: PaymentPolicy;
  notifications?: NotificationSettings;
  signals: string[];
  defaults: { risk: RiskConfig; payment: PaymentPolicy };
  updatedBy: string | null;
  updatedByName?: string | null;
  updatedAt: string | null;
}

type Section = "risk" | "payment" | "notifications";
type Values = Record<string, string>;

/** A field error: from the API (path + English message), or found here before sending (key + params). */
interface Problem {
  path: string;
  message: string;
  key?: "thresholdLine" | "decimals" | "duplicate";
  params?: Record<string, string>;
}

interface ActionResult {
  intent: Section;
  ok: boolean;
  values?: Values;
  sent?: Record<string, unknown>;
  problems?: Problem[];
  error?: { code: string; message: string };
  status?: number;
}

/** Whole-number fields and their bounds, for the message shown next to them. */
const NUMBER_BOUNDS: Array<[RegExp, number, number | null]> = [
  [/^reviewThreshold$/, 1, null],
  [/^weights\./, 0, 1000],
  [/^velocity\.\w+\.(maxOrders|windowMinutes)$/, 1, null],
  [/^unpaidHoldAfterMinutes$/, 1, 10080],
  [/^amountToleranceMinor$/, 0, null],
];

// ---------- Form values ⇄ settings ----------

/** Minor units as a plain major-unit amount, by string (no float): 100000 EUR → "1000.00". */
function majorText(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function sortedEntries(map: Record<string, number>): Array<[string, number]> {
  return Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
}

function thresholdsText(map: Record<string, number>): string {
  return sortedEntries(map)
    .map(([currency, minor]) => `${currency} ${majorText(minor, currency)}`)
    .join("\n");
}

function riskValues(risk: RiskConfig): Values {
  const values: Values = {
    highRiskDestinations: risk.highRiskDestinations.join(", "),
    reviewThreshold: String(risk.reviewThreshold),
    ignoreMismatchWithinEu: risk.ignoreMismatchWithinEu ? "on" : "",
  };
  for (const list of DENY_LISTS) values[`denyList.${list}`] = risk.denyList[list].join("\n");
  for (const field of THRESHOLDS) values[field] = thresholdsText(risk[field]);
  for (const kind of VELOCITY) {
    values[`velocity.${kind}.maxOrders`] = String(risk.velocity[kind].maxOrders);
    values[`velocity.${kind}.windowMinutes`] = String(risk.velocity[kind].windowMinutes);
  }
  for (const signal of SIGNALS) values[`weights.${signal}`] = String(risk.weights[signal] ?? 0);
  return values;
}

const BRAND_FIELDS = ["name", "senderName", "color", "logoUrl", "replyTo"] as const;

function notificationValues(settings: NotificationSettings | undefined): Values {
  const values: Values = {};
  for (const field of BRAND_FIELDS) values[`brand.${field}`] = settings?.brand[field] ?? "";
  for (const event of EMAIL_EVENTS) values[`event.${event}`] = settings?.disabled.includes(event) ? "" : "on";
  return values;
}

/** The form as the API wants it: empty brand fields left out (they follow the defaults). */
function notificationBody(values: Values): Record<string, unknown> {
  const brand: Record<string, string> = {};
  for (const field of BRAND_FIELDS) {
    const value = (values[`brand.${field}`] ?? "").trim();
    if (value) brand[field] = value;
  }
  return { brand, disabled: EMAIL_EVENTS.filter((event) => values[`event.${event}`] !== "on") };
}

function paymentValues(payment: PaymentPolicy): Values {
  return {
    unpaidHoldAfterMinutes: String(payment.unpaidHoldAfterMinutes),
    amountToleranceMinor: String(payment.amountToleranceMinor),
    acceptAuthorized: payment.acceptAuthorized ? "on" : "",
    requireVerification: payment.requireVerification ? "on" : "",
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A whole number as a number; anything else goes as typed, so the API names the field. */
function wholeNumber(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const THRESHOLD_LINE =
  /^(?:([A-Za-z]{3})\s*[:=]?\s*(\d[\d,' _]*)(?:\.(\d+))?|(\d[\d,' _]*)(?:\.(\d+))?\s*([A-Za-z]{3}))$/;

/** "EUR 1000.00" per line → { EUR: 100000 }, converted with the currency's ISO exponent. */
function parseThresholds(field: ThresholdField, text: string, problems: Problem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines(text)) {
    const match = THRESHOLD_LINE.exec(line);
    if (!match) {
      problems.push({ path: field, message: line, key: "thresholdLine", params: { value: line } });
      continue;
    }
    const currency = (match[1] ?? match[6] ?? "").toUpperCase();
    const whole = (match[2] ?? match[4] ?? "").replace(/[,' _]/g, "");
    const fraction = match[3] ?? match[5] ?? "";
    const exponent = currencyExponent(currency);
    if (fraction.length > exponent) {
      problems.push({
        path: field,
        message: line,
        key: "decimals",
        params: { currency, digits: String(exponent), value: line },
      });
      continue;
    }
    if (currency in out) {
      problems.push({ path: field, message: line, key: "duplicate", params: { currency } });
      continue;
    }
    out[currency] = Number(`${whole}${fraction.padEnd(exponent, "0")}`);
  }
  return out;
}

function riskBody(values: Values, problems: Problem[]): Record<string, unknown> {
  const denyList: Record<string, string[]> = {};
  for (const list of DENY_LISTS) denyList[list] = lines(values[`denyList.${list}`] ?? "");
  const velocity: Record<string, unknown> = {};
  for (const kind of VELOCITY)
    velocity[kind] = {
      maxOrders: wholeNumber(values[`velocity.${kind}.maxOrders`] ?? ""),
      windowMinutes: wholeNumber(values[`velocity.${kind}.windowMinutes`] ?? ""),
    };
  const weights: Record<string, unknown> = {};
  for (const signal of SIGNALS) weights[signal] = wholeNumber(values[`weights.${signal}`] ?? "");
  return {
    denyList,
    highRiskDestinations: (values.highRiskDestinations ?? "").split(/[\s,;]+/).filter(Boolean),
    highValueThresholds: parseThresholds("highValueThresholds", values.highValueThresholds ?? "", problems),
    firstOrderThresholds: parseThresholds("firstOrderThresholds", values.firstOrderThresholds ?? "", problems),
    velocity,
    ignoreMismatchWithinEu: values.ignoreMismatchWithinEu === "on",
    weights,
    reviewThreshold: wholeNumber(values.reviewThreshold ?? ""),
  };
}

function paymentBody(values: Values): Record<string, unknown> {
  return {
    unpaidHoldAfterMinutes: wholeNumber(values.unpaidHoldAfterMinutes ?? ""),
    amountToleranceMinor: wholeNumber(values.amountToleranceMinor ?? ""),
    acceptAuthorized: values.acceptAuthorized === "on",
    requireVerification: values.requireVerification === "on",
  };
}

// ---------- Loader and action ----------

export async function loader({ request }: Route.LoaderArgs) {
  const [settings, session] = await Promise.all([api.settings<SettingsView>(request), api.session(request)]);
  return { settings, canEdit: EDITORS.has(session.role ?? "") };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent !== "risk" && intent !== "payment" && intent !== "notifications")
    return data<ActionResult>(
      { intent: "risk", ok: false, error: { code: "invalid_intent", message: "Unknown action" } },
      { status: 400 },
    );
  const values: Values = {};
  for (const [key, value] of form) if (key !== "intent" && typeof value === "string") values[key] = value;
  const problems: Problem[] = [];
  const sent =
    intent === "risk"
      ? riskBody(values, problems)
      : intent === "payment"
        ? paymentBody(values)
        : notificationBody(values);
  if (problems.length > 0) return data<ActionResult>({ intent, ok: false, values, sent, problems }, { status: 400 });
  const saved = await api.saveSettings<SettingsView>(request, intent, sent);
  if (!saved.ok)
    return data<ActionResult>(
      { intent, ok: false, values, sent, problems: saved.details, error: saved.error, status: saved.status },
      { status: saved.status },
    );
  return data<ActionResult>({ intent, ok: true });
}

// ---------- Field errors in the viewer's language ----------

const LIST_ERRORS: Record<string, string> = {
  "denyList.emails": "email",
  "denyList.emailDomains": "emailDomain",
  "denyList.phones": "phone",
  "denyList.ips": "ip",
  "denyList.addresses": "address",
  highRiskDestinations: "country",
};

function useProblemText(sent: Record<string, unknown> | undefined) {
  const { t } = useTranslation("console");
  return (field: string, problem: Problem): string => {
    const params = problem.params ?? {};
    switch (problem.key) {
      case "thresholdLine":
        return t("settings.errors.thresholdLine", { value: params.value ?? "" });
      case "decimals":
        return t("settings.errors.decimals", {
          value: params.value ?? "",
          currency: params.currency ?? "",
          digits: params.digits ?? "",
        });
      case "duplicate":
        return t("settings.errors.duplicate", { currency: params.currency ?? "" });
    }
    const rest = problem.path.slice(field.length + 1);
    const listError = LIST_ERRORS[field];
    if (listError) {
      const [section, name] = field.split(".") as [string, string | undefined];
      const source = name ? (sent?.[section] as Record<string, unknown> | undefined)?.[name] : sent?.[section];
      const value = Array.isArray(source) ? source[Number(rest)] : undefined;
      if (value !== undefined)
        return t(`settings.errors.${listError as "email"}`, { value: String(value), line: Number(rest) + 1 });
    }
    if ((THRESHOLDS as readonly string[]).includes(field) && rest) {
      // A bad currency is an invalid record key; a bad amount fails on the value.
      return /4217|currency|key/i.test(problem.message)
        ? t("settings.errors.currency", { currency: rest })
        : t("settings.errors.amount", { currency: rest });
    }
    const bounds = NUMBER_BOUNDS.find(([pattern]) => pattern.test(problem.path));
    if (bounds) {
      const [, min, max] = bounds;
      return max === null
        ? t("settings.errors.atLeast", { min: String(min) })
        : t("settings.errors.between", { min: String(min), max: String(max) });
    }
    return problem.message;
  };
}

// ---------- Page ----------

interface FormState {
  values: Values;
  readOnly: boolean;
  /** The localized errors of a field (its own path or anything under it). */
  error(field: string): ReactNode;
  /** Whether the field holds the first error, which gets the focus. */
  first(field: string): boolean;
}

function useFormState(section: Section, saved: Values, readOnly: boolean, actionData: ActionResult | undefined) {
  const failed = actionData && !actionData.ok && actionData.intent === section ? actionData : undefined;
  const text = useProblemText(failed?.sent);
  const problems = failed?.problems ?? [];
  const state: FormState = {
    values: failed?.values ?? saved,
    readOnly,
    error(field) {
      const mine = problems.filter((problem) => problem.path === field || problem.path.startsWith(`${field}.`));
      if (mine.length === 0) return null;
      const messages = [...new Set(mine.map((problem) => text(field, problem)))];
      return messages.length === 1 ? messages[0] : messages.join(" · ");
    },
    first(field) {
      const path = problems[0]?.path;
      return path !== undefined && (path === field || path.startsWith(`${field}.`));
    },
  };
  return state;
}

const fieldId = (field: string) => `settings-${field.replace(/\./g, "-")}`;

/**
 * Marks a field at fault. The first one is rendered with autofocus, so that after a post
 * without JavaScript the browser puts the cursor there; with JavaScript the page's effect does.
 */
function invalid(state: FormState, field: string) {
  if (!state.error(field)) return {};
  return {
    "aria-invalid": true as const,
    "aria-describedby": `${fieldId(field)}-error`,
    ...(state.first(field) ? { autoFocus: true } : {}),
  };
}

function ListField(props: {
  state: FormState;
  field: string;
  label: string;
  hint: ReactNode;
  rows?: number;
  placeholder?: string;
}) {
  const { t } = useTranslation("console");
  const { state, field } = props;
  return (
    <Field label={props.label} htmlFor={fieldId(field)} hint={props.hint} error={state.error(field)}>
      <TextArea
        id={fieldId(field)}
        name={field}
        rows={props.rows ?? 4}
        defaultValue={state.values[field] ?? ""}
        readOnly={state.readOnly}
        placeholder={state.readOnly ? t("settings.none") : props.placeholder}
        spellCheck={false}
        autoCapitalize="off"
        {...invalid(state, field)}
      />
    </Field>
  );
}

function NumberInput(props: {
  state: FormState;
  field: string;
  min: number;
  max?: number;
  label?: string;
  className?: string;
}) {
  const { state, field } = props;
  return (
    <TextInput
      id={fieldId(field)}
      name={field}
      type="number"
      inputMode="numeric"
      min={props.min}
      max={props.max}
      step={1}
      defaultValue={state.values[field] ?? ""}
      readOnly={state.readOnly}
      aria-label={props.label}
      className={props.className}
      {...invalid(state, field)}
    />
  );
}

function SaveBar({ label, busy }: { label: string; busy: boolean }) {
  return (
    <div className="cf-settings__save">
      <Button type="submit" variant="primary" disabled={busy}>
        <Icon name="check" />
        {label}
      </Button>
    </div>
  );
}

/** Up to this many saved amounts are shown unfolded. */
const OPEN_AMOUNTS = 8;

function ThresholdField(props: { state: FormState; field: ThresholdField; saved: Record<string, number> }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const { state, field } = props;
  const entries = sortedEntries(props.saved);
  return (
    <div className="cf-stack--sm cf-settings__stack">
      <ListField
        state={state}
        field={field}
        label={t(`settings.risk.${field}`)}
        hint={t(`settings.risk.${field}Hint`)}
        rows={6}
        placeholder="EUR 1000.00"
      />
      {entries.length > 0 ? (
        // Long lists (the defaults cover 36 currencies) stay folded; a native <details> needs no script.
        <details className="cf-disclosure" open={entries.length <= OPEN_AMOUNTS}>
          <summary>
            <Icon name="chevronRight" />
            {t("settings.risk.showAmounts", { n: format.number(entries.length) })}
          </summary>
          <ul
            className="cf-settings__money"
            aria-label={t("settings.risk.savedAmounts", { field: t(`settings.risk.${field}`) })}
          >
            {entries.map(([currency, minor]) => (
              <li key={currency} className="cf-settings__chip">
                {format.money(minor, currency)}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="cf-field__hint">{t("settings.risk.noThresholds")}</p>
      )}
    </div>
  );
}

function RiskForm(props: { settings: SettingsView; canEdit: boolean; actionData?: ActionResult; busy: boolean }) {
  const { settings, canEdit, busy } = props;
  const { t } = useTranslation("console");
  const format = useFormat();
  const state = useFormState("risk", riskValues(settings.risk), !canEdit, props.actionData);
  const risk = settings.risk;
  const signalRows = SIGNALS.map((signal) => ({
    signal,
    weight: risk.weights[signal] ?? 0,
    fallback: settings.defaults.risk.weights[signal] ?? 0,
  }));
  return (
    <Form
      method="post"
      className="cf-settings__form"
      aria-label={t("settings.risk.title")}
      data-section="risk"
      noValidate
    >
      <input type="hidden" name="intent" value="risk" />
      <Card
        title={
          <span className="cf-row">
            <span className="cf-settings__icon cf-tone-warning">
              <Icon name="alert" />
            </span>
            {t("settings.risk.title")}
          </span>
        }
        subtitle={t("settings.risk.subtitle")}
        divided
        footer={canEdit ? <SaveBar label={t("settings.risk.save")} busy={busy} /> : undefined}
      >
        <div className="cf-settings__section">
          <h3 className="cf-settings__heading">{t("settings.risk.denyListTitle")}</h3>
          <p className="cf-settings__lead">{t("settings.risk.denyListHint")}</p>
          <div className="cf-settings__grid">
            <ListField
              state={state}
              field="denyList.emails"
              label={t("settings.risk.emails")}
              hint={t("settings.risk.emailsHint")}
              placeholder="fraud@example.com"
            />
            <ListField
              state={state}
              field="denyList.emailDomains"
              label={t("settings.risk.emailDomains")}
              hint={t("settings.risk.emailDomainsHint")}
              placeholder="example.net"
            />
            <ListField
              state={state}
              field="denyList.phones"
              label={t("settings.risk.phones")}
              hint={t("settings.risk.phonesHint")}
              placeholder="+49 30 1234567"
            />
            <ListField
              state={state}
              field="denyList.ips"
              label={t("settings.risk.ips")}
              hint={t("settings.risk.ipsHint")}
              placeholder="203.0.113.0/24"
            />
            <div className="cf-settings__wide">
              <ListField
                state={state}
                field="denyList.addresses"
                label={t("settings.risk.addresses")}
                hint={t("settings.risk.addressesHint")}
                rows={3}
                placeholder="DE|10115|invalidenstr 1"
              />
            </div>
          </div>
        </div>

        <div className="cf-settings__section">
          <h3 className="cf-settings__heading">{t("settings.risk.destinationsTitle")}</h3>
          <ListField
            state={state}
            field="highRiskDestinations"
            label={t("settings.risk.destinations")}
            hint={t("settings.risk.destinationsHint")}
            rows={2}
            placeholder="CU, IR, KP, SY"
          />
          {risk.highRiskDestinations.length > 0 ? (
            <ul className="cf-settings__countries" aria-label={t("settings.risk.destinationsSaved")}>
              {risk.highRiskDestinations.map((code) => (
                <li key={code} className="cf-settings__chip cf-settings__chip--country">
                  <Badge square>{code}</Badge> {format.country(code)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="cf-field__hint">{t("settings.risk.noDestinations")}</p>
          )}
        </div>

        <div className="cf-settings__section">
          <h3 className="cf-settings__heading">{t("settings.risk.scoringTitle")}</h3>
          <div className="cf-settings__grid">
            <Field
              label={t("settings.risk.reviewThreshold")}
              htmlFor={fieldId("reviewThreshold")}
              hint={t("settings.risk.reviewThresholdHint", {
                value: format.number(settings.defaults.risk.reviewThreshold),
              })}
              error={state.error("reviewThreshold")}
            >
              <NumberInput state={state} field="reviewThreshold" min={1} className="cf-settings__number" />
            </Field>
            <div className="cf-settings__check">
              <Checkbox
                name="ignoreMismatchWithinEu"
                defaultChecked={state.values.ignoreMismatchWithinEu === "on"}
                disabled={state.readOnly}
                label={t("settings.risk.ignoreMismatchWithinEu")}
              />
              <p className="cf-field__hint">{t("settings.risk.ignoreMismatchWithinEuHint")}</p>
            </div>
          </div>
          <h4 className="cf-settings__subheading">{t("settings.risk.weightsTitle")}</h4>
          <p className="cf-settings__lead">{t("settings.risk.weightsHint")}</p>
          <div className="cf-settings__table">
            <DataTable
              rows={signalRows}
              rowKey={(row) => row.signal}
              caption={t("settings.risk.weightsTitle")}
              columns={[
                {
                  key: "signal",
                  header: t("settings.risk.signal"),
                  cell: (row) => (
                    <label htmlFor={fieldId(`weights.${row.signal}`)} className="cf-cell-main">
                      {t(`settings.signal.${row.signal}`)}
                    </label>
                  ),
                },
                {
                  key: "effect",
                  header: t("settings.risk.effect"),
                  cell: (row) =>
                    row.weight === 0 ? (
                      <Badge>{t("settings.risk.off")}</Badge>
                    ) : row.weight >= risk.reviewThreshold ? (
                      <Badge tone="warning">{t("settings.risk.holdsAlone")}</Badge>
                    ) : (
                      <Badge tone="info">{t("settings.risk.adds")}</Badge>
                    ),
                },
                {
                  key: "default",
                  header: t("settings.risk.default"),
                  align: "right",
                  cell: (row) => <span className="cf-num cf-muted">{format.number(row.fallback)}</span>,
                },
                {
                  key: "weight",
                  header: t("settings.risk.weight"),
                  align: "right",
                  cell: (row) => (
                    <div className="cf-settings__cell-input">
                      <NumberInput
                        state={state}
                        field={`weights.${row.signal}`}
                        min={0}
                        max={1000}
                        className="cf-settings__number"
                      />
                      {state.error(`weights.${row.signal}`) ? (
                        <p className="cf-field__error" id={`${fieldId(`weights.${row.signal}`)}-error`} role="alert">
                          {state.error(`weights.${row.signal}`)}
                        </p>
                      ) : null}
                    </div>
                  ),
                },
              ]}
            />
          </div>
        </div>

        <div className="cf-settings__section">
          <h3 className="cf-settings__heading">{t("settings.risk.velocityTitle")}</h3>
          <p className="cf-settings__lead">{t("settings.risk.velocityHint")}</p>
          <div className="cf-settings__table">
            <DataTable
              rows={[...VELOCITY]}
              rowKey={(kind) => kind}
              caption={t("settings.risk.velocityTitle")}
              columns={[
                {
                  key: "kind",
                  header: t("settings.risk.velocityKind"),
                  cell: (kind) => <span className="cf-cell-main">{t(`settings.risk.velocity.${kind}`)}</span>,
                },
                ...(["maxOrders", "windowMinutes"] as const).map((part) => ({
                  key: part,
                  header: t(`settings.risk.${part}`),
                  align: "right" as const,
                  cell: (kind: (typeof VELOCITY)[number]) => {
                    const field = `velocity.${kind}.${part}`;
                    return (
                      <div className="cf-settings__cell-input">
                        <NumberInput
                          state={state}
                          field={field}
                          min={1}
                          label={`${t(`settings.risk.velocity.${kind}`)}: ${t(`settings.risk.${part}`)}`}
                          className="cf-settings__number"
                        />
                        {state.error(field) ? (
                          <p className="cf-field__error" id={`${fieldId(field)}-error`} role="alert">
                            {state.error(field)}
                          </p>
                        ) : null}
                      </div>
                    );
                  },
                })),
              ]}
            />
          </div>
        </div>

        <div className="cf-settings__section">
          <h3 className="cf-settings__heading">{t("settings.risk.valueTitle")}</h3>
          <div className="cf-settings__grid">
            <ThresholdField state={state} field="highValueThresholds" saved={risk.highValueThresholds} />
            <ThresholdField state={state} field="firstOrderThresholds" saved={risk.firstOrderThresholds} />
          </div>
        </div>
      </Card>
    </Form>
  );
}

function PaymentForm(props: { settings: SettingsView; canEdit: boolean; actionData?: ActionResult; busy: boolean }) {
  const { settings, canEdit, busy } = props;
  const { t } = useTranslation("console");
  const format = useFormat();
  const state = useFormState("payment", paymentValues(settings.payment), !canEdit, props.actionData);
  const defaults = settings.defaults.payment;
  return (
    <Form
      method="post"
      className="cf-settings__form"
      aria-label={t("settings.payment.title")}
      data-section="payment"
      noValidate
    >
      <input type="hidden" name="intent" value="payment" />
      <Card
        title={
          <span className="cf-row">
            <span className="cf-settings__icon cf-tone-accent">
              <Icon name="creditCard" />
            </span>
            {t("settings.payment.title")}
          </span>
        }
        subtitle={t("settings.payment.subtitle")}
        divided
        footer={canEdit ? <SaveBar label={t("settings.payment.save")} busy={busy} /> : undefined}
      >
        <div className="cf-stack cf-settings__stack">
          <Field
            label={t("settings.payment.unpaidHoldAfterMinutes")}
            htmlFor={fieldId("unpaidHoldAfterMinutes")}
            hint={t("settings.payment.unpaidHoldAfterMinutesHint", {
              value: format.number(defaults.unpaidHoldAfterMinutes),
            })}
            error={state.error("unpaidHoldAfterMinutes")}
          >
            <NumberInput
              state={state}
              field="unpaidHoldAfterMinutes"
              min={1}
              max={10080}
              className="cf-settings__number"
            />
          </Field>
          <Field
            label={t("settings.payment.amountToleranceMinor")}
            htmlFor={fieldId("amountToleranceMinor")}
            hint={t("settings.payment.amountToleranceMinorHint", {
              eur: format.money(50, "EUR"),
              jpy: format.money(50, "JPY"),
            })}
            error={state.error("amountToleranceMinor")}
          >
            <NumberInput state={state} field="amountToleranceMinor" min={0} className="cf-settings__number" />
          </Field>
          <div className="cf-settings__check">
            <Checkbox
              name="acceptAuthorized"
              defaultChecked={state.values.acceptAuthorized === "on"}
              disabled={state.readOnly}
              label={t("settings.payment.acceptAuthorized")}
            />
            <p className="cf-field__hint">{t("settings.payment.acceptAuthorizedHint")}</p>
          </div>
          <div className="cf-settings__check">
            <Checkbox
              name="requireVerification"
              defaultChecked={state.values.requireVerification === "on"}
              disabled={state.readOnly}
              label={t("settings.payment.requireVerification")}
            />
            <p className="cf-field__hint">{t("settings.payment.requireVerificationHint")}</p>
            <ul className="cf-settings__tradeoff">
              <li>
                <strong>{t("settings.payment.onLabel")}</strong> {t("settings.payment.onEffect")}
              </li>
              <li>
                <strong>{t("settings.payment.offLabel")}</strong> {t("settings.payment.offEffect")}
              </li>
            </ul>
          </div>
        </div>
      </Card>
    </Form>
  );
}

function NotificationsForm(props: {
  settings: SettingsView;
  canEdit: boolean;
  actionData?: ActionResult;
  busy: boolean;
}) {
  const { settings, canEdit, busy } = props;
  const { t } = useTranslation("console");
  const state = useFormState("notifications", notificationValues(settings.notifications), !canEdit, props.actionData);
  const text = (field: (typeof BRAND_FIELDS)[number], placeholder?: string) => (
    <Field
      key={field}
      label={t(`settings.notifications.${field}`)}
      htmlFor={fieldId(`brand.${field}`)}
      error={state.error(`brand.${field}`)}
    >
      <TextInput
        id={fieldId(`brand.${field}`)}
        name={`brand.${field}`}
        defaultValue={state.values[`brand.${field}`] ?? ""}
        readOnly={state.readOnly}
        placeholder={state.readOnly ? t("settings.none") : placeholder}
        {...invalid(state, `brand.${field}`)}
      />
    </Field>
  );
  return (
    <Form
      method="post"
      className="cf-settings__form"
      aria-label={t("settings.notifications.title")}
      data-section="notifications"
      noValidate
    >
      <input type="hidden" name="intent" value="notifications" />
      <Card
        title={
          <span className="cf-row">
            <span className="cf-settings__icon cf-tone-accent">
              <Icon name="info" />
            </span>
            {t("settings.notifications.title")}
          </span>
        }
        subtitle={t("settings.notifications.subtitle")}
        divided
        footer={canEdit ? <SaveBar label={t("settings.notifications.save")} busy={busy} /> : undefined}
      >
        <div className="cf-stack cf-settings__stack">
          {text("name")}
          {text("senderName")}
          {text("color", "#4f46e5")}
          {text("logoUrl", "https://…")}
          {text("replyTo", "support@…")}
          <div className="cf-settings__check">
            <p className="cf-section-label">{t("settings.notifications.events")}</p>
            {EMAIL_EVENTS.map((event) => (
              <Checkbox
                key={event}
                name={`event.${event}`}
                defaultChecked={state.values[`event.${event}`] === "on"}
                disabled={state.readOnly}
                label={t(`settings.notifications.event.${event}`)}
              />
            ))}
            {state.error("disabled")}
          </div>
        </div>
      </Card>
    </Form>
  );
}

export default function SettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, canEdit } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const result = actionData as ActionResult | undefined;
  const problemCount = result && !result.ok ? (result.problems?.length ?? 0) : 0;
  // A saved form starts again from what the server holds.
  const stamp = settings.updatedAt ?? "defaults";

  // After a refused save, take the viewer to the first field at fault (the notice says how many).
  useEffect(() => {
    if (!result || result.ok) return;
    const first = document.querySelector<HTMLElement>(`form[data-section="${result.intent}"] [aria-invalid="true"]`);
    if (first) first.focus();
    else window.scrollTo({ top: 0 });
  }, [result]);
  return (
    <>
      <title>{`${t("settings.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("settings.title")}
        subtitle={t("settings.subtitle")}
        meta={
          <span data-testid="settings-updated">
            <Icon name="clock" />
            {settings.updatedAt
              ? t("settings.updatedMeta", {
                  date: format.dateTime(settings.updatedAt, "long"),
                  by: settings.updatedByName ?? settings.updatedBy ?? "",
                })
              : t("settings.defaultsMeta")}
          </span>
        }
      />
      <div className="cf-stack">
        {!canEdit ? (
          <Notice tone="info" role="status" icon="info">
            {t("settings.readOnly")}
          </Notice>
        ) : null}
        {result?.ok ? (
          <Notice tone="success" role="status" title={t(`settings.saved.${result.intent}`)}>
            {t("settings.savedBody")}
          </Notice>
        ) : null}
        {result && !result.ok ? (
          <Notice tone="danger" role="alert" title={t(`settings.failed.${result.intent}`)}>
            {problemCount > 0
              ? t("settings.fixErrors", { n: problemCount })
              : result.status === 403
                ? t("settings.forbidden")
                : result.error?.message}
          </Notice>
        ) : null}
        <div className="cf-settings">
          <RiskForm key={`risk-${stamp}`} settings={settings} canEdit={canEdit} actionData={result} busy={busy} />
          <div className="cf-stack">
            <PaymentForm
              key={`payment-${stamp}`}
              settings={settings}
              canEdit={canEdit}
              actionData={result}
              busy={busy}
            />
            <NotificationsForm
              key={`notifications-${stamp}`}
              settings={settings}
              canEdit={canEdit}
              actionData={result}
              busy={busy}
            />
          </div>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
