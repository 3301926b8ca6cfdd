import { currencyExponent } from "../currency";

/** 4120 EUR → "EUR 41.20"; 1183 JPY → "JPY 1183"; 30700 KWD → "KWD 30.700". */
export function formatMinor(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = amount < 0 ? "-" : "";
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, "0");
  if (exponent === 0) return `${currency} ${sign}${digits}`;
  return `${currency} ${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** 1500 → "1.5 kg", 113 → "0.113 kg". */
export function formatKg(grams: number): string {
  const whole = Math.floor(grams / 1000);
  const rest = (grams % 1000).toString().padStart(3, "0").replace(/0+$/, "");
  return rest ? `${whole}.${rest} kg` : `${whole} kg`;
}

/** 2875 → "28.75%", 1900 → "19%". */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = (basisPoints % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}

/** 640 → "640 g CO2e", 8912 → "8.9 kg CO2e". */
export function formatCo2e(grams: number): string {
  if (grams < 1000) return `${grams} g CO2e`;
  return `${(Math.round(grams / 100) / 10).toFixed(1)} kg CO2e`;
}

export function formatDays(min: number, max: number): string {
  if (min === max) return `${max} day${max === 1 ? "" : "s"}`;
  return `${min}–${max} days`;
}

/** "DHL Express" + "Express Worldwide" → "DHL Express Worldwide"; otherwise both names. */
export function serviceLabel(carrierName: string, serviceName: string): string {
  const lastWord = carrierName.split(" ").at(-1);
  if (lastWord && serviceName.startsWith(`${lastWord} `)) return `${carrierName}${serviceName.slice(lastWord.length)}`;
  return `${carrierName} ${serviceName}`;
}
