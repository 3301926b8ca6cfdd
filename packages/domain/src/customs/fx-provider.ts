import { REFERENCE_FX_RATES } from "../fx/reference-rates";
import type { FxTable } from "../shipping/types";

export type DatedFxTable = FxTable & { source?: string };

/** Where quotes get their exchange rates: the table published for (or last before) a date. */
export interface FxProvider {
  ratesOn(date: string): Promise<DatedFxTable>;
}

/**
 * An FxProvider over fixed dated tables (by default the shipped REFERENCE_FX_RATES): the
 * latest table dated on or before the requested date, else the earliest one. The table's
 * own date travels with it, so a quote can say which rates it used.
 */
export function createReferenceFxProvider(tables: readonly DatedFxTable[] = [REFERENCE_FX_RATES]): FxProvider {
  if (tables.length === 0) throw new Error("createReferenceFxProvider needs at least one table");
  const sorted = [...tables].sort((a, b) => a.date.localeCompare(b.date));
  return {
    async ratesOn(date: string) {
      const onOrBefore = sorted.filter((t) => t.date <= date);
      return onOrBefore[onOrBefore.length - 1] ?? (sorted[0] as DatedFxTable);
    },
  };
}
