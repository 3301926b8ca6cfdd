/** A table entry that applies from `validFrom` (inclusive) until `validTo` (exclusive), YYYY-MM-DD. */
export interface DatedEntry {
  validFrom: string;
  validTo?: string;
  /** Where the number comes from, so it can be checked again. */
  source: string;
}

export function inForce(entry: { validFrom: string; validTo?: string }, date: string): boolean {
  return entry.validFrom <= date && (entry.validTo === undefined || date < entry.validTo);
}
