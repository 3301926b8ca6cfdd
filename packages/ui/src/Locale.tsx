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
  return (
    <details className="cf-menu">
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
