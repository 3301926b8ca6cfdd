/**
 * How long something has been waiting, in the largest whole unit that reads naturally
 * ("12 min", "3 hr", "4 days"), localized by Intl. `now` comes from the loader so the server
 * and the hydrating browser render the same text.
 */
export function formatAge(fromIso: string, now: number, locale: string): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  const [value, unit] =
    minutes < 60
      ? [Math.max(1, minutes), "minute"]
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), "hour"]
        : [Math.floor(minutes / (24 * 60)), "day"];
  try {
    return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short" }).format(value);
  } catch {
    return `${value} ${unit}`;
  }
}

/** Whole hours between two instants, for "waiting long" emphasis. */
export function hoursBetween(fromIso: string, now: number): number {
  return (now - Date.parse(fromIso)) / 3_600_000;
}
