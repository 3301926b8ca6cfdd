/** Processors Crossflow checks itself, given the merchant's credentials. */
export const VERIFIABLE_PAYMENT_PROVIDERS = ["stripe", "paypal"] as const;
export type VerifiablePaymentProvider = (typeof VERIFIABLE_PAYMENT_PROVIDERS)[number];

/**
 * Providers whose money Crossflow cannot see: the marketplace or channel collected it (Amazon
 * pays the merchant out later; Shopify Payments is the shop's own account) or a person recorded
 * it. Their word is the evidence, and the decision says so.
 */
export const CHANNEL_ATTESTED_PAYMENT_PROVIDERS = [
  "channel",
  "manual",
  "marketplace",
  "amazon",
  "ebay",
  "tiktok",
  "tiktok_shop",
  "shopify",
  "shopify_payments",
  "walmart",
  "etsy",
  "mercadolibre",
  "mercado_libre",
  "aliexpress",
  "temu",
  "shopee",
  "lazada",
  "allegro",
  "zalando",
  "cdiscount",
  "rakuten",
  "bol",
  "demo",
] as const;

export function normalizeProvider(provider: string): string {
  return provider
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export function isVerifiablePaymentProvider(provider: string): provider is VerifiablePaymentProvider {
  return (VERIFIABLE_PAYMENT_PROVIDERS as readonly string[]).includes(normalizeProvider(provider));
}

export function isChannelAttestedProvider(provider: string): boolean {
  return (CHANNEL_ATTESTED_PAYMENT_PROVIDERS as readonly string[]).includes(normalizeProvider(provider));
}

export function isCashOnDelivery(provider: string): boolean {
  const p = normalizeProvider(provider);
  return p === "cod" || p === "cash_on_delivery";
}

const DISPLAY_NAMES: Record<string, string> = {
  stripe: "Stripe",
  paypal: "PayPal",
  amazon: "Amazon",
  ebay: "eBay",
  tiktok: "TikTok Shop",
  tiktok_shop: "TikTok Shop",
  shopify: "Shopify",
  shopify_payments: "Shopify Payments",
  walmart: "Walmart",
  etsy: "Etsy",
  mercadolibre: "Mercado Libre",
  mercado_libre: "Mercado Libre",
  aliexpress: "AliExpress",
  temu: "Temu",
  shopee: "Shopee",
  lazada: "Lazada",
  allegro: "Allegro",
  zalando: "Zalando",
  cdiscount: "Cdiscount",
  rakuten: "Rakuten",
  bol: "bol.com",
  demo: "the demo channel",
};

/** "Stripe", "PayPal", "Amazon"; an unknown provider keeps its own name. */
export function paymentProviderName(provider: string): string {
  return DISPLAY_NAMES[normalizeProvider(provider)] ?? provider;
}
