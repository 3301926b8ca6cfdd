import { useFormat } from "@crossflow/i18n/react";
import { ButtonLink, Icon, Notice } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import { ADDRESS_FIELDS, type AddressFieldName, AddressForm, REQUIRED_FIELDS } from "../components/AddressForm";
import { ProgressTracker } from "../components/ProgressTracker";
import { ReturnsPanel } from "../components/ReturnsPanel";
import { TrackingTimeline } from "../components/TrackingTimeline";
import { changeAddress, clientOf, createReturn, getOrder, getReturnOptions, type PortalOrder } from "../lib/api.server";
import { isolate } from "../lib/bidi";
import { progressOf } from "../lib/progress";
import type { Route } from "./+types/order";

export async function loader({ params, request }: Route.LoaderArgs) {
  const [order, returns] = await Promise.all([getOrder(params.token), getReturnOptions(params.token)]);
  // An expired or damaged link: back to the lookup, which says so.
  if (!order) throw redirect("/?expired=1");
  // After a form post the page is reloaded with what happened (post/redirect/get), so a refresh repeats nothing.
  const url = new URL(request.url);
  return {
    order,
    returns,
    saved: url.searchParams.get("saved") === "address",
    createdRma: url.searchParams.get("rma"),
  };
}

const orderUrl = (token: string) => `/o/${encodeURIComponent(token)}`;

export function headers({ parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  headers.set("Cache-Control", "private, no-store");
  // The URL is the key to the order: keep it out of referrers and search engines.
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Robots-Tag", "noindex");
  return headers;
}

type AddressResult = {
  intent: "address";
  tooLate?: boolean;
  tooMany?: boolean;
  errors?: Partial<Record<AddressFieldName, string>>;
  values?: Partial<Record<AddressFieldName, string>>;
};
type ReturnResult = { intent: "return"; error?: string };

async function submitAddress(request: Request, token: string, form: FormData) {
  const values: Partial<Record<AddressFieldName, string>> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = String(form.get(field) ?? "").trim();
    if (value) values[field] = field === "country" ? value.toUpperCase() : value;
  }
  const missing = REQUIRED_FIELDS.filter((field) => !values[field]);
  if (missing.length)
    return data<AddressResult>(
      { intent: "address", values, errors: Object.fromEntries(missing.map((f) => [f, "required"])) },
      { status: 400 },
    );
  const result = await changeAddress(token, values as Record<string, string>, clientOf(request));
  if (result.ok) throw redirect(`${orderUrl(token)}?saved=address`);
  if (result.status === 404) throw redirect("/?expired=1");
  if (result.status === 409) return data<AddressResult>({ intent: "address", tooLate: true }, { status: 409 });
  if (result.status === 429) return data<AddressResult>({ intent: "address", tooMany: true, values }, { status: 429 });
  const errors: Partial<Record<AddressFieldName, string>> = {};
  for (const detail of result.details) {
    const field = detail.path.replace(/^address\./, "") as AddressFieldName;
    if (ADDRESS_FIELDS.includes(field)) errors[field] ??= detail.code ?? (values[field] ? "invalid" : "required");
  }
  if (!Object.keys(errors).length) errors.line1 = "invalid";
  return data<AddressResult>({ intent: "address", values, errors }, { status: 400 });
}

async function submitReturn(request: Request, token: string, form: FormData) {
  const lines: Array<{ sku: string; quantity: number; reason: string; note?: string }> = [];
  const note = String(form.get("note") ?? "")
    .trim()
    .slice(0, 500);
  for (let index = 0; form.has(`line.${index}.sku`); index += 1) {
    const quantity = Number(form.get(`line.${index}.quantity`) ?? 0);
    const reason = String(form.get(`line.${index}.reason`) ?? "");
    if (!Number.isInteger(quantity) || quantity <= 0) continue;
    if (!reason) return data<ReturnResult>({ intent: "return", error: "nothingSelected" }, { status: 400 });
    lines.push({ sku: String(form.get(`line.${index}.sku`)), quantity, reason, ...(note ? { note } : {}) });
  }
  if (!lines.length) return data<ReturnResult>({ intent: "return", error: "nothingSelected" }, { status: 400 });
  const result = await createReturn(token, { lines }, clientOf(request));
  if (result.ok) throw redirect(`${orderUrl(token)}?rma=${encodeURIComponent(result.value.rma)}`);
  if (result.status === 400) return data<ReturnResult>({ intent: "return", error: "nothingSelected" }, { status: 400 });
  return data<ReturnResult>({ intent: "return", error: "unavailable" }, { status: result.status });
}

/** Plain form posts (no client JS needed): change the address, or request a return. */
export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "address") return submitAddress(request, params.token, form);
  if (form.get("intent") === "return") return submitReturn(request, params.token, form);
  throw data({ code: "invalid_request", message: "Unknown form" }, { status: 400 });
}

function formatEta(value: string, locale: string, timeZone: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: dateOnly ? "UTC" : timeZone,
  }).format(date);
}

function Eta({ order }: { order: PortalOrder }) {
  const { t } = useTranslation("portal");
  const format = useFormat();
  const shipment = order.shipments[0];
  const deliveredAt = shipment?.deliveredAt ?? (order.status === "delivered" ? order.timeline.at(-1)?.at : null);
  if (deliveredAt)
    return (
      <div className="cf-po-eta" data-done="true">
        <span className="cf-po-eta__label">{t("headline.delivered")}</span>
        <span className="cf-po-eta__date">{formatEta(deliveredAt, format.locale, format.timeZone)}</span>
      </div>
    );
  if (shipment?.estimatedDelivery)
    return (
      <div className="cf-po-eta">
        <span className="cf-po-eta__label">{t("eta.label")}</span>
        <span className="cf-po-eta__date">{formatEta(shipment.estimatedDelivery, format.locale, format.timeZone)}</span>
      </div>
    );
  if (order.status === "cancelled") return null;
  // On its way but the carrier gave no date: the latest scan is the most useful thing to show.
  const latest = order.shipments
    .flatMap((s) => s.events)
    .map((e) => e.at)
    .sort()
    .at(-1);
  if (latest)
    return (
      <div className="cf-po-eta">
        <span className="cf-po-eta__label">{t("tracking.title")}</span>
        <span className="cf-po-eta__pending">{t("order.updated", { date: format.dateTime(latest) })}</span>
      </div>
    );
  return (
    <div className="cf-po-eta">
      <span className="cf-po-eta__label">{t("eta.label")}</span>
      <span className="cf-po-eta__pending">{t("eta.pending")}</span>
    </div>
  );
}

function AttentionNotice({ order }: { order: PortalOrder }) {
  const { t } = useTranslation("portal");
  const format = useFormat();
  const merchant = order.merchant.name;
  const { attention } = progressOf(order);
  switch (attention) {
    case "customs_hold":
      return (
        <Notice tone="warning" title={t("attention.customsHoldTitle")} role="status">
          <p>{t("attention.customsHoldBody", { country: format.country(order.shipTo.country) })}</p>
          <p className="cf-po-todo">{t("attention.customsHoldAction")}</p>
        </Notice>
      );
    case "failed_attempt":
      return (
        <Notice tone="warning" title={t("attention.failedAttemptTitle")} role="status">
          <p>{t("attention.failedAttemptBody")}</p>
          <p className="cf-po-todo">{t("attention.failedAttemptAction", { merchant })}</p>
        </Notice>
      );
    case "exception":
      return (
        <Notice tone="danger" title={t("attention.exceptionTitle")} role="status">
          <p>{t("attention.exceptionBody", { merchant })}</p>
          <p className="cf-po-todo">{t("attention.exceptionAction", { merchant })}</p>
        </Notice>
      );
    case "returned_to_sender":
      return (
        <Notice tone="danger" title={t("attention.returnedToSenderTitle", { merchant })} role="status">
          <p>{t("attention.returnedToSenderBody")}</p>
          <p className="cf-po-todo">{t("attention.returnedToSenderAction", { merchant })}</p>
        </Notice>
      );
    case "on_hold":
      return (
        <Notice tone="info" title={t("headline.on_hold")}>
          <p>{t("attention.onHoldBody", { merchant })}</p>
        </Notice>
      );
    case "cancelled":
      return (
        <Notice tone="danger" title={t("headline.cancelled")}>
          <p>{t("attention.cancelledBody", { merchant })}</p>
        </Notice>
      );
    case "returned":
      return (
        <Notice tone="neutral" title={t("headline.returned")}>
          <p>{t("attention.returnedBody", { merchant })}</p>
        </Notice>
      );
    default:
      return null;
  }
}

export default function OrderPage({ loaderData, actionData }: Route.ComponentProps) {
  const { order, returns, saved, createdRma } = loaderData;
  const { t } = useTranslation("portal");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const progress = progressOf(order);
  const merchant = order.merchant.name;
  const address = actionData?.intent === "address" ? (actionData as AddressResult) : null;
  const returned = actionData?.intent === "return" ? (actionData as ReturnResult) : null;
  const addressFailed = address;
  const shipment = order.shipments[0];
  const brand = order.merchant.color ? ({ "--cf-po-brand": order.merchant.color } as CSSProperties) : undefined;
  const a = order.shipTo;

  return (
    <div className="cf-po" style={brand}>
      <title>{`${t("order.number", { number: isolate(order.orderNumber) })} · ${merchant}`}</title>
      <meta name="robots" content="noindex" />
      <section className="cf-po-hero" aria-labelledby="order-title">
        <div className="cf-po-hero__top">
          <div className="cf-po-hero__who">
            {order.merchant.logoUrl ? (
              <img className="cf-po-logo" src={order.merchant.logoUrl} alt="" height={32} />
            ) : (
              <span className="cf-po-monogram" aria-hidden="true">
                {merchant.slice(0, 1)}
              </span>
            )}
            <div>
              <p className="cf-po-merchant">{t("order.from", { merchant })}</p>
              <h1 id="order-title" className="cf-po-title">
                {t("order.number", { number: isolate(order.orderNumber) })}
              </h1>
              <p className="cf-muted">{t("order.placed", { date: format.dateTime(order.placedAt, "date") })}</p>
            </div>
          </div>
          <Eta order={order} />
        </div>
        <p className="cf-po-headline" data-state={progress.state}>
          <Icon name={progress.complete ? "check" : progress.state === "normal" ? "truck" : "alert"} />
          <span>{t(`headline.${progress.headline}`)}</span>
        </p>
        <ProgressTracker progress={progress} />
      </section>

      <AttentionNotice order={order} />
      {saved ? <Notice tone="success" role="status" title={t("address.saved")} /> : null}

      <div className="cf-po-grid">
        <section className="cf-card cf-po-card" aria-labelledby="tracking-title">
          <h2 id="tracking-title" className="cf-po-card__title">
            {t("tracking.title")}
          </h2>
          {shipment ? (
            <dl className="cf-po-parcel">
              <div>
                <dt>{t("tracking.carrier")}</dt>
                <dd>{shipment.carrierName}</dd>
              </div>
              <div>
                <dt>{t("tracking.trackingNumber")}</dt>
                <dd className="cf-po-mono" dir="ltr">
                  {shipment.trackingNumber}
                </dd>
              </div>
            </dl>
          ) : null}
          <TrackingTimeline order={order} />
          <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
        </section>

        <div className="cf-po-side">
          <section className="cf-card cf-po-card" aria-labelledby="items-title">
            <h2 id="items-title" className="cf-po-card__title">
              {t("items.title")}
            </h2>
            <ul className="cf-po-items">
              {order.lines.map((line) => (
                <li key={line.sku} className="cf-po-items__row">
                  <span className="cf-po-items__title">{line.title}</span>
                  <span className="cf-muted">{t("items.quantity", { count: line.quantity })}</span>
                  <span className="cf-num">{format.money(line.unitPrice * line.quantity, order.currency)}</span>
                </li>
              ))}
            </ul>
            <dl className="cf-po-totals">
              <div>
                <dt>{t("items.subtotal")}</dt>
                <dd className="cf-num">{format.money(order.subtotal, order.currency)}</dd>
              </div>
              <div>
                <dt>{t("items.shipping")}</dt>
                <dd className="cf-num">{format.money(order.shippingPaid, order.currency)}</dd>
              </div>
              <div className="cf-po-totals__total">
                <dt>{t("items.total")}</dt>
                <dd className="cf-num">{format.money(order.total, order.currency)}</dd>
              </div>
            </dl>
            {order.invoiceUrl ? (
              <Link
                reloadDocument
                className="cf-btn cf-btn--block"
                to={`/o/${encodeURIComponent(order.token)}/invoice`}
              >
                <Icon name="file" />
                {t("invoice.download")}
              </Link>
            ) : (
              <p className="cf-muted">{t("invoice.pending")}</p>
            )}
          </section>

          <section className="cf-card cf-po-card" aria-labelledby="address-title">
            <h2 id="address-title" className="cf-po-card__title">
              {t("shipTo")}
            </h2>
            <address className="cf-po-address" dir="auto">
              {[a.name, a.company, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(" "), a.region]
                .filter(Boolean)
                .map((part) => (
                  <span key={part}>{part}</span>
                ))}
              <span>{format.country(a.country)}</span>
            </address>
            {address?.tooLate ? (
              <Notice tone="warning" role="alert">
                <p>{t("address.tooLate")}</p>
              </Notice>
            ) : null}
            {address?.tooMany ? (
              <Notice tone="warning" role="alert">
                <p>{t("lookup.tooMany")}</p>
              </Notice>
            ) : null}
            {order.address.changeable ? (
              <details className="cf-po-disclosure" open={Boolean(addressFailed?.errors) || undefined}>
                <summary className="cf-btn cf-po-disclosure__toggle">{t("address.open")}</summary>
                <p className="cf-muted">{t("address.intro")}</p>
                <AddressForm current={a} values={addressFailed?.values} errors={addressFailed?.errors} />
              </details>
            ) : (
              <p className="cf-muted">{t("address.locked")}</p>
            )}
          </section>

          <section className="cf-card cf-po-card" aria-labelledby="returns-title">
            <h2 id="returns-title" className="cf-po-card__title">
              {t("returns.title")}
            </h2>
            <ReturnsPanel
              token={order.token}
              merchant={merchant}
              delivered={order.status === "delivered"}
              options={returns}
              createdRma={createdRma}
              error={returned?.error}
            />
          </section>
        </div>
      </div>
      <div>
        <ButtonLink to="/" variant="ghost">
          {t("order.another")}
        </ButtonLink>
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
