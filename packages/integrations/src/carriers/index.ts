import { listCarrierServices } from "@crossflow/domain";
import { createDemoCarrierAdapter, type RenderLabel } from "./demo/adapter";
import { createDhlExpressAdapter, DHL_EXPRESS_PRODUCTION_URL, type DhlExpressCredentials } from "./dhl-express/adapter";
import { createFedexAdapter, FEDEX_PRODUCTION_URL, type FedexCredentials } from "./fedex/adapter";
import { createFourPxAdapter, FOURPX_PRODUCTION_URL, type FourPxCredentials } from "./fourpx/adapter";
import type { CarrierAdapter, CarrierCode, CarrierTransportOptions } from "./types";
import { createUpsAdapter, UPS_PRODUCTION_URL, type UpsCredentials } from "./ups/adapter";
import { createUspsAdapter, USPS_PRODUCTION_URL, type UspsCredentials } from "./usps/adapter";
import {
  createYanwenAdapter,
  YANWEN_PRODUCTION_URL,
  YANWEN_TRACKING_URL,
  type YanwenCredentials,
} from "./yanwen/adapter";

export * from "./demo/adapter";
export * from "./dhl-express/adapter";
export * from "./fedex/adapter";
export * from "./fourpx/adapter";
export * from "./types";
export * from "./ups/adapter";
export * from "./usps/adapter";
export * from "./yanwen/adapter";

/** Adapter factories keyed by the rate cards' carrier codes. */
export const CARRIER_ADAPTERS = {
  dhl_express: createDhlExpressAdapter,
  ups: createUpsAdapter,
  fedex: createFedexAdapter,
  usps: createUspsAdapter,
  "4px": createFourPxAdapter,
  yanwen: createYanwenAdapter,
  demo: createDemoCarrierAdapter,
} as const satisfies Record<CarrierCode, (options?: never) => CarrierAdapter<never>>;

/** A carrier ready to use: its adapter and the credentials to pass on every call. */
export interface ConnectedCarrier {
  carrier: string;
  /** "demo" when no credentials are configured: the demo carrier stands in under the carrier's code. */
  mode: "live" | "demo";
  // biome-ignore lint/suspicious/noExplicitAny: each carrier has its own credentials type; `credentials` is the matching value.
  adapter: CarrierAdapter<any>;
  credentials: unknown;
  /** Secret (or shared credential) the carrier's webhooks are checked against, when the carrier pushes events. */
  webhookSecret?: string;
}

export interface CreateCarrierAdaptersOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Label renderer for the demo carrier (the documents package provides one). */
  renderLabel?: RenderLabel;
}

export class CarrierConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CarrierConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** All of the variables, or none of them (then null); some but not all is a configuration error. */
function required(env: Env, carrier: string, names: readonly string[]): Record<string, string> | null {
  const present = names.filter((name) => env[name]?.trim());
  if (present.length === 0) return null;
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length > 0)
    throw new CarrierConfigError(`${carrier}: set ${missing.join(", ")} (or none of ${names.join(", ")})`);
  return Object.fromEntries(names.map((name) => [name, env[name]!.trim()]));
}

/** "global_express=PX, global_economy=PY" → { global_express: "PX", global_economy: "PY" }. */
export function parseServiceCodes(value: string | undefined, variable: string): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const pair of (value ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [service, code] = pair.split("=").map((part) => part.trim());
    if (!service || !code) throw new CarrierConfigError(`${variable}: expected service=code pairs, got "${pair}"`);
    codes[service] = code;
  }
  return codes;
}

/**
 * Every carrier the rate cards know, connected from environment variables (docs/carriers.md).
 * A carrier without credentials is served by the demo carrier under its own code, so the
 * embedded default ships and tracks with no account anywhere.
 */
export function createCarrierAdapters(
  env: Env = process.env,
  options: CreateCarrierAdaptersOptions = {},
): Record<string, ConnectedCarrier> {
  const transport = (baseUrl: string | undefined, fallback: string): CarrierTransportOptions => ({
    baseUrl: baseUrl?.trim() || fallback,
    fetch: options.fetch,
    sleep: options.sleep,
    now: options.now,
  });
  const minutesPerStep = env.DEMO_CARRIER_MINUTES_PER_STEP ? Number(env.DEMO_CARRIER_MINUTES_PER_STEP) : undefined;
  if (minutesPerStep !== undefined && !(minutesPerStep > 0)) {
    throw new CarrierConfigError("DEMO_CARRIER_MINUTES_PER_STEP must be a positive number");
  }
  const demo = (carrier: string): ConnectedCarrier => ({
    carrier,
    mode: "demo",
    adapter: createDemoCarrierAdapter({ carrier, renderLabel: options.renderLabel, now: options.now, minutesPerStep }),
    credentials: {},
  });
  const carriers: Record<string, ConnectedCarrier> = { demo: demo("demo") };

  const dhl = required(env, "DHL Express", [
    "DHL_EXPRESS_USERNAME",
    "DHL_EXPRESS_PASSWORD",
    "DHL_EXPRESS_ACCOUNT_NUMBER",
  ]);
  carriers.dhl_express = dhl
    ? {
        carrier: "dhl_express",
        mode: "live",
        adapter: createDhlExpressAdapter(transport(env.DHL_EXPRESS_BASE_URL, DHL_EXPRESS_PRODUCTION_URL)),
        credentials: {
          username: dhl.DHL_EXPRESS_USERNAME!,
          password: dhl.DHL_EXPRESS_PASSWORD!,
          accountNumber: dhl.DHL_EXPRESS_ACCOUNT_NUMBER!,
          requestPickup: env.DHL_EXPRESS_REQUEST_PICKUP === "true",
        } satisfies DhlExpressCredentials,
        webhookSecret: env.DHL_EXPRESS_WEBHOOK_TOKEN,
      }
    : demo("dhl_express");

  const ups = required(env, "UPS", ["UPS_CLIENT_ID", "UPS_CLIENT_SECRET", "UPS_ACCOUNT_NUMBER"]);
  carriers.ups = ups
    ? {
        carrier: "ups",
        mode: "live",
        adapter: createUpsAdapter(transport(env.UPS_BASE_URL, UPS_PRODUCTION_URL)),
        credentials: {
          clientId: ups.UPS_CLIENT_ID!,
          clientSecret: ups.UPS_CLIENT_SECRET!,
          accountNumber: ups.UPS_ACCOUNT_NUMBER!,
        } satisfies UpsCredentials,
        webhookSecret: env.UPS_WEBHOOK_CREDENTIAL,
      }
    : demo("ups");

  const fedex = required(env, "FedEx", ["FEDEX_CLIENT_ID", "FEDEX_CLIENT_SECRET", "FEDEX_ACCOUNT_NUMBER"]);
  carriers.fedex = fedex
    ? {
        carrier: "fedex",
        mode: "live",
        adapter: createFedexAdapter(transport(env.FEDEX_BASE_URL, FEDEX_PRODUCTION_URL)),
        credentials: {
          clientId: fedex.FEDEX_CLIENT_ID!,
          clientSecret: fedex.FEDEX_CLIENT_SECRET!,
          accountNumber: fedex.FEDEX_ACCOUNT_NUMBER!,
        } satisfies FedexCredentials,
        webhookSecret: env.FEDEX_WEBHOOK_SECURITY_TOKEN,
      }
    : demo("fedex");

  const usps = required(env, "USPS", [
    "USPS_CLIENT_ID",
    "USPS_CLIENT_SECRET",
    "USPS_CRID",
    "USPS_MID",
    "USPS_EPS_ACCOUNT_NUMBER",
  ]);
  carriers.usps = usps
    ? {
        carrier: "usps",
        mode: "live",
        adapter: createUspsAdapter(transport(env.USPS_BASE_URL, USPS_PRODUCTION_URL)),
        credentials: {
          clientId: usps.USPS_CLIENT_ID!,
          clientSecret: usps.USPS_CLIENT_SECRET!,
          crid: usps.USPS_CRID!,
          mid: usps.USPS_MID!,
          manifestMid: env.USPS_MANIFEST_MID?.trim() || undefined,
          epsAccountNumber: usps.USPS_EPS_ACCOUNT_NUMBER!,
        } satisfies UspsCredentials,
      }
    : demo("usps");

  const fourPx = required(env, "4PX", ["FOURPX_APP_KEY", "FOURPX_APP_SECRET", "FOURPX_PRODUCT_CODES"]);
  carriers["4px"] = fourPx
    ? {
        carrier: "4px",
        mode: "live",
        adapter: createFourPxAdapter(transport(env.FOURPX_BASE_URL, FOURPX_PRODUCTION_URL)),
        credentials: {
          appKey: fourPx.FOURPX_APP_KEY!,
          appSecret: fourPx.FOURPX_APP_SECRET!,
          accessToken: env.FOURPX_ACCESS_TOKEN?.trim() || undefined,
          productCodes: parseServiceCodes(fourPx.FOURPX_PRODUCT_CODES, "FOURPX_PRODUCT_CODES"),
        } satisfies FourPxCredentials,
      }
    : demo("4px");

  const yanwen = required(env, "Yanwen", ["YANWEN_USER_ID", "YANWEN_API_TOKEN", "YANWEN_CHANNEL_IDS"]);
  carriers.yanwen = yanwen
    ? {
        carrier: "yanwen",
        mode: "live",
        adapter: createYanwenAdapter({
          ...transport(env.YANWEN_BASE_URL, YANWEN_PRODUCTION_URL),
          trackingBaseUrl: env.YANWEN_TRACKING_BASE_URL?.trim() || YANWEN_TRACKING_URL,
        }),
        credentials: {
          userId: yanwen.YANWEN_USER_ID!,
          apiToken: yanwen.YANWEN_API_TOKEN!,
          channelIds: parseServiceCodes(yanwen.YANWEN_CHANNEL_IDS, "YANWEN_CHANNEL_IDS"),
        } satisfies YanwenCredentials,
      }
    : demo("yanwen");

  // Rate cards for carriers without an adapter yet (regional ground services) ship through the demo carrier.
  for (const { carrier } of listCarrierServices()) carriers[carrier] ??= demo(carrier);
  return carriers;
}
