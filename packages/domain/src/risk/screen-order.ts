import { cleanText } from "../address/text";
import type { AddressInput } from "../address/types";
import { isEuMember } from "../country";
import type { RiskConfig, RiskSignalCode } from "./config";
import { domainMatches, emailDomain, normalizeEmail } from "./email";
import { addressFingerprint } from "./fingerprint";
import { formatMinorUnits, formatWindow } from "./format";
import { ipInRange, parseIpAddress, parseIpRange } from "./ip";
import { normalizePhone } from "./phone";

export interface RiskOrderInput {
  /** Lets a history that already contains this order leave it out of the velocity counts. */
  orderId?: string;
  email: string;
  phone?: string | null;
  shippingAddress: AddressInput;
  billingAddress?: AddressInput | null;
  ip?: string | null;
  /** Order total in integer minor units of its currency. */
  total: { amount: number; currency: string };
  /** Destination country; the shipping address's country when left out. */
  destination?: string | null;
  cardFingerprint?: string | null;
  /** Orders this customer placed before this one (0 = first order). */
  previousOrderCount: number;
  placedAt: Date;
}

/** One recent order of the tenant, as the database layer returns it for velocity checks. */
export interface RiskHistoryEntry {
  orderId?: string;
  email?: string | null;
  /** addressFingerprint() of its shipping address. */
  addressFingerprint?: string | null;
  cardFingerprint?: string | null;
  placedAt: Date;
}

export interface RiskSignal {
  code: RiskSignalCode;
  weight: number;
  /** Shown to the merchant as the reason an order is held. */
  message: string;
}

export interface RiskScreening {
  /** Sum of the weights of the signals. */
  score: number;
  action: "pass" | "review";
  reviewThreshold: number;
  signals: RiskSignal[];
  /** Checks that could not run for this order and why (no threshold for its currency, no billing address). */
  notes: string[];
}

const MINUTE_MS = 60_000;

function describeAddress(address: AddressInput): string {
  const text = (value: unknown) => cleanText(value).text;
  const place = [text(address.postalCode), text(address.city)].filter(Boolean).join(" ");
  return [text(address.line1), text(address.line2), place, text(address.country).toUpperCase()]
    .filter(Boolean)
    .join(", ");
}

/**
 * Screens an order for fraud risk with a tenant's settings and its recent orders. Every
 * signal carries the reason in words a merchant can act on; the score is the sum of their
 * weights, and at or above the review threshold the order goes to the review queue.
 */
export function screenOrder(
  input: RiskOrderInput,
  config: RiskConfig,
  history: readonly RiskHistoryEntry[] = [],
): RiskScreening {
  const { amount } = input.total;
  if (!Number.isSafeInteger(amount)) {
    throw new Error(`Order total must be an integer in minor units, got ${amount}`);
  }
  const signals: RiskSignal[] = [];
  const notes: string[] = [];
  const active = (code: RiskSignalCode) => config.weights[code] > 0;
  const signal = (code: RiskSignalCode, message: string) => {
    if (active(code)) signals.push({ code, weight: config.weights[code], message });
  };

  const shipping = input.shippingAddress;
  const billing = input.billingAddress ?? null;
  const shippingCountry = cleanText(shipping.country).text.toUpperCase();
  const billingCountry = billing ? cleanText(billing.country).text.toUpperCase() : "";
  const rawEmail = input.email.trim();
  const email = normalizeEmail(rawEmail);

  const deniedEmail = config.denyList.emails.find((entry) => normalizeEmail(entry) === email);
  if (deniedEmail) {
    signal(
      "deny_list_email",
      deniedEmail === rawEmail.toLowerCase()
        ? `Email ${rawEmail} is on your deny list`
        : `Email ${rawEmail} is the same mailbox as ${deniedEmail}, which is on your deny list`,
    );
  }

  const domains = [...new Set([emailDomain(rawEmail.toLowerCase()), emailDomain(email)])].filter(Boolean);
  for (const domain of domains) {
    const denied = config.denyList.emailDomains.find((entry) => domainMatches(domain, entry));
    if (denied) {
      signal(
        "deny_list_email_domain",
        denied === domain
          ? `Email domain ${domain} is on your deny list`
          : `Email domain ${domain} is on your deny list (as part of ${denied})`,
      );
      break;
    }
  }

  const deniedPhones = config.denyList.phones
    .map((entry) => ({ entry, normalized: normalizePhone(entry) }))
    .filter((p): p is { entry: string; normalized: string } => p.normalized !== null);
  if (deniedPhones.length > 0) {
    const phones: Array<[unknown, string]> = [
      [input.phone, shippingCountry],
      [shipping.phone, shippingCountry],
      [billing?.phone, billingCountry || shippingCountry],
    ];
    const seen = new Set<string>();
    for (const [value, country] of phones) {
      const raw = cleanText(value).text;
      if (!raw || seen.has(raw)) continue;
      seen.add(raw);
      const international = normalizePhone(raw, country);
      const national = normalizePhone(raw);
      const hit = deniedPhones.find(
        (d) => d.normalized === international || (!d.normalized.startsWith("+") && d.normalized === national),
      );
      if (hit) {
        signal("deny_list_phone", `Phone number ${raw} matches ${hit.entry} on your deny list`);
        break;
      }
    }
  }

  const shippingFingerprint = addressFingerprint(shipping);
  const hasStreet = (fingerprint: string) => !fingerprint.endsWith("|");
  if (config.denyList.addresses.length > 0) {
    const denied = new Set(config.denyList.addresses);
    const shippingDenied = hasStreet(shippingFingerprint) && denied.has(shippingFingerprint);
    const billingFingerprint = billing ? addressFingerprint(billing) : "";
    const billingDenied = billing !== null && hasStreet(billingFingerprint) && denied.has(billingFingerprint);
    if (shippingDenied && billingDenied && billingFingerprint === shippingFingerprint) {
      signal("deny_list_address", `Shipping and billing address (${describeAddress(shipping)}) is on your deny list`);
    } else if (shippingDenied || billingDenied) {
      const parts = [
        shippingDenied ? `shipping address (${describeAddress(shipping)})` : "",
        billingDenied && billing ? `billing address (${describeAddress(billing)})` : "",
      ].filter(Boolean);
      const sentence = parts.join(" and ");
      signal(
        "deny_list_address",
        `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} ${parts.length > 1 ? "are" : "is"} on your deny list`,
      );
    }
  }

  const ipText = cleanText(input.ip).text;
  if (ipText && config.denyList.ips.length > 0) {
    const ip = parseIpAddress(ipText);
    if (!ip) {
      notes.push(`IP address "${ipText}" could not be read, so it was not checked against the deny list`);
    } else {
      for (const entry of config.denyList.ips) {
        const range = parseIpRange(entry);
        if (range && ipInRange(ip, range)) {
          const single = range.prefix === (range.version === 4 ? 32 : 128);
          signal(
            "deny_list_ip",
            single
              ? `IP address ${ipText} is on your deny list`
              : `IP address ${ipText} is in ${entry}, which is on your deny list`,
          );
          break;
        }
      }
    }
  }

  const destination = cleanText(input.destination).text.toUpperCase() || shippingCountry;
  if (destination && config.highRiskDestinations.includes(destination)) {
    signal("high_risk_destination", `Destination ${destination} is on your high-risk destination list`);
  }

  const currency = input.total.currency.trim().toUpperCase();
  const formatted = formatMinorUnits(amount, currency);
  if (active("high_value")) {
    const threshold = config.highValueThresholds[currency];
    if (threshold === undefined) {
      notes.push(
        `No high-value threshold is set for ${currency}, so the order value was not checked (totals are never converted between currencies)`,
      );
    } else if (amount >= threshold) {
      signal(
        "high_value",
        `Order total ${formatted} is at or above your high-value threshold of ${formatMinorUnits(threshold, currency)}`,
      );
    }
  }
  if (active("first_order_high_value") && input.previousOrderCount === 0) {
    const threshold = config.firstOrderThresholds[currency];
    if (threshold === undefined) {
      notes.push(`No first-order threshold is set for ${currency}, so this first order's value was not checked`);
    } else if (amount >= threshold) {
      signal(
        "first_order_high_value",
        `First order from this customer, for ${formatted} (your first-order threshold is ${formatMinorUnits(threshold, currency)})`,
      );
    }
  }

  const placedAt = input.placedAt.getTime();
  if (Number.isNaN(placedAt)) {
    notes.push("The order has no valid placement time, so order velocity was not checked");
  } else {
    const others = history.filter((entry) => !(input.orderId && entry.orderId === input.orderId));
    // The window is (placedAt − window, placedAt]: an order exactly one window earlier has aged out,
    // and orders placed after this one do not count against it.
    const countWithin = (limit: { windowMinutes: number }, matches: (entry: RiskHistoryEntry) => boolean) =>
      1 +
      others.filter((entry) => {
        const at = entry.placedAt.getTime();
        return at <= placedAt && placedAt - at < limit.windowMinutes * MINUTE_MS && matches(entry);
      }).length;
    const { velocity } = config;

    if (active("velocity_email") && email) {
      const count = countWithin(velocity.email, (e) => !!e.email && normalizeEmail(e.email) === email);
      if (count > velocity.email.maxOrders) {
        signal(
          "velocity_email",
          `${count} orders from ${rawEmail} within ${formatWindow(velocity.email.windowMinutes)}, this one included (your limit is ${velocity.email.maxOrders})`,
        );
      }
    }
    if (active("velocity_address") && hasStreet(shippingFingerprint)) {
      const count = countWithin(velocity.address, (e) => e.addressFingerprint === shippingFingerprint);
      if (count > velocity.address.maxOrders) {
        signal(
          "velocity_address",
          `${count} orders to this shipping address (${describeAddress(shipping)}) within ${formatWindow(velocity.address.windowMinutes)}, this one included (your limit is ${velocity.address.maxOrders})`,
        );
      }
    }
    const card = cleanText(input.cardFingerprint).text;
    if (active("velocity_card") && card) {
      const count = countWithin(velocity.card, (e) => !!e.cardFingerprint && e.cardFingerprint.trim() === card);
      if (count > velocity.card.maxOrders) {
        signal(
          "velocity_card",
          `${count} orders paid with the same card within ${formatWindow(velocity.card.windowMinutes)}, this one included (your limit is ${velocity.card.maxOrders})`,
        );
      }
    }
  }

  if (active("billing_shipping_mismatch")) {
    if (!billingCountry || !shippingCountry) {
      notes.push("No billing country on the order, so billing and shipping countries were not compared");
    } else if (billingCountry !== shippingCountry) {
      const bothEu = isEuMember(billingCountry) && isEuMember(shippingCountry);
      if (!(config.ignoreMismatchWithinEu && bothEu)) {
        signal(
          "billing_shipping_mismatch",
          `Billing country ${billingCountry} differs from shipping country ${shippingCountry}`,
        );
      }
    }
  }

  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  return {
    score,
    action: score >= config.reviewThreshold ? "review" : "pass",
    reviewThreshold: config.reviewThreshold,
    signals,
    notes,
  };
}
