import type { ReactNode } from "react";
import { Link } from "react-router";
import { cx } from "./cx";
import { Icon, type IconName } from "./Icon";

export function Card(props: {
  title?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  /** Body without padding, for tables and lists that reach the card's edges. */
  flush?: boolean;
  divided?: boolean;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  return (
    <section className={cx("cf-card", props.className)} id={props.id}>
      {props.title || props.actions ? (
        <header className={cx("cf-card__header", props.divided && "cf-card__header--divided")}>
          <div>
            {props.title ? <h2 className="cf-card__title">{props.title}</h2> : null}
            {props.subtitle ? <p className="cf-card__subtitle">{props.subtitle}</p> : null}
          </div>
          {props.actions}
        </header>
      ) : null}
      <div className={props.flush ? "cf-card__body--flush" : "cf-card__body"}>{props.children}</div>
      {props.footer ? <footer className="cf-card__footer">{props.footer}</footer> : null}
    </section>
  );
}

export interface KeyValue {
  label: ReactNode;
  value: ReactNode;
}

export function KeyValueList({ items }: { items: KeyValue[] }) {
  return (
    <dl className="cf-kv">
      {items.map((item, index) => (
        <div key={index} style={{ display: "contents" }}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function KeyValueCard({ title, items, actions }: { title: ReactNode; items: KeyValue[]; actions?: ReactNode }) {
  return (
    <Card title={title} actions={actions}>
      <KeyValueList items={items} />
    </Card>
  );
}

export type StatTone = "neutral" | "info" | "warning" | "success" | "accent";

export function StatCard(props: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  icon: IconName;
  tone?: StatTone;
  to?: string;
  children?: ReactNode;
}) {
  const className = cx("cf-card", "cf-stat", props.tone && `cf-stat--${props.tone}`);
  const body = (
    <>
      <span className="cf-stat__label">
        <span className="cf-stat__icon">
          <Icon name={props.icon} />
        </span>
        {props.label}
      </span>
      <span className="cf-stat__value">{props.value}</span>
      {props.children}
      {props.hint ? <span className="cf-stat__hint">{props.hint}</span> : null}
    </>
  );
  return props.to ? (
    <Link to={props.to} className={className}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}

/** A ratio bar, 0..1. */
export function Meter({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(1, value)) * 100;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot be styled consistently across browsers
    <div
      className="cf-meter"
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
      aria-label={label}
    >
      <div className="cf-meter__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
