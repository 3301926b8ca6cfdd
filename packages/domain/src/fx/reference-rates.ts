/**
 * The embedded default's currency table: units of each currency per 1 EUR, in the shape of
 * the ECB euro foreign exchange reference rates (decimal strings, never floats in money
 * maths). It is a dated snapshot shipped with the code so rating works offline; production
 * replaces it through an FX provider with the day's published rates. The date travels with
 * every conversion so a quote can always say which rates it used.
 */
import type { FxTable } from "../shipping/types";

export const REFERENCE_FX_RATES: FxTable & { source: string } = {
  base: "EUR",
  date: "2026-11-02",
  source:
    "Snapshot in the format of the ECB euro reference rates; embedded default, replace with a live provider in production",
  rates: {
    EUR: "1",
    USD: "1.0850",
    CNY: "7.8420",
    GBP: "0.8590",
    CHF: "0.9410",
    NOK: "11.7200",
    SEK: "11.4800",
    DKK: "7.4590",
    PLN: "4.3150",
    CZK: "25.1800",
    HUF: "395.20",
    RON: "4.9750",
    CAD: "1.4960",
    MXN: "19.8700",
    BRL: "5.8900",
    AUD: "1.6520",
    NZD: "1.8130",
    JPY: "164.50",
    KRW: "1498.30",
    SGD: "1.4580",
    HKD: "8.4560",
    TWD: "35.0200",
    AED: "3.9850",
    SAR: "4.0690",
    INR: "91.1200",
    ZAR: "19.7400",
    TRY: "37.2100",
    ILS: "4.0300",
  },
};
