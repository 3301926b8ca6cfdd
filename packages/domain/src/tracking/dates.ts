const DAY_MS = 86_400_000;

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/** The UTC calendar day `days` business days (Monday to Friday) after the instant. */
export function addBusinessDays(at: string | number, days: number): number {
  let ms = startOfUtcDay(typeof at === "number" ? at : Date.parse(at));
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    if (!isWeekend(ms)) left -= 1;
  }
  return ms;
}

/** "YYYY-MM-DD" of an instant, in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export { DAY_MS };
