import { z } from "zod";
import { isCountry } from "../country";
import { isCurrency } from "../currency";
import { addressFingerprint, isAddressFingerprint } from "./fingerprint";
import { parseIpRange } from "./ip";
import { normalizePhone } from "./phone";

export const RISK_SIGNAL_CODES = [
  "deny_list_email",
  "deny_list_email_domain",
  "deny_list_phone",
  "deny_list_address",
  "deny_list_ip",
  "high_risk_destination",
  "high_value",
  "first_order_high_value",
  "velocity_email",
  "velocity_address",
  "velocity_card",
  "billing_shipping_mismatch",
] as const;

export type RiskSignalCode = (typeof RISK_SIGNAL_CODES)[number];

/**
 * Default weights. A deny-list hit alone reaches the default review threshold (50); so does
 * a high-risk destination. The softer signals need company: a billing/shipping mismatch (25)
 * plus a high value (30), or a first order that is also above the general high-value line.
 */
export const DEFAULT_RISK_WEIGHTS: Readonly<Record<RiskSignalCode, number>> = {
  deny_list_email: 100,
  deny_list_email_domain: 100,
  deny_list_phone: 100,
  deny_list_address: 100,
  deny_list_ip: 100,
  high_risk_destination: 60,
  high_value: 30,
  first_order_high_value: 30,
  velocity_email: 40,
  velocity_address: 40,
  velocity_card: 50,
  billing_shipping_mismatch: 25,
};

// Review lines in minor units of each currency: about USD 1,000 (high value) and USD 500
// (first order) at 2025 rates, rounded to amounts a merchant recognises. They are static
// defaults, not conversions: an order in a currency without a line is not value-checked.
const THRESHOLDS: Record<string, readonly [highValue: number, firstOrder: number]> = {
  USD: [100_000, 50_000],
  EUR: [100_000, 50_000],
  GBP: [80_000, 40_000],
  CHF: [90_000, 45_000],
  CAD: [130_000, 65_000],
  AUD: [150_000, 75_000],
  NZD: [160_000, 80_000],
  SEK: [1_000_000, 500_000],
  NOK: [1_000_000, 500_000],
  DKK: [700_000, 350_000],
  PLN: [400_000, 200_000],
  CZK: [2_500_000, 1_250_000],
  HUF: [35_000_000, 17_500_000],
  RON: [450_000, 225_000],
  TRY: [3_500_000, 1_750_000],
  ILS: [370_000, 185_000],
  AED: [370_000, 185_000],
  SAR: [375_000, 187_500],
  RUB: [10_000_000, 5_000_000],
  ZAR: [1_800_000, 900_000],
  JPY: [150_000, 75_000],
  KRW: [1_300_000, 650_000],
  CNY: [700_000, 350_000],
  HKD: [800_000, 400_000],
  TWD: [3_000_000, 1_500_000],
  SGD: [130_000, 65_000],
  MYR: [450_000, 225_000],
  THB: [3_500_000, 1_750_000],
  IDR: [1_500_000_000, 750_000_000],
  PHP: [5_500_000, 2_750_000],
  VND: [25_000_000, 12_500_000],
  INR: [8_000_000, 4_000_000],
  BRL: [500_000, 250_000],
  MXN: [1_800_000, 900_000],
  CLP: [900_000, 450_000],
  COP: [400_000_000, 200_000_000],
};

export const DEFAULT_HIGH_VALUE_THRESHOLDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(THRESHOLDS).map(([currency, [highValue]]) => [currency, highValue]),
);
export const DEFAULT_FIRST_ORDER_THRESHOLDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(THRESHOLDS).map(([currency, [, firstOrder]]) => [currency, firstOrder]),
);

/** Comprehensively sanctioned destinations: an order there needs a person before anything ships. */
export const DEFAULT_HIGH_RISK_DESTINATIONS = ["CU", "IR", "KP", "SY"] as const;

const countryCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCountry, { message: "not an ISO 3166-1 alpha-2 country code" });

const thresholds = (defaults: Readonly<Record<string, number>>) =>
  z
    .record(
      z.string().refine(isCurrency, { message: "not an ISO 4217 currency code" }),
      z.number().int().positive().describe("minor units of that currency"),
    )
    .default({ ...defaults });

const velocityLimit = (maxOrders: number, windowMinutes: number) =>
  z
    .object({
      maxOrders: z.number().int().min(1).default(maxOrders),
      windowMinutes: z.number().int().min(1).default(windowMinutes),
    })
    .prefault({});

const denyListAddress = z.union([
  z.string().trim().refine(isAddressFingerprint, { message: "not an address fingerprint (COUNTRY|POSTALCODE|street)" }),
  z
    .object({
      line1: z.string().min(1),
      line2: z.string().optional(),
      city: z.string().optional(),
      postalCode: z.string().optional(),
      country: countryCode,
    })
    .transform((address) => addressFingerprint(address)),
]);

const weights = z
  .object(
    Object.fromEntries(
      RISK_SIGNAL_CODES.map((code) => [code, z.number().int().min(0).max(1000).default(DEFAULT_RISK_WEIGHTS[code])]),
    ) as Record<RiskSignalCode, z.ZodDefault<z.ZodNumber>>,
  )
  .prefault({});

/**
 * A tenant's risk settings as stored (JSON). Parse with `riskConfigSchema.parse(stored ?? {})`:
 * everything left out takes its default. Setting a signal's weight to 0 turns it off.
 */
export const riskConfigSchema = z.object({
  denyList: z
    .object({
      /** Exact addresses; compared after normalizeEmail, so "+tags" and Gmail dots do not slip past. */
      emails: z.array(z.string().trim().toLowerCase().includes("@", { message: "not an email address" })).default([]),
      /** Domains; a domain also covers its subdomains. */
      emailDomains: z
        .array(
          z
            .string()
            .transform(normalizeEmailDomainEntry)
            .pipe(z.string().regex(/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u, { message: "not a domain" })),
        )
        .default([]),
      /** Phone numbers, ideally international (+49…); compared after normalizePhone. */
      phones: z
        .array(z.string().refine((p) => normalizePhone(p) !== null, { message: "not a phone number" }))
        .default([]),
      /** Address fingerprints, or addresses that are turned into fingerprints. */
      addresses: z.array(denyListAddress).default([]),
      /** IPv4/IPv6 addresses and CIDR blocks. */
      ips: z
        .array(
          z
            .string()
            .trim()
            .refine((r) => parseIpRange(r) !== null, { message: "not an IP address or CIDR block" }),
        )
        .default([]),
    })
    .prefault({}),
  highRiskDestinations: z.array(countryCode).default([...DEFAULT_HIGH_RISK_DESTINATIONS]),
  /** Orders at or above this total (minor units, per currency) are high value. */
  highValueThresholds: thresholds(DEFAULT_HIGH_VALUE_THRESHOLDS),
  /** A customer's first order at or above this total (minor units, per currency). */
  firstOrderThresholds: thresholds(DEFAULT_FIRST_ORDER_THRESHOLDS),
  /** More than maxOrders orders (this one included) within windowMinutes is a signal. */
  velocity: z
    .object({
      email: velocityLimit(10, 24 * 60),
      address: velocityLimit(10, 24 * 60),
      card: velocityLimit(5, 24 * 60),
    })
    .prefault({}),
  /** Billing in one EU country and shipping to another is ordinary, so it is not a mismatch by default. */
  ignoreMismatchWithinEu: z.boolean().default(true),
  weights,
  /** Score at or above which the order goes to the review queue. */
  reviewThreshold: z.number().int().min(1).default(50),
});

function normalizeEmailDomainEntry(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^\*?\.?@?/, "")
    .replace(/\.$/, "");
}

export type RiskConfig = z.output<typeof riskConfigSchema>;
export type RiskConfigInput = z.input<typeof riskConfigSchema>;

/** The settings a tenant gets before changing anything. */
export function defaultRiskConfig(): RiskConfig {
  return riskConfigSchema.parse({});
}
