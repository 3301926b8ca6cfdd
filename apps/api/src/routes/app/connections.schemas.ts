import { z } from "zod";

/**
 * What each channel needs to connect, as the console's form shows it. `secret` fields are
 * sealed at rest and never returned; the others are settings shown back to the merchant.
 */
export interface ConnectionField {
  key: string;
  secret: boolean;
  required: boolean;
}

const f = (key: string, secret: boolean, required = true): ConnectionField => ({ key, secret, required });

export const CHANNEL_CONNECTION_FIELDS: Record<string, ConnectionField[]> = {
  shopify: [f("shopDomain", false), f("accessToken", true), f("webhookSecret", true)],
  amazon: [
    f("sellingPartnerId", false),
    f("marketplaceIds", false),
    f("region", false),
    f("lwaClientId", false),
    f("lwaClientSecret", true),
    f("refreshToken", true),
  ],
  ebay: [
    f("marketplaceId", false),
    f("clientId", false),
    f("clientSecret", true),
    f("refreshToken", true),
    f("verificationToken", true),
  ],
  tiktok: [f("shopCipher", false), f("appKey", false), f("appSecret", true), f("accessToken", true)],
  woocommerce: [f("siteUrl", false), f("consumerKey", true), f("consumerSecret", true), f("webhookSecret", true)],
  demo: [f("ordersPerSync", false, false)],
};

export const CONNECTABLE_CHANNELS = Object.keys(CHANNEL_CONNECTION_FIELDS) as [string, ...string[]];

const StockPolicy = z
  .object({
    safetyBuffer: z.number().int().min(0).max(1_000_000).optional(),
    percentage: z.number().int().min(0).max(100).optional(),
    cap: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

export const CreateConnection = z.object({
  channel: z.enum(CONNECTABLE_CHANNELS),
  name: z.string().trim().min(1).max(120),
  values: z.record(z.string().max(100), z.string().max(4000)).default({}),
  stockPolicy: StockPolicy.optional(),
});

export const UpdateConnection = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  status: z.enum(["active", "paused"]).optional(),
  /** Only the fields given change; an empty string leaves a secret as it was. */
  values: z.record(z.string().max(100), z.string().max(4000)).optional(),
  stockPolicy: StockPolicy.optional(),
});

/** Splits submitted values into settings and secrets; names each missing required field. */
export function splitConnectionValues(
  channel: string,
  values: Record<string, string>,
  options: { partial: boolean },
): {
  settings: Record<string, string>;
  secrets: Record<string, string>;
  issues: Array<{ path: string; message: string }>;
} {
  const fields = CHANNEL_CONNECTION_FIELDS[channel] ?? [];
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  const issues: Array<{ path: string; message: string }> = [];
  for (const key of Object.keys(values)) {
    if (!fields.some((field) => field.key === key))
      issues.push({ path: `values.${key}`, message: `not a ${channel} field` });
  }
  for (const field of fields) {
    const value = values[field.key]?.trim() ?? "";
    if (!value) {
      if (field.required && !options.partial) issues.push({ path: `values.${field.key}`, message: "required" });
      continue;
    }
    (field.secret ? secrets : settings)[field.key] = value;
  }
  if (
    channel === "shopify" &&
    settings.shopDomain &&
    !/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(settings.shopDomain)
  )
    issues.push({ path: "values.shopDomain", message: "the shop's *.myshopify.com domain" });
  if (channel === "woocommerce" && settings.siteUrl && !/^https?:\/\/[^\s/]+/i.test(settings.siteUrl))
    issues.push({ path: "values.siteUrl", message: "the store's URL, e.g. https://shop.example.com" });
  if (channel === "demo" && settings.ordersPerSync && !/^([1-9]|1\d|20)$/.test(settings.ordersPerSync))
    issues.push({ path: "values.ordersPerSync", message: "a whole number from 1 to 20" });
  return { settings, secrets, issues };
}
