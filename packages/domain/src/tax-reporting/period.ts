/** A reporting period of whole UTC days: `from` inclusive, `to` exclusive, both YYYY-MM-DD. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface ReportPeriodIssue {
  path: "from" | "to";
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: unknown): text is string {
  if (typeof text !== "string" || !DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** YYYY-MM-DD plus `days` (may be negative), in UTC. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The same day one year later; 29 February becomes 1 March. */
function oneYearAfter(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCFullYear(at.getUTCFullYear() + 1);
  return at.toISOString().slice(0, 10);
}

/**
 * Every problem of a requested period, each naming its field: both dates must be real
 * YYYY-MM-DD days, `to` after `from`, and the span at most one year (a year of monthly IOSS
 * returns or four UK/AU quarters; longer ranges are several reports).
 */
export function validateReportPeriod(from: unknown, to: unknown): ReportPeriodIssue[] {
  const issues: ReportPeriodIssue[] = [];
  if (!isIsoDate(from)) issues.push({ path: "from", message: "must be a date YYYY-MM-DD" });
  if (!isIsoDate(to)) issues.push({ path: "to", message: "must be a date YYYY-MM-DD" });
  if (issues.length > 0) return issues;
  const start = from as string;
  const end = to as string;
  if (end <= start) issues.push({ path: "to", message: "must be after from (to is exclusive)" });
  else if (end > oneYearAfter(start)) issues.push({ path: "to", message: "the period may span at most one year" });
  return issues;
}

/** The calendar month `YYYY-MM` as a period: its first day to the first day of the next month. */
export function monthPeriod(month: string): ReportPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const monthIndex = match ? Number(match[2]) : 0;
  if (!match || monthIndex < 1 || monthIndex > 12) throw new Error(`Not a month YYYY-MM: ${month}`);
  const year = Number(match[1]);
  const next = monthIndex === 12 ? `${year + 1}-01` : `${match[1]}-${String(monthIndex + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** The last day of a calendar month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  return addDays(monthPeriod(month).to, -1);
}

/** The UTC calendar day and month of an instant. */
export function utcDay(at: Date | string): string {
  return (typeof at === "string" ? new Date(at) : at).toISOString().slice(0, 10);
}

export function inPeriod(day: string, period: ReportPeriod): boolean {
  return period.from <= day && day < period.to;
}
