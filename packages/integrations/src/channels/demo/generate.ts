import { currencyExponent } from "@crossflow/domain";
import { DEMO_CATALOG, DEMO_PRICE_FX } from "./catalog";
import { DEMO_DESTINATIONS } from "./destinations";

export interface DemoOrder {
  channel: "demo";
  externalId: string;
  currency: string;
  customer: { email: string; name: string; phone: string; locale: string };
  shippingAddress: {
    name: string;
    line1: string;
    city: string;
    region?: string;
    postalCode: string;
    country: string;
    phone: string;
  };
  lines: Array<{ sku: string; quantity: number; unitPrice: number }>;
  shippingPaid: number;
  payment: { provider: "stripe" | "paypal"; reference: string; status: "paid" | "pending" };
  placedAt: Date;
}

/** mulberry32: a small seeded PRNG so the same seed always yields the same demo orders. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A USD-cent price in the destination currency's minor units, rounded to a retail ending. */
export function localPrice(usdCents: number, currency: string): number {
  const fx = DEMO_PRICE_FX[currency] ?? 1;
  const major = (usdCents / 100) * fx;
  const exponent = currencyExponent(currency);
  if (exponent === 0) return Math.max(100, Math.round(major / 100) * 100 - 10);
  const rounded = Math.ceil(major) - 0.01;
  return Math.round(rounded * 10 ** exponent);
}

/**
 * Realistic multi-country orders from the demo storefront: 1-3 lines, local currency
 * prices, a mix of Stripe and PayPal, and now and then an unpaid one.
 */
export function generateDemoOrders(
  count: number,
  options: { seed?: number; startNumber?: number; now?: Date } = {},
): DemoOrder[] {
  const random = prng(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = options.now?.getTime() ?? Date.now();
  const orders: DemoOrder[] = [];
  for (let i = 0; i < count; i++) {
    const dest = pick(DEMO_DESTINATIONS);
    const name = pick(dest.names);
    const lineCount = 1 + Math.floor(random() * 3);
    const products = [...DEMO_CATALOG].sort(() => random() - 0.5).slice(0, lineCount);
    const number = (options.startNumber ?? 1001) + i;
    const provider = random() < 0.7 ? "stripe" : "paypal";
    const local =
      name
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[^a-z]+/g, ".")
        .replace(/^\.|\.$/g, "") || `buyer${number}`;
    orders.push({
      channel: "demo",
      externalId: `DEMO-${number}`,
      currency: dest.currency,
      customer: {
        email: `${local}@${dest.emailDomain}`,
        name,
        phone: `${dest.phonePrefix}${1000000 + Math.floor(random() * 8999999)}`,
        locale: dest.locale,
      },
      shippingAddress: {
        name,
        line1: dest.street,
        city: dest.city,
        ...(dest.region ? { region: dest.region } : {}),
        postalCode: dest.postalCode,
        country: dest.country,
        phone: `${dest.phonePrefix}${1000000 + Math.floor(random() * 8999999)}`,
      },
      lines: products.map((p) => ({
        sku: p.sku,
        quantity: random() < 0.8 ? 1 : 2,
        unitPrice: localPrice(p.retailUsd, dest.currency),
      })),
      shippingPaid: random() < 0.4 ? 0 : localPrice(699, dest.currency),
      payment: {
        provider,
        reference: provider === "stripe" ? `pi_demo_${number}` : `PAYID-DEMO${number}`,
        status: random() < 0.05 ? "pending" : "paid",
      },
      placedAt: new Date(now - Math.floor(random() * 3 * 24 * 3600 * 1000)),
    });
  }
  return orders;
}
