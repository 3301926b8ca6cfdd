import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { cx } from "./cx";
import { BrandMark, Icon, type IconName } from "./Icon";

export function Brand({ name, app, to = "/" }: { name: string; app?: string; to?: string }) {
  return (
    <Link to={to} className="cf-brand">
      <BrandMark />
      <span className="cf-brand__name">
        <span>{name}</span>
        {app ? <span className="cf-brand__app">{app}</span> : null}
      </span>
    </Link>
  );
}

/** Initials: "Mia Chen" → "MC"; a name starting with CJK characters uses its first character ("王芳" → "王"). */
export function initials(name: string): string {
  const trimmed = name.trim();
  const first = Array.from(trimmed)[0] ?? "?";
  if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(first)) return first;
  return (
    trimmed
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => Array.from(part)[0] ?? "")
      .join("")
      .toUpperCase() || "?"
  );
}

export function Avatar({ name, size }: { name: string; size?: "lg" }) {
  return (
    <span className={cx("cf-avatar", size === "lg" && "cf-avatar--lg")} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Match the path exactly (for index routes). */
  end?: boolean;
  /** Overrides path matching, e.g. for links that differ only in their query string. */
  active?: boolean;
  count?: number;
}

export function SideNav({ items, label }: { items: NavItem[]; label: string }) {
  return (
    <nav className="cf-nav" aria-label={label}>
      {items.map((item) => {
        const content = (
          <>
            <Icon name={item.icon} />
            <span className="cf-nav__label">{item.label}</span>
            {item.count ? <span className="cf-nav__count">{item.count}</span> : null}
          </>
        );
        return item.active === undefined ? (
          <NavLink key={item.to} to={item.to} end={item.end} className="cf-nav__item">
            {content}
          </NavLink>
        ) : (
          <Link key={item.to} to={item.to} className="cf-nav__item" aria-current={item.active ? "page" : undefined}>
            {content}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The signed-in layout: sidebar with brand, organization, navigation and the user, and a
 * main column with a sticky top bar. Collapses to a top header on narrow screens.
 */
export function AppShell(props: {
  brand: ReactNode;
  org?: { name: string; meta?: string };
  nav: ReactNode;
  user: { name: string; detail?: string };
  signOut: ReactNode;
  topbar?: ReactNode;
  skipLabel: string;
  children: ReactNode;
}) {
  return (
    <div className="cf-shell">
      <a className="cf-skip-link" href="#main">
        {props.skipLabel}
      </a>
      <aside className="cf-sidebar">
        <div className="cf-sidebar__brand">{props.brand}</div>
        {props.org ? (
          <div className="cf-sidebar__org">
            <Icon name="building" />
            <div style={{ minWidth: 0 }}>
              <div className="cf-sidebar__org-name">{props.org.name}</div>
              {props.org.meta ? <div className="cf-sidebar__org-meta">{props.org.meta}</div> : null}
            </div>
          </div>
        ) : null}
        {props.nav}
        <div className="cf-sidebar__footer">
          <div className="cf-user">
            <Avatar name={props.user.name} />
            <div className="cf-user__text">
              <div className="cf-user__name">{props.user.name}</div>
              {props.user.detail ? <div className="cf-user__detail">{props.user.detail}</div> : null}
            </div>
          </div>
          {props.signOut}
        </div>
      </aside>
      <div className="cf-main">
        <header className="cf-topbar">{props.topbar}</header>
        <main id="main" className="cf-content">
          {props.children}
        </main>
      </div>
    </div>
  );
}

/** Centered single-card layout for sign-in pages. */
export function AuthLayout({
  brand,
  corner,
  children,
  footer,
}: {
  brand: ReactNode;
  corner?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="cf-auth">
      <header className="cf-auth__top">
        {brand}
        {corner}
      </header>
      <main id="main" className="cf-auth__main">
        <div className="cf-auth__card">
          {children}
          {footer ? <div className="cf-auth__footer">{footer}</div> : null}
        </div>
      </main>
    </div>
  );
}

export function PageHeader(props: {
  title: ReactNode;
  subtitle?: ReactNode;
  breadcrumb?: ReactNode;
  meta?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="cf-page-header">
      <div className="cf-page-header__text">
        {props.breadcrumb ? <nav className="cf-breadcrumb">{props.breadcrumb}</nav> : null}
        <h1 className="cf-page-title">{props.title}</h1>
        {props.subtitle ? <p className="cf-page-subtitle">{props.subtitle}</p> : null}
        {props.meta ? <div className="cf-page-meta">{props.meta}</div> : null}
      </div>
      {props.actions ? <div className="cf-page-header__actions">{props.actions}</div> : null}
    </div>
  );
}
