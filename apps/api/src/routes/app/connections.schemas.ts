import { CHANNEL_ADAPTERS } from "@crossflow/integrations";
import { z } from "zod";

/**
 * What each channel needs to connect, from its adapter: `secret` fields are sealed at rest and
 * never returned; the others are settings shown back to the merchant. Every channel also takes
 * an optional `baseUrl` (a sandbox or a test server instead of the vendor's API).
 */
export interface ConnectionField {
  key: string;
  label: string;
  secret: boolean;
  required: boolean;
}

const BASE_URL_FIELD: ConnectionField = {
  key: "baseUrl",
  label: "API base URL (sandbox)",
  secret: false,
  required: false,
};
/** Channels a merchant connects (file imports and the API need no connection). */
const CONNECTABLE = ["shopify", "woocommerce", "amazon", "ebay", "tiktok", "demo"];

export const CHANNEL_CONNECTION_FIELDS: Record<string, ConnectionField[]> = Object.fromEntries(
  CONNECTABLE.filter((channel) => CHANNEL_ADAPTERS[channel]).map((channel) => [
    channel,
    channel === "demo"
      ? [{ key: "ordersPerPull", label: "Orders per sync (1–20)", secret: false, required: false }]
      : [...CHANNEL_ADAPTERS[channel]!.credentialFields.map((f) => ({ ...f })), BASE_URL_FIELD],
  ]),
);

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
  if (channel === "woocommerce" && settings.storeUrl && !/^https?:\/\/[^\s/]+/i.test(settings.storeUrl))
    issues.push({ path: "values.storeUrl", message: "the store's URL, e.g. https://shop.example.com" });
  if (settings.baseUrl && !/^https?:\/\/[^\s/]+/i.test(settings.baseUrl))
    issues.push({ path: "values.baseUrl", message: "an http(s) URL" });
  if (channel === "demo" && settings.ordersPerPull && !/^([1-9]|1\d|20)$/.test(settings.ordersPerPull))
    issues.push({ path: "values.ordersPerPull", message: "a whole number from 1 to 20" });
  return { settings, secrets, issues };
}
