import type { CustomerEmailData, EmailBrand, EmailMoney } from "../events";
import { formatCountry, formatEmailDate, formatInteger, formatMoney } from "../format";
import type { EmailLocale } from "../locales";
import { isRtlLocale } from "../locales";
import type { EmailMessages } from "../messages/index";

export interface ResolvedBrand extends EmailBrand {
  /** `color` when it is a valid hex colour, else a neutral ink. */
  color: string;
  /** Black or white, whichever reads better on `color`. */
  onColor: string;
}

/** Everything a template needs: the catalog, the formatters and the brand, for one locale. */
export interface EmailContext {
  locale: EmailLocale;
  /** The tag Intl formats with (may be a regional variant of `locale`). */
  intlLocale: string;
  dir: "ltr" | "rtl";
  /** "left" for LTR locales, "right" for RTL ones. */
  start: "left" | "right";
  m: EmailMessages;
  brand: ResolvedBrand;
  data: CustomerEmailData;
  t(template: string, vars?: Record<string, string | number>): string;
  money(value: EmailMoney): string;
  date(iso: string, style?: "weekday" | "long"): string;
  country(code: string): string;
  integer(value: number): string;
}

export class EmailTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailTemplateError";
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; a placeholder without a value is a bug, so it throws instead of mailing "{name}". */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new EmailTemplateError(`No value for {${key}} in "${template}"`);
    return String(value);
  });
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

const NEUTRAL_INK = "#111827";
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function normalizeHex(color: string): string | null {
  const value = color.trim();
  if (!HEX.test(value)) return null;
  if (value.length === 4) {
    const [r, g, b] = value.slice(1);
    return `#${r}${r}${g}${g}${b}${b}`.toLowerCase();
  }
  return value.toLowerCase();
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function resolveBrand(brand: EmailBrand): ResolvedBrand {
  const color = normalizeHex(brand.color) ?? NEUTRAL_INK;
  const l = luminance(color);
  // Contrast against white is (1.05)/(l+0.05), against black (l+0.05)/0.05: pick the larger.
  const onColor = 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#111827";
  const logoUrl = brand.logoUrl && isHttpUrl(brand.logoUrl) ? brand.logoUrl : undefined;
  return { ...brand, color, onColor, logoUrl };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export function createEmailContext(options: {
  locale: EmailLocale;
  intlLocale: string;
  messages: EmailMessages;
  brand: EmailBrand;
  data: CustomerEmailData;
}): EmailContext {
  const { locale, intlLocale, messages, data } = options;
  const rtl = isRtlLocale(locale);
  return {
    locale,
    intlLocale,
    dir: rtl ? "rtl" : "ltr",
    start: rtl ? "right" : "left",
    m: messages,
    brand: resolveBrand(options.brand),
    data,
    t: interpolate,
    money: (value) => formatMoney(value, intlLocale),
    date: (iso, style) => formatEmailDate(iso, intlLocale, style),
    country: (code) => formatCountry(code, intlLocale),
    integer: (value) => formatInteger(value, intlLocale),
  };
}
