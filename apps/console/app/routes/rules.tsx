import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  Card,
  Checkbox,
  DataTable,
  EmptyState,
  Field,
  Icon,
  Notice,
  PageHeader,
  SelectInput,
  TextInput,
  type Tone,
} from "@crossflow/ui";
import { RouteError } from "@crossflow/ui/app";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { api } from "../lib/api.server";
import {
  CARRIERS,
  type ConditionDraft,
  type ConditionGroup,
  type ConditionNode,
  carrierName,
  type DryRunResult,
  emptyCondition,
  emptyRule,
  errorsAt,
  errorsForRule,
  type FactInfo,
  groupChildren,
  inRunOrder,
  isGroup,
  type Money,
  moveRule,
  OPERATORS_BY_TYPE,
  type Operator,
  type PathError,
  parseRulesField,
  RULE_KINDS,
  type Rule,
  type RuleAction,
  type RuleDraft,
  type RuleKind,
  ruleDraft,
  toRules,
} from "../lib/rules";
import { rulesApi } from "../lib/rules.server";
import type { Route } from "./+types/rules";

const WRITERS = new Set(["owner", "admin", "operator"]);

export async function loader({ request }: Route.LoaderArgs) {
  const [overview, session] = await Promise.all([rulesApi.overview(request), api.session(request)]);
  return { overview, canEdit: WRITERS.has(session.role ?? "") };
}

type Intent = "save" | "dryrun" | "publish";

interface ActionResult {
  intent: Intent;
  ok: boolean;
  status?: number;
  error?: { code: string; message: string };
  details?: PathError[];
  version?: number;
  dryRun?: DryRunResult;
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  const rules = parseRulesField(form.get("rules"));
  const refuse = (result: Omit<ActionResult, "intent" | "ok">, status: number) =>
    data<ActionResult>({ intent, ok: false, ...result }, { status });
  if (!["save", "dryrun", "publish"].includes(intent))
    return refuse({ error: { code: "invalid_intent", message: "Unknown action" } }, 400);
  if (!rules) return refuse({ error: { code: "invalid_rules", message: "The rules could not be read" } }, 400);

  if (intent === "dryrun") {
    const result = await rulesApi.dryRun(request, rules);
    if (!result.ok) return refuse({ error: result.error, details: result.details }, result.status);
    return data<ActionResult>({ intent, ok: true, dryRun: result.value });
  }
  // Publishing publishes what is on screen: save it as the draft first.
  const saved = await rulesApi.saveDraft(request, rules);
  if (!saved.ok) return refuse({ error: saved.error, details: saved.details }, saved.status);
  if (intent === "save") return data<ActionResult>({ intent, ok: true });
  const published = await rulesApi.publish(request);
  if (!published.ok) return refuse({ error: published.error, status: published.status }, published.status);
  return data<ActionResult>({ intent, ok: true, version: published.value.version });
}

const KIND_TONES: Record<RuleKind, Tone> = {
  routing: "accent",
  allocation: "info",
  exception: "warning",
  action: "success",
};

const KIND_ICONS = { routing: "truck", allocation: "warehouse", exception: "hold", action: "bolt" } as const;

// ---------- Sentences ----------

type Facts = Record<string, FactInfo>;

/** Rules in words, in the viewer's language: "When weight > 2,000 g → use DHL Express". */
function useRuleText(facts: Facts) {
  const { t, i18n } = useTranslation("console");
  const format = useFormat();
  return useMemo(() => {
    const factLabel = (field: string) =>
      i18n.exists(`rules.fact.${field}`, { ns: "console" })
        ? t(`rules.fact.${field as "weightGrams"}`)
        : (facts[field]?.label ?? field);
    const operand = (field: string, value: unknown): string => {
      const info = facts[field];
      if (value !== null && typeof value === "object" && "amount" in value && "currency" in value) {
        const money = value as Money;
        return typeof money.amount === "number" ? format.money(money.amount, money.currency) : String(money.amount);
      }
      if (typeof value === "number") return `${format.number(value)}${info?.unit ? ` ${info.unit}` : ""}`;
      if (typeof value === "boolean") return value ? t("rules.value.yes") : t("rules.value.no");
      return String(value);
    };
    const list = (field: string, value: unknown) =>
      Array.isArray(value) ? value.map((item) => operand(field, item)).join(", ") : operand(field, value);
    const condition = (node: ConditionNode): string => {
      if (isGroup(node)) {
        const children = groupChildren(node);
        const joined = children.map(condition).join("all" in node ? t("rules.and") : t("rules.or"));
        return children.length > 1 ? `(${joined})` : joined;
      }
      const fact = factLabel(node.field);
      const info = facts[node.field];
      const isList = info?.type === "string_list";
      const value = node.value;
      switch (node.op) {
        case "eq":
        case "neq":
          if (info?.type === "boolean") {
            const yes = (value === true) === (node.op === "eq");
            return yes ? t("rules.sentence.isTrue", { fact }) : t("rules.sentence.isFalse", { fact });
          }
          return t(`rules.sentence.${node.op}`, { fact, value: operand(node.field, value) });
        case "gt":
        case "gte":
        case "lt":
        case "lte":
          return t(`rules.sentence.${node.op}`, { fact, value: operand(node.field, value) });
        case "between": {
          const [min, max] = Array.isArray(value) ? value : [];
          return t("rules.sentence.between", { fact, min: operand(node.field, min), max: operand(node.field, max) });
        }
        case "in":
        case "not_in":
          return t(`rules.sentence.${isList ? `list_${node.op}` : node.op}` as "rules.sentence.in", {
            fact,
            value: list(node.field, value),
          });
        case "contains":
        case "not_contains":
          return t(`rules.sentence.${isList ? `list_${node.op}` : node.op}` as "rules.sentence.contains", {
            fact,
            value: String(value),
          });
        case "exists":
          return value === false ? t("rules.sentence.unknown", { fact }) : t("rules.sentence.known", { fact });
        case "matches":
          return t("rules.sentence.matches", { fact, value: `/${String(value)}/` });
        default:
          return `${fact} ${String(node.op)} ${String(value)}`;
      }
    };
    const when = (group: ConditionGroup) => {
      const children = groupChildren(group);
      if (children.length === 0) return t("rules.sentence.everyOrder");
      return children.map(condition).join("all" in group ? t("rules.and") : t("rules.or"));
    };
    const action = (item: RuleAction): string => {
      const a = item as Record<string, unknown>;
      switch (item.type) {
        case "use_carrier":
          return a.service
            ? t("rules.action.useCarrierService", {
                carrier: carrierName(String(a.carrier)),
                service: String(a.service),
              })
            : t("rules.action.useCarrier", { carrier: carrierName(String(a.carrier)) });
        case "objective": {
          const w = (a.weights ?? {}) as Record<string, unknown>;
          return t("rules.action.objective", {
            cost: String(w.cost),
            speed: String(w.speed),
            carbon: String(w.carbon),
          });
        }
        case "warehouse_priority":
          return t("rules.action.warehousePriority", {
            codes: Array.isArray(a.warehouseCodes) ? a.warehouseCodes.join(" → ") : "",
          });
        case "nearest":
          return t("rules.action.nearest");
        case "cheapest":
          return t("rules.action.cheapest");
        case "allow_split":
          return a.allowed ? t("rules.action.splitAllowed") : t("rules.action.splitNotAllowed");
        case "hold":
          return t("rules.action.hold", { message: String(a.message), code: String(a.code) });
        case "tag":
          return t("rules.action.tag", { tag: String(a.tag) });
        default:
          return Object.entries(a)
            .map(([key, value]) => (key === "type" ? String(value) : `${key} ${String(value)}`))
            .join(" ");
      }
    };
    const sentence = (rule: Rule) =>
      t("rules.sentence.rule", { when: when(rule.when), then: rule.then.map(action).join(t("rules.and")) });
    return { factLabel, sentence, condition };
  }, [t, i18n, format, facts]);
}

// ---------- Rule list ----------

function RuleRow({
  rule,
  draft,
  facts,
  canEdit,
  errors,
  first,
  last,
  onEdit,
  onChange,
  onMove,
  onDelete,
}: {
  rule: Rule;
  draft: RuleDraft;
  facts: Facts;
  canEdit: boolean;
  errors: PathError[];
  first: boolean;
  last: boolean;
  onEdit: () => void;
  onChange: (draft: RuleDraft) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation("console");
  const text = useRuleText(facts);
  return (
    <li className="cf-rule" data-rule-id={rule.id} data-enabled={rule.enabled}>
      <span className="cf-rule__priority cf-num" title={t("rules.priorityTitle")}>
        {rule.priority}
      </span>
      <div className="cf-rule__body">
        <div className="cf-rule__name">
          {rule.name || <span className="cf-subtle">{t("rules.untitled")}</span>}
          {rule.enabled ? (
            <Badge tone="success" dot>
              {t("rules.enabled")}
            </Badge>
          ) : (
            <Badge dot>{t("rules.disabled")}</Badge>
          )}
        </div>
        <p className="cf-rule__sentence">{text.sentence(rule)}</p>
        {errors.length > 0 ? (
          <ul className="cf-rule__errors" role="alert">
            {errors.map((error) => (
              <li key={`${error.path}:${error.message}`} className="cf-rule__error">
                <Icon name="alert" />
                {error.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {canEdit ? (
        <div className="cf-rule__actions">
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("rules.moveUp", { name: rule.name })}
            title={t("rules.moveUp", { name: rule.name })}
            disabled={first}
            onClick={() => onMove(-1)}
          >
            <Icon name="chevronDown" className="cf-rotate-180" />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("rules.moveDown", { name: rule.name })}
            title={t("rules.moveDown", { name: rule.name })}
            disabled={last}
            onClick={() => onMove(1)}
          >
            <Icon name="chevronDown" />
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onChange({ ...draft, enabled: !draft.enabled })}>
            {draft.enabled ? t("rules.disable") : t("rules.enable")}
          </Button>
          <Button size="sm" onClick={onEdit}>
            {t("rules.edit")}
          </Button>
          <Button size="sm" variant="ghost" aria-label={t("rules.delete", { name: rule.name })} onClick={onDelete}>
            <Icon name="x" />
          </Button>
        </div>
      ) : null}
    </li>
  );
}

// ---------- Editor ----------

function ConditionRow({
  condition,
  index,
  facts,
  idPrefix,
  errors,
  onChange,
  onRemove,
}: {
  condition: ConditionDraft;
  index: number;
  facts: Facts;
  idPrefix: string;
  errors: string[];
  onChange: (condition: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("console");
  const text = useRuleText(facts);
  const id = `${idPrefix}-c${index}`;
  if (condition.group)
    return (
      <div className="cf-condition cf-condition--group">
        <p className="cf-condition__group">
          <Icon name="info" />
          {t("rules.editor.nestedGroup", { text: text.condition(condition.group) })}
        </p>
        <Button size="sm" variant="ghost" aria-label={t("rules.editor.removeCondition")} onClick={onRemove}>
          <Icon name="x" />
        </Button>
      </div>
    );
  const type = facts[condition.field]?.type ?? "string";
  const operators = OPERATORS_BY_TYPE[type];
  const setField = (field: string) => {
    const nextType = facts[field]?.type ?? "string";
    const allowed = OPERATORS_BY_TYPE[nextType];
    onChange({
      ...condition,
      field,
      op: allowed.includes(condition.op) ? condition.op : (allowed[0] ?? "eq"),
      ...(nextType !== type ? { value: nextType === "boolean" ? "true" : "", value2: "" } : {}),
    });
  };
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...condition, ...patch });
  const invalid = errors.length > 0 || undefined;
  const valueLabel = t("rules.editor.value");
  let value: React.ReactNode;
  if (condition.op === "exists")
    value = (
      <SelectInput
        id={`${id}-value`}
        aria-label={valueLabel}
        value={condition.value === "false" ? "false" : "true"}
        onChange={(event) => set({ value: event.target.value })}
        options={[
          { value: "true", label: t("rules.editor.known") },
          { value: "false", label: t("rules.editor.unknown") },
        ]}
      />
    );
  else if (type === "boolean")
    value = (
      <SelectInput
        id={`${id}-value`}
        aria-label={valueLabel}
        value={condition.value === "false" ? "false" : "true"}
        onChange={(event) => set({ value: event.target.value })}
        options={[
          { value: "true", label: t("rules.value.yes") },
          { value: "false", label: t("rules.value.no") },
        ]}
      />
    );
  else {
    const isList = condition.op === "in" || condition.op === "not_in";
    const numeric = !isList && (type === "number" || type === "money");
    const input = (which: "value" | "value2", label: string) => (
      <TextInput
        id={`${id}-${which}`}
        aria-label={label}
        aria-invalid={invalid}
        type={numeric && type === "number" ? "number" : "text"}
        step={numeric && type === "number" ? "any" : undefined}
        inputMode={numeric ? "decimal" : undefined}
        placeholder={
          isList
            ? t("rules.editor.listPlaceholder")
            : type === "money"
              ? "0.00"
              : facts[condition.field]?.domain === "country"
                ? "DE"
                : undefined
        }
        value={condition[which]}
        onChange={(event) => set({ [which]: event.target.value })}
      />
    );
    value = (
      <div className="cf-condition__value">
        {condition.op === "between" ? (
          <>
            {input("value", t("rules.editor.min"))}
            <span className="cf-muted">{t("rules.editor.and")}</span>
            {input("value2", t("rules.editor.max"))}
          </>
        ) : (
          input("value", valueLabel)
        )}
        {type === "money" ? (
          <TextInput
            id={`${id}-currency`}
            aria-label={t("rules.editor.currency")}
            className="cf-condition__currency"
            maxLength={3}
            value={condition.currency}
            onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
          />
        ) : null}
      </div>
    );
  }
  return (
    <div className="cf-condition" data-condition={index}>
      <SelectInput
        id={`${id}-field`}
        aria-label={t("rules.editor.fact")}
        value={condition.field}
        onChange={(event) => setField(event.target.value)}
        options={Object.keys(facts).map((field) => ({ value: field, label: text.factLabel(field) }))}
      />
      <SelectInput
        id={`${id}-op`}
        aria-label={t("rules.editor.operator")}
        value={condition.op}
        onChange={(event) => set({ op: event.target.value as Operator })}
        options={operators.map((op) => ({ value: op, label: t(`rules.op.${op}`) }))}
      />
      {value}
      <Button size="sm" variant="ghost" aria-label={t("rules.editor.removeCondition")} onClick={onRemove}>
        <Icon name="x" />
      </Button>
      {errors.length > 0 ? (
        <p className="cf-field__error cf-condition__error" role="alert">
          {errors.join(" · ")}
        </p>
      ) : null}
    </div>
  );
}

function RuleEditor({
  draft,
  facts,
  errors,
  isNew,
  onChange,
  onDone,
  onCancel,
}: {
  draft: RuleDraft;
  facts: Facts;
  errors: PathError[];
  isNew: boolean;
  onChange: (draft: RuleDraft) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("console");
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const id = `rule-${draft.key}`;
  const err = (path: string) => errorsAt(errors, path).join(" · ") || undefined;
  const matchKey = draft.match;
  const conditionErrors = (index: number) => errorsAt(errors, `when.${matchKey}[${index}]`);
  const known = new Set([
    "name",
    "priority",
    "kind",
    "id",
    ...draft.conditions.map((_, index) => `when.${matchKey}[${index}]`),
    "then",
  ]);
  const other = errors.filter(
    (error) =>
      ![...known].some((path) => error.path === path || error.path.startsWith(`${path}.`)) &&
      !error.path.startsWith("then"),
  );
  const actionErrors = err("then");
  return (
    <Card
      className="cf-rule-editor"
      title={isNew ? t("rules.editor.newTitle") : t("rules.editor.editTitle", { name: draft.name })}
      subtitle={t("rules.editor.subtitle")}
      divided
      footer={
        <div className="cf-row cf-rule-editor__footer">
          <Button variant="primary" onClick={onDone}>
            <Icon name="check" />
            {t("rules.editor.done")}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t("rules.editor.cancel")}
          </Button>
          <span className="cf-field__hint">{t("rules.editor.doneHint")}</span>
        </div>
      }
    >
      <section className="cf-stack cf-stack--sm" aria-label={t("rules.editor.label")}>
        {other.length > 0 ? (
          <Notice tone="danger" role="alert">
            {other.map((error) => `${error.path || t("rules.editor.rule")}: ${error.message}`).join(" · ")}
          </Notice>
        ) : null}
        <div className="cf-rule-editor__grid">
          <Field label={t("rules.editor.name")} htmlFor={`${id}-name`} error={err("name") ?? err("id")}>
            <TextInput
              id={`${id}-name`}
              value={draft.name}
              maxLength={200}
              aria-invalid={err("name") ? true : undefined}
              placeholder={t("rules.editor.namePlaceholder")}
              onChange={(event) => set({ name: event.target.value })}
            />
          </Field>
          <Field label={t("rules.editor.kind")} htmlFor={`${id}-kind`}>
            <SelectInput
              id={`${id}-kind`}
              value={draft.kind}
              onChange={(event) => set({ kind: event.target.value as RuleKind })}
              options={RULE_KINDS.map((kind) => ({ value: kind, label: t(`rules.kind.${kind}.title`) }))}
            />
          </Field>
          <Field
            label={t("rules.editor.priority")}
            htmlFor={`${id}-priority`}
            hint={t("rules.editor.priorityHint")}
            error={err("priority")}
          >
            <TextInput
              id={`${id}-priority`}
              type="number"
              min={0}
              step={1}
              value={draft.priority}
              aria-invalid={err("priority") ? true : undefined}
              onChange={(event) => set({ priority: event.target.value })}
            />
          </Field>
          <div className="cf-field cf-rule-editor__enabled">
            <Checkbox
              label={t("rules.editor.enabled")}
              checked={draft.enabled}
              onChange={(event) => set({ enabled: event.target.checked })}
            />
          </div>
        </div>

        <fieldset className="cf-rule-editor__section">
          <legend className="cf-section-label">{t("rules.editor.when")}</legend>
          <div className="cf-row">
            <span>{t("rules.editor.matchPrefix")}</span>
            <SelectInput
              id={`${id}-match`}
              aria-label={t("rules.editor.match")}
              className="cf-rule-editor__match"
              value={draft.match}
              onChange={(event) => set({ match: event.target.value as "all" | "any" })}
              options={[
                { value: "all", label: t("rules.editor.matchAll") },
                { value: "any", label: t("rules.editor.matchAny") },
              ]}
            />
          </div>
          {draft.conditions.length === 0 ? <p className="cf-muted">{t("rules.editor.noConditions")}</p> : null}
          {draft.conditions.map((condition, index) => (
            <ConditionRow
              key={condition.key}
              condition={condition}
              index={index}
              facts={facts}
              idPrefix={id}
              errors={conditionErrors(index)}
              onChange={(next) => set({ conditions: draft.conditions.map((item, i) => (i === index ? next : item)) })}
              onRemove={() => set({ conditions: draft.conditions.filter((_, i) => i !== index) })}
            />
          ))}
          {err("when") && !draft.conditions.some((_, index) => conditionErrors(index).length > 0) ? (
            <p className="cf-field__error" role="alert">
              {err("when")}
            </p>
          ) : null}
          <div>
            <Button size="sm" onClick={() => set({ conditions: [...draft.conditions, emptyCondition(facts)] })}>
              <Icon name="sparkle" />
              {t("rules.editor.addCondition")}
            </Button>
          </div>
        </fieldset>

        <fieldset className="cf-rule-editor__section">
          <legend className="cf-section-label">{t("rules.editor.then")}</legend>
          <ActionFields draft={draft} id={id} set={set} />
          {actionErrors ? (
            <p className="cf-field__error" role="alert">
              {actionErrors}
            </p>
          ) : null}
        </fieldset>
      </section>
    </Card>
  );
}

function ActionFields({ draft, id, set }: { draft: RuleDraft; id: string; set: (patch: Partial<RuleDraft>) => void }) {
  const { t } = useTranslation("console");
  switch (draft.kind) {
    case "routing":
      return (
        <div className="cf-rule-editor__grid">
          <Field label={t("rules.editor.routingMode")} htmlFor={`${id}-routing`}>
            <SelectInput
              id={`${id}-routing`}
              value={draft.routingMode}
              onChange={(event) => set({ routingMode: event.target.value as RuleDraft["routingMode"] })}
              options={[
                { value: "use_carrier", label: t("rules.editor.useCarrier") },
                { value: "objective", label: t("rules.editor.objective") },
              ]}
            />
          </Field>
          {draft.routingMode === "use_carrier" ? (
            <>
              <Field label={t("rules.editor.carrier")} htmlFor={`${id}-carrier`}>
                <SelectInput
                  id={`${id}-carrier`}
                  value={draft.carrier}
                  onChange={(event) => set({ carrier: event.target.value })}
                  options={[...new Set([...CARRIERS, draft.carrier])].map((code) => ({
                    value: code,
                    label: carrierName(code),
                  }))}
                />
              </Field>
              <Field label={t("rules.editor.service")} htmlFor={`${id}-service`} hint={t("rules.editor.serviceHint")}>
                <TextInput
                  id={`${id}-service`}
                  value={draft.service}
                  onChange={(event) => set({ service: event.target.value })}
                />
              </Field>
            </>
          ) : (
            (["cost", "speed", "carbon"] as const).map((key) => (
              <Field key={key} label={t(`rules.editor.${key}`)} htmlFor={`${id}-${key}`}>
                <TextInput
                  id={`${id}-${key}`}
                  type="number"
                  min={0}
                  step="any"
                  value={draft[key]}
                  onChange={(event) => set({ [key]: event.target.value })}
                />
              </Field>
            ))
          )}
        </div>
      );
    case "allocation":
      return (
        <div className="cf-rule-editor__grid">
          <Field label={t("rules.editor.strategy")} htmlFor={`${id}-strategy`}>
            <SelectInput
              id={`${id}-strategy`}
              value={draft.allocationMode}
              onChange={(event) => set({ allocationMode: event.target.value as RuleDraft["allocationMode"] })}
              options={[
                { value: "warehouse_priority", label: t("rules.editor.warehousePriority") },
                { value: "nearest", label: t("rules.action.nearest") },
                { value: "cheapest", label: t("rules.action.cheapest") },
                { value: "", label: t("rules.editor.noStrategy") },
              ]}
            />
          </Field>
          {draft.allocationMode === "warehouse_priority" ? (
            <Field label={t("rules.editor.warehouseCodes")} htmlFor={`${id}-codes`} hint={t("rules.editor.codesHint")}>
              <TextInput
                id={`${id}-codes`}
                value={draft.warehouseCodes}
                placeholder="FRA1, SZX1"
                onChange={(event) => set({ warehouseCodes: event.target.value })}
              />
            </Field>
          ) : null}
          <Field label={t("rules.editor.split")} htmlFor={`${id}-split`}>
            <SelectInput
              id={`${id}-split`}
              value={draft.split}
              onChange={(event) => set({ split: event.target.value as RuleDraft["split"] })}
              options={[
                { value: "", label: t("rules.editor.splitDefault") },
                { value: "yes", label: t("rules.action.splitAllowed") },
                { value: "no", label: t("rules.action.splitNotAllowed") },
              ]}
            />
          </Field>
        </div>
      );
    case "exception":
      return (
        <div className="cf-rule-editor__grid">
          <Field label={t("rules.editor.holdCode")} htmlFor={`${id}-hold-code`} hint={t("rules.editor.holdCodeHint")}>
            <TextInput
              id={`${id}-hold-code`}
              value={draft.holdCode}
              placeholder="high_value_review"
              onChange={(event) => set({ holdCode: event.target.value })}
            />
          </Field>
          <Field label={t("rules.editor.holdMessage")} htmlFor={`${id}-hold-message`} className="cf-span-2">
            <TextInput
              id={`${id}-hold-message`}
              value={draft.holdMessage}
              maxLength={500}
              onChange={(event) => set({ holdMessage: event.target.value })}
            />
          </Field>
        </div>
      );
    case "action":
      return (
        <div className="cf-rule-editor__grid">
          <Field label={t("rules.editor.tags")} htmlFor={`${id}-tags`} hint={t("rules.editor.tagsHint")}>
            <TextInput id={`${id}-tags`} value={draft.tags} onChange={(event) => set({ tags: event.target.value })} />
          </Field>
        </div>
      );
  }
}

// ---------- Dry run ----------

function DryRunResults({ result }: { result: DryRunResult }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const changed = result.orders.filter((order) => order.changed);
  const rows = changed.flatMap((order) =>
    order.changes.map((change, index) => ({ order, change, key: `${order.orderId}:${index}` })),
  );
  const stats = [
    { label: t("rules.dryRun.orders"), value: result.summary.orders },
    { label: t("rules.dryRun.changed"), value: result.summary.changed },
    { label: t("rules.dryRun.newlyHeld"), value: result.summary.newlyHeld },
    { label: t("rules.dryRun.released"), value: result.summary.released },
  ];
  const kindLabel = (kind: string) =>
    (RULE_KINDS as readonly string[]).includes(kind) ? t(`rules.kind.${kind as RuleKind}.title`) : kind;
  return (
    <Card
      title={t("rules.dryRun.title")}
      subtitle={t("rules.dryRun.subtitle", { orders: result.summary.orders })}
      flush
      divided
    >
      <dl className="cf-dryrun-stats" aria-label={t("rules.dryRun.summary")}>
        {stats.map((stat) => (
          <div key={stat.label}>
            <dt>{stat.label}</dt>
            <dd className="cf-num">{format.number(stat.value)}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        rows={rows}
        rowKey={(row) => row.key}
        caption={t("rules.dryRun.title")}
        rowLink={(row) => ({ to: `/orders/${encodeURIComponent(row.order.orderId)}`, label: row.order.orderNumber })}
        linkColumn="order"
        empty={<EmptyState compact icon="check" title={t("rules.dryRun.noChanges")} />}
        columns={[
          { key: "order", header: t("rules.dryRun.order"), cell: () => null, className: "cf-cell-main" },
          {
            key: "kind",
            header: t("rules.dryRun.kind"),
            cell: (row) => (
              <Badge tone={KIND_TONES[row.change.kind as RuleKind] ?? "neutral"}>{kindLabel(row.change.kind)}</Badge>
            ),
          },
          {
            key: "before",
            header: t("rules.dryRun.before"),
            cell: (row) =>
              row.change.current.length > 0 ? (
                row.change.current.join("; ")
              ) : (
                <span className="cf-subtle">{t("rules.dryRun.nothing")}</span>
              ),
          },
          {
            key: "after",
            header: t("rules.dryRun.after"),
            cell: (row) =>
              row.change.draft.length > 0 ? (
                <strong>{row.change.draft.join("; ")}</strong>
              ) : (
                <span className="cf-subtle">{t("rules.dryRun.nothing")}</span>
              ),
          },
        ]}
      />
    </Card>
  );
}

// ---------- Page ----------

function initialDrafts(overview: Route.ComponentProps["loaderData"]["overview"]): RuleDraft[] {
  const rules = overview.draft?.rules ?? overview.published?.rules ?? [];
  return rules.map((rule) => ruleDraft(rule, overview.facts));
}

export default function RulesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { overview, canEdit } = loaderData;
  const facts = overview.facts;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const stamp = `${overview.published?.version ?? 0}|${overview.draft?.savedAt ?? ""}`;
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => initialDrafts(overview));
  const [editing, setEditing] = useState<{ key: string; snapshot: RuleDraft | null } | null>(null);
  const [baseline, setBaseline] = useState(stamp);

  // A save or publish changes what the server holds: start again from it.
  useEffect(() => {
    if (stamp === baseline) return;
    setBaseline(stamp);
    setDrafts(initialDrafts(overview));
    setEditing(null);
  }, [stamp, baseline, overview]);

  const rules = useMemo(() => toRules(drafts, facts), [drafts, facts]);
  const json = JSON.stringify(rules);
  const savedJson = useMemo(() => JSON.stringify(toRules(initialDrafts(overview), facts)), [overview, facts]);
  const dirty = json !== savedJson;
  const details = actionData && !actionData.ok ? (actionData.details ?? []) : [];

  // Open the first rule the API found fault with.
  useEffect(() => {
    if (!actionData || actionData.ok || !actionData.details?.length) return;
    const match = /^rules\[(\d+)\]/.exec(actionData.details[0]?.path ?? "");
    const draft = match ? drafts[Number(match[1])] : undefined;
    if (draft) setEditing((current) => (current?.key === draft.key ? current : { key: draft.key, snapshot: draft }));
    // Only when a new answer arrives: drafts is read at that moment.
  }, [actionData]);

  const update = (next: RuleDraft) => setDrafts((all) => all.map((item) => (item.key === next.key ? next : item)));
  const editingIndex = editing ? drafts.findIndex((draft) => draft.key === editing.key) : -1;
  const editingDraft = editingIndex >= 0 ? drafts[editingIndex] : undefined;

  const addRule = (kind: RuleKind) => {
    const max = Math.max(0, ...drafts.filter((d) => d.kind === kind).map((d) => Number(d.priority) || 0));
    const draft = emptyRule(kind, facts, max + 10);
    setDrafts((all) => [...all, draft]);
    setEditing({ key: draft.key, snapshot: null });
  };
  const cancelEdit = () => {
    if (!editing) return;
    const { key, snapshot } = editing;
    setDrafts((all) =>
      snapshot ? all.map((item) => (item.key === key ? snapshot : item)) : all.filter((item) => item.key !== key),
    );
    setEditing(null);
  };

  const published = overview.published;
  return (
    <>
      <title>{`${t("rules.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={
          <>
            {t("rules.title")}
            {published ? (
              <Badge tone="accent" size="lg">
                {t("rules.versionBadge", { version: published.version })}
              </Badge>
            ) : null}
          </>
        }
        subtitle={t("rules.subtitle")}
        meta={
          published ? (
            <span data-testid="rules-published">
              <Icon name="clock" />
              {t("rules.publishedMeta", {
                version: published.version,
                date: format.dateTime(published.publishedAt, "long"),
                by: published.publishedBy,
              })}
            </span>
          ) : (
            <span>{t("rules.noPublished")}</span>
          )
        }
        actions={
          canEdit ? (
            <Form method="post" className="cf-row" aria-label={t("rules.toolbar")}>
              <input type="hidden" name="rules" value={json} />
              {dirty ? <Badge tone="warning">{t("rules.unsaved")}</Badge> : null}
              <Button type="submit" name="intent" value="save" disabled={busy}>
                {t("rules.save")}
              </Button>
              <Button type="submit" name="intent" value="dryrun" disabled={busy}>
                <Icon name="refresh" />
                {t("rules.dryRunButton")}
              </Button>
              <Button type="submit" name="intent" value="publish" variant="primary" disabled={busy}>
                <Icon name="check" />
                {t("rules.publish")}
              </Button>
            </Form>
          ) : null
        }
      />
      <div className="cf-stack">
        {!canEdit ? (
          <Notice tone="info" role="status">
            {t("rules.readOnly")}
          </Notice>
        ) : null}
        {actionData?.ok && actionData.intent === "save" ? (
          <Notice tone="success" role="status" title={t("rules.savedTitle")}>
            {t("rules.savedBody")}
          </Notice>
        ) : null}
        {actionData?.ok && actionData.intent === "publish" ? (
          <Notice tone="success" role="status" title={t("rules.publishedTitle", { version: actionData.version ?? 0 })}>
            {t("rules.publishedBody")}
          </Notice>
        ) : null}
        {actionData && !actionData.ok ? (
          <Notice tone="danger" role="alert" title={t(`rules.failed.${actionData.intent}`)}>
            {actionData.status === 409
              ? t("rules.conflict", { message: actionData.error?.message ?? "" })
              : details.length > 0
                ? t("rules.fixErrors", { n: details.length })
                : actionData.error?.message}
          </Notice>
        ) : null}
        {overview.draft && !dirty && !actionData ? (
          <Notice tone="warning" role="status" title={t("rules.draftTitle")}>
            {t("rules.draftBody", {
              date: format.dateTime(overview.draft.savedAt, "long"),
              by: overview.draft.savedBy,
              version: overview.draft.baseVersion,
            })}
          </Notice>
        ) : null}

        {canEdit && editingDraft ? (
          <RuleEditor
            key={editingDraft.key}
            draft={editingDraft}
            facts={facts}
            errors={errorsForRule(details, editingIndex)}
            isNew={editing?.snapshot === null}
            onChange={update}
            onDone={() => setEditing(null)}
            onCancel={cancelEdit}
          />
        ) : null}

        {actionData?.ok && actionData.dryRun ? <DryRunResults result={actionData.dryRun} /> : null}

        <div className="cf-stack">
          {RULE_KINDS.map((kind) => {
            const ofKind = inRunOrder(drafts.map((draft, index) => ({ draft, index, priority: draft.priority })))
              .map((entry) => entry.item)
              .filter((entry) => entry.draft.kind === kind);
            return (
              <Card
                key={kind}
                title={
                  <span className="cf-row">
                    <span className={`cf-rule-kind cf-tone-${KIND_TONES[kind]}`}>
                      <Icon name={KIND_ICONS[kind]} />
                    </span>
                    {t(`rules.kind.${kind}.title`)}
                    <Badge>{ofKind.length}</Badge>
                  </span>
                }
                subtitle={t(`rules.kind.${kind}.hint`)}
                actions={
                  canEdit ? (
                    <Button
                      size="sm"
                      onClick={() => addRule(kind)}
                      aria-label={t("rules.addOf", { kind: t(`rules.kind.${kind}.title`) })}
                    >
                      {t("rules.add")}
                    </Button>
                  ) : null
                }
                flush
                divided
              >
                {ofKind.length === 0 ? (
                  <EmptyState compact icon="sparkle" title={t("rules.emptyKind")} />
                ) : (
                  <ol className="cf-rules" aria-label={t(`rules.kind.${kind}.title`)}>
                    {ofKind.map(({ draft, index }, position) => {
                      const rule = rules[index];
                      if (!rule) return null;
                      return (
                        <RuleRow
                          key={draft.key}
                          rule={rule}
                          draft={draft}
                          facts={facts}
                          canEdit={canEdit}
                          errors={errorsForRule(details, index)}
                          first={position === 0}
                          last={position === ofKind.length - 1}
                          onEdit={() => setEditing({ key: draft.key, snapshot: draft })}
                          onChange={update}
                          onMove={(direction) => setDrafts((all) => moveRule(all, draft.key, direction))}
                          onDelete={() => {
                            setDrafts((all) => all.filter((item) => item.key !== draft.key));
                            if (editing?.key === draft.key) setEditing(null);
                          }}
                        />
                      );
                    })}
                  </ol>
                )}
              </Card>
            );
          })}
        </div>

        {overview.versions.length > 0 ? (
          <Card title={t("rules.versions")} flush divided>
            <DataTable
              rows={[...overview.versions].sort((a, b) => b.version - a.version)}
              rowKey={(row) => String(row.version)}
              columns={[
                {
                  key: "version",
                  header: t("rules.version"),
                  cell: (row) => <span className="cf-cell-main">v{row.version}</span>,
                },
                {
                  key: "at",
                  header: t("rules.publishedAt"),
                  cell: (row) => format.dateTime(row.publishedAt, "long"),
                },
                { key: "by", header: t("rules.publishedBy"), cell: (row) => row.publishedBy },
                {
                  key: "count",
                  header: t("rules.ruleCount"),
                  align: "right",
                  cell: (row) => <span className="cf-num">{format.number(row.ruleCount)}</span>,
                },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
