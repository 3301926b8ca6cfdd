import type { ReactNode } from "react";
import { Link } from "react-router";

export interface TabLink {
  key: string;
  to: string;
  label: ReactNode;
  count?: number;
  active: boolean;
}

/** Tabs that are plain links (a filter held in the URL), so they work without JavaScript. */
export function TabLinks({ label, items }: { label: string; items: TabLink[] }) {
  return (
    <nav className="cf-tabs" aria-label={label}>
      {items.map((item) => (
        <Link
          key={item.key}
          to={item.to}
          className="cf-tabs__item"
          aria-current={item.active ? "page" : undefined}
          preventScrollReset
        >
          <span>{item.label}</span>
          {item.count !== undefined ? <span className="cf-tabs__count">{item.count}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
