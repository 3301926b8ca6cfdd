import { currencyExponent } from "@crossflow/i18n";
import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  Field,
  Icon,
  Notice,
  PageHeader,
  SelectInput,
  TextInput,
} from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import {
  api,
  type CatalogProduct,
  type CatalogProductView,
  type CustomsIssue,
  type CustomsProfileUpdate,
  catalogApi,
  type FieldError,
  type HsSuggestion,
} from "../lib/api.server";
import type { Route } from "./+types/catalog-product";

// One product's customs profile: a plain form (posts without JavaScript, the API's field
// errors shown next to the fields), the HS code suggestions with one-click accept, and the
// orders held until this product's customs data is complete.

const EDITORS = new Set(["owner", "admin", "operator"]);
const FIELDS = [
  "hsCode",
  "originCountry",
  "customsDescription",
  "customsValue",
  "weightGrams",
  "length",
  "width",
  "height",
] as const;
type FormField = (typeof FIELDS)[number];
type Values = Partial<Record<FormField, string>>;

/** A field error: the API's (English) message, or one found here before sending (a key). */
interface Problem {
  path: string;
  message: string;
  key?: "amount" | "decimals" | "wholeNumber" | "dimensions";
}

type ActionResult =
  | { intent: "save"; ok: true; unchanged?: boolean }
  | { intent: "save"; ok: false; values: Values; problems: Problem[]; status: number; message?: string }
  | { intent: "accept"; ok: true; hsCode: string }
  | { intent: "accept"; ok: false; hsCode: string; status: number; message: string };

export async function loader({ request, params }: Route.LoaderArgs) {
  const [view, session] = await Promise.all([catalogApi.product(request, params.sku), api.session(request)]);
  return { view, canEdit: EDITORS.has(session.role ?? "") };
}

// ---------- Form values ⇄ profile ----------

/** Minor units as a plain major-unit amount, by string (no float): 800 USD → "8.00". */
function majorText(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function formValues(product: CatalogProduct): Values {
  return {
    hsCode: product.hsCodeFormatted ?? product.hsCode ?? "",
    originCountry: product.originCountry ?? "",
    customsDescription: product.customsDescription ?? "",
    customsValue: product.customsValue === null ? "" : majorText(product.customsValue, product.currency),
    weightGrams: product.weightGrams === null ? "" : String(product.weightGrams),
    length: product.dimensionsMm ? String(product.dimensionsMm.length) : "",
    width: product.dimensionsMm ? String(product.dimensionsMm.width) : "",
    height: product.dimensionsMm ? String(product.dimensionsMm.height) : "",
  };
}

/** "610910" → "6109.10", "61091000" → "6109.10.00", as customs papers print codes. */
function formatHsCode(code: string): string {
  const digits = code.replace(/[\s.-]/g, "");
  if (!/^\d{6,10}$/.test(digits)) return code;
  return [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6)].filter(Boolean).join(".");
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** "8", "8.5", "8,50" → minor units with the currency's ISO exponent; a problem otherwise. */
function parseAmount(text: string, currency: string, problems: Problem[]): number | null | undefined {
  const trimmed = text.trim().replace(/[\s']/g, "");
  if (!trimmed) return null;
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(trimmed);
  if (!match) {
    problems.push({ path: "customsValue", message: text, key: "amount" });
    return undefined;
  }
  const exponent = currencyExponent(currency);
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) {
    problems.push({ path: "customsValue", message: text, key: "decimals" });
    return undefined;
  }
  return Number(`${match[1]}${fraction.padEnd(exponent, "0")}`);
}

function parseWhole(field: string, text: string | undefined, problems: Problem[]): number | null | undefined {
  const trimmed = (text ?? "").trim();
  if (!trimmed) return null;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) <= 0) {
    problems.push({ path: field, message: trimmed, key: "wholeNumber" });
    return undefined;
  }
  return Number(trimmed);
}

/** Only what differs from the stored product is sent, so untouched fields are never refused. */
function changes(values: Values, product: CatalogProduct, problems: Problem[]): CustomsProfileUpdate {
  const update: CustomsProfileUpdate = {};
  const hsCode = orNull(values.hsCode);
  if ((hsCode?.replace(/[\s.-]/g, "") ?? null) !== product.hsCode) update.hsCode = hsCode;
  const origin = orNull(values.originCountry)?.toUpperCase() ?? null;
  if (origin !== product.originCountry) update.originCountry = origin;
  const description = orNull(values.customsDescription);
  if (description !== product.customsDescription) update.customsDescription = description;
  const value = parseAmount(values.customsValue ?? "", product.currency, problems);
  if (value !== undefined && value !== product.customsValue) update.customsValue = value;
  const weight = parseWhole("weightGrams", values.weightGrams, problems);
  if (weight !== undefined && weight !== product.weightGrams) update.weightGrams = weight;
  const sides = (["length", "width", "height"] as const).map((side) =>
    parseWhole("dimensionsMm", values[side], problems),
  );
  if (sides.every((side) => side !== undefined)) {
    const given = sides.filter((side) => side !== null);
    if (given.length !== 0 && given.length !== 3) {
      problems.push({ path: "dimensionsMm", message: "", key: "dimensions" });
    } else {
      const next = given.length === 3 ? { length: sides[0]!, width: sides[1]!, height: sides[2]! } : null;
      const current = product.dimensionsMm;
      const same =
        next === null
          ? current === null
          : current !== null &&
            current.length === next.length &&
            current.width === next.width &&
            current.height === next.height;
      if (!same) update.dimensionsMm = next;
    }
  }
  return update;
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "accept") {
    const hsCode = String(form.get("hsCode") ?? "").slice(0, 32);
    const result = await catalogApi.acceptHsSuggestion(request, params.sku, hsCode);
    if (result.ok) return data<ActionResult>({ intent: "accept", ok: true, hsCode: formatHsCode(hsCode) });
    return data<ActionResult>(
      {
        intent: "accept",
        ok: false,
        hsCode,
        status: result.status,
        message: result.details[0]?.message ?? result.error.message,
      },
      { status: result.status },
    );
  }
  const values: Values = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 400);
  }
  const { product } = await catalogApi.product(request, params.sku);
  const problems: Problem[] = [];
  const update = changes(values, product, problems);
  if (problems.length > 0)
    return data<ActionResult>({ intent: "save", ok: false, values, problems, status: 400 }, { status: 400 });
  if (Object.keys(update).length === 0) return data<ActionResult>({ intent: "save", ok: true, unchanged: true });
  const saved = await catalogApi.updateProduct(request, params.sku, update);
  if (saved.ok) return data<ActionResult>({ intent: "save", ok: true });
  return data<ActionResult>(
    {
      intent: "save",
      ok: false,
      values,
      problems: saved.details.map((detail: FieldError) => ({ path: detail.path, message: detail.message })),
      status: saved.status,
      message: saved.error.message,
    },
    { status: saved.status },
  );
}

// ---------- Page ----------

function useIssueText() {
  const { t, i18n } = useTranslation("console");
  return (issue: CustomsIssue) =>
    i18n.exists(`catalog.issue.${issue.code}`, { ns: "console" })
      ? t(`catalog.issue.${issue.code}` as "catalog.issue.hs_code_missing")
      : issue.message;
}

/** The localized error of a field, with the API's own explanation under it when there is one. */
function useFieldError(result: ActionResult | undefined, currency: string) {
  const { t } = useTranslation("console");
  const problems = result && result.intent === "save" && !result.ok ? result.problems : [];
  return (field: string): ReactNode => {
    const mine = problems.filter((problem) => problem.path === field || problem.path.startsWith(`${field}.`));
    const problem = mine[0];
    if (!problem) return null;
    switch (problem.key) {
      case "amount":
        return t("catalog.errors.amount", { value: problem.message });
      case "decimals":
        return t("catalog.errors.decimals", { currency, digits: String(currencyExponent(currency)) });
      case "wholeNumber":
        return t("catalog.errors.wholeNumber");
      case "dimensions":
        return t("catalog.errors.dimensions");
    }
    // The domain explains HS codes, origins and descriptions in detail; the rest are bounds.
    if (field !== "hsCode" && field !== "originCountry" && field !== "customsDescription")
      return t("catalog.errors.positive");
    return (
      <>
        {t(`catalog.errors.${field}`)}
        <span className="cf-catalog__reason">{problem.message}</span>
      </>
    );
  };
}

function CustomsBadge({ product }: { product: Pick<CatalogProduct, "issues"> }) {
  const { t } = useTranslation("console");
  return product.issues.length === 0 ? (
    <Badge tone="success" dot size="lg">
      {t("catalog.ready")}
    </Badge>
  ) : (
    <Badge tone="warning" dot size="lg">
      {t("catalog.issueCount", { count: product.issues.length })}
    </Badge>
  );
}

/** The explanation with every matched word marked, so the reader sees why the code came up. */
function Highlighted({ text, words }: { text: string; words: string[] }) {
  const wanted = [...new Set(words.map((word) => word.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return <>{text}</>;
  const escaped = wanted.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = text.split(new RegExp(`(${escaped.join("|")})`, "gi"));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="cf-catalog__mark">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

function AcceptButton(props: { hsCode: string; label: string; busy: boolean; primary?: boolean }) {
  const { hsCode, label, busy } = props;
  return (
    <Form method="post" className="cf-catalog__accept">
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="hsCode" value={hsCode} />
      <Button type="submit" variant={props.primary ? "primary" : "secondary"} size="sm" disabled={busy}>
        <Icon name="check" />
        {label}
      </Button>
    </Form>
  );
}

function SuggestionItem(props: {
  suggestion: HsSuggestion;
  current: string | null;
  canEdit: boolean;
  busy: boolean;
  /** The best match: its subheadings are shown unfolded and its button is the primary one. */
  first: boolean;
}) {
  const { suggestion, current, canEdit, busy } = props;
  const { t } = useTranslation("console");
  const isCurrent = current !== null && current === suggestion.hsCode;
  return (
    <li className="cf-catalog__suggestion" data-hs-code={suggestion.hsCode}>
      <div className="cf-catalog__suggestion-head">
        <span className="cf-catalog__code cf-mono">{suggestion.formatted}</span>
        <span className="cf-catalog__score" title={t("catalog.scoreHint")}>
          {t("catalog.score", { score: suggestion.score })}
        </span>
        {isCurrent ? (
          <Badge tone="success">{t("catalog.currentCode")}</Badge>
        ) : canEdit && suggestion.acceptable ? (
          <AcceptButton hsCode={suggestion.hsCode} label={t("catalog.useCode")} busy={busy} primary={props.first} />
        ) : null}
      </div>
      {suggestion.headingText ? <p className="cf-catalog__heading-text">{suggestion.headingText}</p> : null}
      {suggestion.description && suggestion.description !== suggestion.headingText ? (
        <p className="cf-catalog__sub-text">{suggestion.description}</p>
      ) : null}
      <p className="cf-catalog__matched">
        <span className="cf-muted">{t("catalog.matchedWords")}</span>{" "}
        {suggestion.matchedWords.map((word) => (
          <mark key={word} className="cf-catalog__mark">
            {word}
          </mark>
        ))}
      </p>
      <p className="cf-catalog__explanation">
        <Highlighted text={suggestion.explanation} words={suggestion.matchedWords} />
      </p>
      {!suggestion.acceptable ? (
        suggestion.subheadings.length > 0 ? (
          <details className="cf-catalog__subheadings cf-disclosure" open={props.first}>
            <summary>
              <Icon name="chevronRight" />
              {t("catalog.headingOnly")}
            </summary>
            <ul className="cf-catalog__sublist">
              {suggestion.subheadings.map((sub) => (
                <li key={sub.hsCode} className="cf-catalog__subheading" data-hs-code={sub.hsCode}>
                  <span className="cf-mono">{sub.formatted}</span>
                  <span className="cf-catalog__sub-text">{sub.description}</span>
                  {current === sub.hsCode ? (
                    <Badge tone="success">{t("catalog.currentCode")}</Badge>
                  ) : canEdit ? (
                    <AcceptButton
                      hsCode={sub.hsCode}
                      label={t("catalog.useSubheading", { code: sub.formatted })}
                      busy={busy}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <p className="cf-field__hint cf-catalog__subheadings">{t("catalog.headingOnlyEnter")}</p>
        )
      ) : null}
    </li>
  );
}

function ProfileForm(props: {
  view: CatalogProductView;
  canEdit: boolean;
  result: ActionResult | undefined;
  busy: boolean;
}) {
  const { view, canEdit, result, busy } = props;
  const { product } = view;
  const { t } = useTranslation("console");
  const format = useFormat();
  const failed = result && result.intent === "save" && !result.ok ? result : undefined;
  const values = failed?.values ?? formValues(product);
  const error = useFieldError(result, product.currency);
  const firstProblem = failed?.problems[0]?.path;
  const readOnly = !canEdit;
  const invalid = (field: string, id: string) =>
    error(field)
      ? {
          "aria-invalid": true as const,
          "aria-describedby": `${id}-error`,
          ...(firstProblem === field ? { autoFocus: true } : {}),
        }
      : {};

  const countries = [...new Set([...(view.countries ?? []), ...(values.originCountry ? [values.originCountry] : [])])]
    .map((code) => ({ value: code, label: `${format.country(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, format.locale));
  const hsHint = view.hs?.valid
    ? [view.hs.subheadingText ?? view.hs.headingText, view.hs.chapterTitle].filter(Boolean).join(" · ")
    : null;
  const dimensionsError = error("dimensionsMm");

  return (
    <Form method="post" noValidate aria-label={t("catalog.profile.title")} data-section="profile">
      <input type="hidden" name="intent" value="save" />
      <Card
        title={t("catalog.profile.title")}
        subtitle={t("catalog.profile.subtitle")}
        divided
        footer={
          canEdit ? (
            <div className="cf-catalog__save">
              <Button type="submit" variant="primary" disabled={busy}>
                <Icon name="check" />
                {t("catalog.profile.save")}
              </Button>
            </div>
          ) : undefined
        }
      >
        <div className="cf-catalog__form">
          <Field
            label={t("catalog.field.hsCode")}
            htmlFor="catalog-hsCode"
            hint={hsHint ?? t("catalog.profile.hsCodeHint")}
            error={error("hsCode")}
          >
            <TextInput
              id="catalog-hsCode"
              name="hsCode"
              className="cf-mono"
              defaultValue={values.hsCode}
              readOnly={readOnly}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              placeholder="6109.10"
              {...invalid("hsCode", "catalog-hsCode")}
            />
          </Field>
          <Field
            label={t("catalog.field.originCountry")}
            htmlFor="catalog-originCountry"
            hint={t("catalog.profile.originHint")}
            error={error("originCountry")}
          >
            <SelectInput
              id="catalog-originCountry"
              name="originCountry"
              defaultValue={values.originCountry}
              disabled={readOnly}
              placeholder={t("catalog.profile.chooseCountry")}
              options={countries}
              {...invalid("originCountry", "catalog-originCountry")}
            />
          </Field>
          <Field
            label={t("catalog.field.customsDescription")}
            htmlFor="catalog-customsDescription"
            hint={t("catalog.profile.descriptionHint")}
            error={error("customsDescription")}
            className="cf-catalog__wide"
          >
            <TextInput
              id="catalog-customsDescription"
              name="customsDescription"
              defaultValue={values.customsDescription}
              readOnly={readOnly}
              maxLength={300}
              {...invalid("customsDescription", "catalog-customsDescription")}
            />
          </Field>
          <Field
            label={t("catalog.field.customsValue")}
            htmlFor="catalog-customsValue"
            hint={t("catalog.profile.valueHint", { currency: product.currency })}
            error={error("customsValue")}
          >
            <div className="cf-catalog__affix">
              <TextInput
                id="catalog-customsValue"
                name="customsValue"
                inputMode="decimal"
                defaultValue={values.customsValue}
                readOnly={readOnly}
                {...invalid("customsValue", "catalog-customsValue")}
              />
              <span className="cf-catalog__unit">{product.currency}</span>
            </div>
          </Field>
          <Field
            label={t("catalog.field.weightGrams")}
            htmlFor="catalog-weightGrams"
            hint={t("catalog.profile.weightHint")}
            error={error("weightGrams")}
          >
            <div className="cf-catalog__affix">
              <TextInput
                id="catalog-weightGrams"
                name="weightGrams"
                inputMode="numeric"
                defaultValue={values.weightGrams}
                readOnly={readOnly}
                {...invalid("weightGrams", "catalog-weightGrams")}
              />
              <span className="cf-catalog__unit">g</span>
            </div>
          </Field>
          <fieldset className="cf-fieldset cf-catalog__wide" aria-describedby="catalog-dimensions-hint">
            <legend className="cf-field__label">{t("catalog.field.dimensionsMm")}</legend>
            <div className="cf-catalog__dims">
              {(["length", "width", "height"] as const).map((side) => (
                <div key={side} className="cf-catalog__dim">
                  <label className="cf-catalog__dim-label" htmlFor={`catalog-${side}`}>
                    {t(`catalog.profile.${side}`)}
                  </label>
                  <TextInput
                    id={`catalog-${side}`}
                    name={side}
                    inputMode="numeric"
                    defaultValue={values[side]}
                    readOnly={readOnly}
                    aria-invalid={dimensionsError ? true : undefined}
                    autoFocus={firstProblem === "dimensionsMm" && side === "length" ? true : undefined}
                  />
                </div>
              ))}
              <span className="cf-catalog__unit">mm</span>
            </div>
            {dimensionsError ? (
              <p className="cf-field__error" role="alert">
                {dimensionsError}
              </p>
            ) : (
              <p className="cf-field__hint" id="catalog-dimensions-hint">
                {t("catalog.profile.dimensionsHint")}
              </p>
            )}
          </fieldset>
        </div>
      </Card>
    </Form>
  );
}

export default function CatalogProductPage({ loaderData, actionData }: Route.ComponentProps) {
  const { view, canEdit } = loaderData;
  const { product } = view;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const issueText = useIssueText();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const result = actionData as ActionResult | undefined;

  useEffect(() => {
    if (!result || result.ok || result.intent !== "save") return;
    const first = document.querySelector<HTMLElement>('form[data-section="profile"] [aria-invalid="true"]');
    if (first) first.focus();
  }, [result]);

  const held = view.heldOrders.count;
  const acceptableCount = view.suggestions.length;

  return (
    <>
      <title>{`${product.title} · ${t("catalog.title")} · ${tc("brand")}`}</title>
      <PageHeader
        breadcrumb={
          <Link to="/catalog">
            <Icon name="arrowLeft" />
            {t("catalog.title")}
          </Link>
        }
        title={product.title}
        meta={
          <>
            <span className="cf-mono" data-testid="product-sku">
              {product.sku}
            </span>
            <CustomsBadge product={product} />
            <span>
              <Icon name="warehouse" />
              {product.stock
                ? t("catalog.stockMeta", {
                    available: format.number(product.stock.available),
                    onHand: format.number(product.stock.onHand),
                  })
                : t("catalog.noStock")}
            </span>
          </>
        }
      />
      <div className="cf-stack">
        {held > 0 ? (
          <Notice tone="warning" icon="hold" title={t("catalog.heldTitle", { count: held })}>
            <p>
              {product.issues.length === 0 ? t("catalog.heldBodyReady") : t("catalog.heldBody")}{" "}
              <Link to="/exceptions?reason=customs_data_missing">{t("catalog.heldLink")}</Link>
            </p>
          </Notice>
        ) : null}
        {!canEdit ? (
          <Notice tone="info" role="status">
            {t("catalog.readOnly")}
          </Notice>
        ) : null}
        {result?.ok ? (
          <Notice
            tone="success"
            role="status"
            title={
              result.intent === "accept"
                ? t("catalog.accepted", { code: result.hsCode })
                : result.unchanged
                  ? t("catalog.unchanged")
                  : t("catalog.saved")
            }
          >
            {product.issues.length === 0
              ? t("catalog.savedReady")
              : t("catalog.savedIssues", { count: product.issues.length })}
          </Notice>
        ) : null}
        {result && !result.ok ? (
          <Notice
            tone="danger"
            role="alert"
            title={result.intent === "accept" ? t("catalog.acceptFailed") : t("catalog.saveFailed")}
          >
            {result.status === 403
              ? t("catalog.forbidden")
              : result.intent === "accept"
                ? result.message
                : result.problems.length > 0
                  ? t("catalog.fixErrors", { count: result.problems.length })
                  : result.message}
          </Notice>
        ) : null}
        {product.issues.length > 0 ? (
          <Card title={t("catalog.issuesTitle")} subtitle={t("catalog.issuesSubtitle")} className="cf-catalog__issues">
            <ul className="cf-catalog__issue-list" aria-label={t("catalog.issuesTitle")}>
              {product.issues.map((issue) => (
                <li key={`${issue.field}-${issue.code}`} className="cf-catalog__issue" data-issue={issue.code}>
                  <Badge tone="warning">{t(`catalog.field.${issue.field}`)}</Badge>
                  <span>{issueText(issue)}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <div className="cf-grid cf-catalog__layout">
          <ProfileForm key={product.updatedAt} view={view} canEdit={canEdit} result={result} busy={busy} />
          <Card
            title={
              <span className="cf-row">
                <Icon name="sparkle" />
                {t("catalog.suggestions.title")}
              </span>
            }
            subtitle={t("catalog.suggestions.subtitle")}
            divided
          >
            {acceptableCount === 0 ? (
              <EmptyState
                compact
                icon="search"
                title={t("catalog.suggestions.noneTitle")}
                body={t("catalog.suggestions.noneBody")}
              />
            ) : (
              <ol className="cf-catalog__suggestions" aria-label={t("catalog.suggestions.title")}>
                {view.suggestions.map((suggestion, index) => (
                  <SuggestionItem
                    key={suggestion.hsCode}
                    first={index === 0}
                    suggestion={suggestion}
                    current={product.hsCode}
                    canEdit={canEdit}
                    busy={busy}
                  />
                ))}
              </ol>
            )}
            <p className="cf-footnote">{t("catalog.suggestions.disclaimer")}</p>
          </Card>
        </div>
        <p className="cf-footnote">
          <ButtonLink to="/catalog" variant="ghost" size="sm">
            <Icon name="arrowLeft" />
            {t("catalog.backToCatalog")}
          </ButtonLink>
        </p>
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
