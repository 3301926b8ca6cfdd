import {
  type ChannelOrderFieldError,
  type ChannelOrderInput,
  type DecimalRounding,
  isCountry,
  isCurrency,
  parseMinorUnits,
  validateChannelOrder,
} from "@crossflow/domain";
import type { MapOrderResult } from "./types";

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): Json {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty trimmed string, or undefined. Numbers become strings (ids sent as numbers). */
export function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function joinText(...parts: unknown[]): string {
  return parts
    .map(text)
    .filter((p): p is string => p !== undefined)
    .join(" ");
}

/** Upper-cased ISO country when it is one, else the raw text so validation names the field. */
export function countryCode(value: unknown): string {
  const code = text(value)?.toUpperCase() ?? "";
  return code;
}

export function validCountry(value: unknown): boolean {
  return isCountry(countryCode(value));
}

/**
 * Collects mapping errors with the path in the vendor's payload ("line_items[2].price"), so a
 * dead letter says exactly which field of the channel's JSON was wrong.
 */
export class MappingErrors {
  readonly errors: ChannelOrderFieldError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  // On a bad value the readers below return a placeholder that passes validation, so the
  // error is reported once, at the vendor's path, and not again at the normalized one.

  money(path: string, value: unknown, currency: string, rounding: DecimalRounding = "exact"): number {
    if (value === undefined || value === null || value === "") return 0;
    // An unknown currency is reported where it is read; every amount in it would repeat that.
    if (!isCurrency(currency)) return 0;
    if (typeof value !== "string" && typeof value !== "number") {
      this.add(path, "must be a decimal amount");
      return 0;
    }
    const result = parseMinorUnits(value, currency, { rounding });
    if (!result.ok) {
      this.add(path, result.message);
      return 0;
    }
    return result.value;
  }

  requiredMoney(path: string, value: unknown, currency: string, rounding: DecimalRounding = "exact"): number {
    if (value === undefined || value === null || value === "") {
      this.add(path, "is required");
      return 0;
    }
    return this.money(path, value, currency, rounding);
  }

  integer(path: string, value: unknown, placeholder = 1): number {
    const n = typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n)) {
      this.add(path, value === undefined || value === null ? "is required" : "must be a whole number");
      return placeholder;
    }
    return n;
  }

  required(path: string, value: unknown): string {
    const t = text(value);
    if (t === undefined) this.add(path, "is required");
    return t ?? "(missing)";
  }

  /** An ISO 8601 date-time or epoch seconds (TikTok) as a Date. */
  date(path: string, value: unknown, unit: "iso" | "epochSeconds" = "iso"): Date {
    let date: Date | undefined;
    if (unit === "epochSeconds" && typeof value === "number" && Number.isFinite(value)) date = new Date(value * 1000);
    if (unit === "iso" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) date = new Date(value);
    if (!date || Number.isNaN(date.getTime())) {
      this.add(path, value === undefined || value === null ? "is required" : "must be a date");
      return new Date(0);
    }
    return date;
  }

  currency(path: string, value: unknown): string {
    const code = text(value)?.toUpperCase();
    if (!code || !/^[A-Z]{3}$/.test(code) || !isCurrency(code)) {
      this.add(path, code ? `unknown currency ${code}` : "is required");
      return "";
    }
    return code;
  }

  /** The built order validated by the domain schema; vendor-path errors win when both exist. */
  finish(order: ChannelOrderInput): MapOrderResult {
    const validated = validateChannelOrder(order);
    if (this.errors.length > 0) {
      const extra = validated.ok ? [] : validated.errors.filter((e) => !this.covers(e.path));
      return { ok: false, errors: [...this.errors, ...extra] };
    }
    return validated;
  }

  private covers(path: string): boolean {
    // A currency reported at the vendor's path shows up again as "" on the normalized side,
    // and an amount that failed to read (a 0 placeholder) can trip the discount-vs-price check.
    if (path === "currency") return this.errors.some((e) => /currency/i.test(e.path));
    return /^lines\[\d+\]\.discount$/.test(path);
  }
}

/** mapOrder's guard against a payload that is not even an object. */
export function notAnObject(payload: unknown): MapOrderResult | null {
  if (isObject(payload)) return null;
  return { ok: false, errors: [{ path: "(payload)", message: "must be a JSON object" }] };
}
