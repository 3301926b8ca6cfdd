import { useFormat } from "@crossflow/i18n/react";
import { Button, Field, Notice, SelectInput, TextArea } from "@crossflow/ui";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { ReturnOptions } from "../lib/api.server";
import { isolate } from "../lib/bidi";

type ExistingReturn = ReturnOptions["returns"][number];

function useReturnWords() {
  const { t, i18n } = useTranslation("portal");
  return {
    reason: (code: string) =>
      i18n.exists(`returns.reasons.${code}`, { ns: "portal" })
        ? t(`returns.reasons.${code as "other"}`)
        : code.replace(/_/g, " "),
    status: (code: string) =>
      i18n.exists(`returns.statuses.${code}`, { ns: "portal" })
        ? t(`returns.statuses.${code as "requested"}`)
        : code.replace(/_/g, " "),
  };
}

const labelHref = (token: string, rma: string) =>
  `/o/${encodeURIComponent(token)}/returns/${encodeURIComponent(rma)}/label`;

function Created({ token, created }: { token: string; created: ExistingReturn }) {
  const { t } = useTranslation("portal");
  return (
    <section className="cf-po-return-created" aria-labelledby="return-created">
      <h3 id="return-created" className="cf-po-return-created__title">
        {t("returns.created", { rma: isolate(created.rma) })}
      </h3>
      <ol className="cf-po-steps">
        <li>{t("returns.stepPack")}</li>
        <li>{t("returns.stepLabel")}</li>
        <li>{t("returns.stepDrop")}</li>
      </ol>
      <div className="cf-po-actions">
        {created.labelUrl ? (
          <Link reloadDocument className="cf-btn cf-btn--primary" to={labelHref(token, created.rma)}>
            {t("returns.downloadLabel")}
          </Link>
        ) : null}
        {(created.documents ?? [])
          .filter((d) => d.kind !== "return_label")
          .map((d) => (
            <a key={d.url} className="cf-btn" href={d.url}>
              {t("returns.documents")} ({d.kind.replace(/_/g, " ")})
            </a>
          ))}
      </div>
    </section>
  );
}

export function ReturnsPanel(props: {
  token: string;
  merchant: string;
  delivered: boolean;
  options: ReturnOptions | null;
  createdRma?: string | null;
  error?: string;
}) {
  const { t } = useTranslation("portal");
  const format = useFormat();
  const words = useReturnWords();
  const { options } = props;
  const whoPays = (o: ReturnOptions) => {
    const payers =
      typeof o.shippingPaidBy === "string"
        ? o.reasons.map((reason) => [reason, o.shippingPaidBy as string] as const)
        : o.reasons.map((reason) => [reason, (o.shippingPaidBy as Record<string, string>)[reason]] as const);
    const free = payers.filter(([, payer]) => payer === "merchant").map(([reason]) => words.reason(reason));
    if (free.length === payers.length) return t("returns.paidByMerchant");
    if (!free.length) return t("returns.paidByCustomer");
    return t("returns.freeFor", {
      reasons: new Intl.ListFormat(format.locale, { type: "conjunction" }).format(free),
    });
  };
  if (!options) return <p className="cf-muted">{props.delivered ? t("returns.unavailable") : t("returns.notYet")}</p>;
  const closed = options.windowEndsAt !== null && options.windowEndsAt < new Date().toISOString();
  const returnable = options.lines.filter((l) => l.returnableQuantity > 0);
  const created = props.createdRma ? options.returns.find((r) => r.rma === props.createdRma) : undefined;
  return (
    <div className="cf-stack cf-stack--sm">
      {created ? <Created token={props.token} created={created} /> : null}
      {options.returns.length ? (
        <div>
          <h3 className="cf-po-subtitle">{t("returns.existing")}</h3>
          <ul className="cf-po-returns">
            {options.returns.map((r) => (
              <li key={r.rma} className="cf-po-returns__item">
                <div>
                  <span className="cf-po-rma">{r.rma}</span>
                  <span className="cf-po-pill">{words.status(r.status)}</span>
                  <p className="cf-muted">{t("returns.requestedOn", { date: format.dateTime(r.createdAt, "date") })}</p>
                </div>
                {r.labelUrl ? (
                  <Link reloadDocument className="cf-btn cf-btn--sm" to={labelHref(props.token, r.rma)}>
                    {t("returns.downloadLabel")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {options.eligible && returnable.length ? (
        <details className="cf-po-disclosure" open={Boolean(props.error) || undefined}>
          <summary className="cf-btn cf-po-disclosure__toggle">{t("returns.start")}</summary>
          <Form method="post" className="cf-po-form">
            <input type="hidden" name="intent" value="return" />
            <p>{t("returns.intro")}</p>
            {options.windowEndsAt ? (
              <p className="cf-muted">
                {t("returns.windowOpen", { date: format.dateTime(options.windowEndsAt, "date") })}
              </p>
            ) : null}
            {props.error ? (
              <Notice tone="danger" role="alert">
                <p>{t(`returns.${props.error as "nothingSelected"}`)}</p>
              </Notice>
            ) : null}
            <ul className="cf-po-return-lines">
              {returnable.map((line, index) => (
                <li key={line.sku} className="cf-po-return-lines__item">
                  <input type="hidden" name={`line.${index}.sku`} value={line.sku} />
                  <p className="cf-po-return-lines__title">
                    {line.title}
                    <span className="cf-muted"> · {t("returns.returnable", { count: line.returnableQuantity })}</span>
                  </p>
                  <div className="cf-po-return-lines__fields">
                    <Field label={t("returns.quantity")} htmlFor={`return-qty-${index}`}>
                      <SelectInput
                        id={`return-qty-${index}`}
                        name={`line.${index}.quantity`}
                        defaultValue="0"
                        options={Array.from({ length: line.returnableQuantity + 1 }, (_, n) => ({
                          value: String(n),
                          label: format.number(n),
                        }))}
                      />
                    </Field>
                    <Field label={t("returns.reason")} htmlFor={`return-reason-${index}`}>
                      <SelectInput
                        id={`return-reason-${index}`}
                        name={`line.${index}.reason`}
                        defaultValue=""
                        placeholder={t("returns.chooseReason")}
                        options={options.reasons.map((code) => ({ value: code, label: words.reason(code) }))}
                      />
                    </Field>
                  </div>
                </li>
              ))}
            </ul>
            <Field label={`${t("returns.note")} (${t("address.optional")})`} htmlFor="return-note">
              <TextArea id="return-note" name="note" rows={2} maxLength={500} dir="auto" />
            </Field>
            <p className="cf-muted">{whoPays(options)}</p>
            <Button type="submit" variant="primary">
              {t("returns.submit")}
            </Button>
          </Form>
        </details>
      ) : options.returns.length ? null : (
        <p className="cf-muted">
          {(options.reason === "window_closed" || closed) && options.windowEndsAt
            ? t("returns.windowClosed", { date: format.dateTime(options.windowEndsAt, "date") })
            : options.reason === "not_shipped"
              ? t("returns.notYet")
              : t("returns.notEligible", { merchant: props.merchant })}
        </p>
      )}
    </div>
  );
}
