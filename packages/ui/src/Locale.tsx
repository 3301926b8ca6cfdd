import { useEffect, useRef } from "react";
import { useHref, useLocation } from "react-router";
import { Icon } from "./Icon";

export interface LocaleChoice {
  code: string;
  name: string;
}

/**
 * Language picker as a disclosure of plain links to the current page with `?lng=xx`: it
 * works without JavaScript, and the full page load renders the new language on the server.
 */
export function LocaleMenu({ label, current, locales }: { label: string; current: string; locales: LocaleChoice[] }) {
  const location = useLocation();
  const path = useHref(location.pathname);
  const hrefFor = (code: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", code);
    return `${path}?${params.toString()}`;
  };
  const active = locales.find((locale) => locale.code === current);
  const menu = useRef<HTMLDetailsElement>(null);
  // With JavaScript, a click elsewhere or Escape closes the menu, as a menu should.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node))
        details.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details className="cf-menu" ref={menu}>
      <summary aria-label={`${label}: ${active?.name ?? current}`}>
        <Icon name="globe" />
        <span lang={current}>{active?.name ?? current}</span>
        <Icon name="chevronDown" />
      </summary>
      <ul className="cf-menu__list">
        {locales.map((locale) => (
          <li key={locale.code}>
            <a
              className="cf-menu__item"
              href={hrefFor(locale.code)}
              hrefLang={locale.code}
              lang={locale.code}
              aria-current={locale.code === current ? "true" : undefined}
            >
              {locale.name}
              {locale.code === current ? <Icon name="check" /> : null}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
