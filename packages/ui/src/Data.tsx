import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Tone } from "./Badge";
import { cx } from "./cx";

export interface BarItem {
  key: string;
  label: ReactNode;
  value: number;
  display?: ReactNode;
  to?: string;
  tone?: Tone;
}

/** Horizontal bars scaled to the largest value, e.g. orders per status. */
export function BarList({ items }: { items: BarItem[] }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <ul className="cf-barlist">
      {items.map((item) => {
        const content = (
          <>
            <span>{item.label}</span>
            <span className="cf-barlist__track">
              <span
                className={cx("cf-barlist__bar", item.tone && `cf-tone-${item.tone}`)}
                style={{ width: `${(item.value / max) * 100}%`, display: "block" }}
              />
            </span>
            <span className="cf-barlist__value">{item.display ?? item.value}</span>
          </>
        );
        return (
          <li key={item.key}>
            {item.to ? (
              <Link className={cx("cf-barlist__row", item.value === 0 && "cf-barlist__row--zero")} to={item.to}>
                {content}
              </Link>
            ) : (
              <div className={cx("cf-barlist__row", item.value === 0 && "cf-barlist__row--zero")}>{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function compact(value: unknown): string | null {
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (value.every((item) => item === null || typeof item !== "object"))
      return value.map((item) => scalar(item)).join(", ");
    return `[${value.length}]`;
  }
  if (value !== null && typeof value === "object") return null;
  return scalar(value);
}

/**
 * Short key/value chips for a small object (a decision's outcome). Nested objects are left
 * out and lists of objects only counted: the full value belongs in a FactList.
 */
export function Chips({ value }: { value: unknown }) {
  if (!isPlainObject(value))
    return value === undefined || value === null ? null : (
      <div className="cf-chips">
        <span className="cf-chip">{scalar(value)}</span>
      </div>
    );
  const entries = Object.entries(value).flatMap(([key, item]) => {
    const text = compact(item);
    return text === null ? [] : [[key, text] as const];
  });
  if (entries.length === 0) return null;
  return (
    <div className="cf-chips">
      {entries.map(([key, text]) => (
        <span className="cf-chip" key={key}>
          <span className="cf-chip__key">{key}</span>
          <span className="cf-chip__value">{text}</span>
        </span>
      ))}
    </div>
  );
}

/** Arbitrary facts as a key/value grid; nested values are shown as indented JSON. */
export function FactList({ facts }: { facts: unknown }) {
  if (!isPlainObject(facts)) return <pre className="cf-code">{JSON.stringify(facts, null, 2)}</pre>;
  return (
    <dl className="cf-facts">
      {Object.entries(facts).map(([key, value]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{key}</dt>
          <dd>{typeof value === "object" && value !== null ? JSON.stringify(value, null, 2) : scalar(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
