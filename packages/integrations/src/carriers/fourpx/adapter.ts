import { createHash } from "node:crypto";
import { normalizeTrackingCode, sortTrackingEvents, type TrackingEvent } from "@crossflow/domain";
import { cityName, mmToCm, trackingEventFrom } from "../events";
import { createCarrierHttp } from "../http";
import { carrierDateTimeToUtc, minorToDecimal } from "../time";
import {
  type CarrierAdapter,
  type CarrierAddress,
  CarrierError,
  type CarrierTransportOptions,
  type CreateShipmentRequest,
  toTrackingQueries,
} from "../types";

export const FOURPX_PRODUCTION_URL = "https://open.4px.com";
export const FOURPX_TEST_URL = "https://open-test.4px.com";
const SERVICE_PATH = "/router/api/service";

export interface FourPxCredentials {
  appKey: string;
  appSecret: string;
  /** Only for platform (type A) integrations acting for a 4PX customer; direct customers leave it out. */
  accessToken?: string;
  /**
   * Rate card service → the 4PX logistics product code of the customer's contract (the FOP
   * console lists them): { global_express: "…", global_economy: "…" }.
   */
  productCodes: Readonly<Record<string, string>>;
}

const CARRIER = "4px";

/**
 * 4PX open platform signature: MD5 (lower-case hex) of the sorted public parameters as
 * name+value with no separators, then the raw JSON body, then the app secret.
 * access_token and language are not signed.
 */
export function fourPxSign(
  params: { appKey: string; method: string; timestamp: string; v: string },
  body: string,
  appSecret: string,
): string {
  const text = `app_key${params.appKey}formatjsonmethod${params.method}timestamp${params.timestamp}v${params.v}${body}${appSecret}`;
  return createHash("md5").update(text, "utf8").digest("hex");
}

interface FourPxEnvelope {
  result?: string;
  msg?: string;
  errors?: Array<{ error_code?: string; error_msg?: string }>;
  data?: unknown;
}

function splitName(name: string) {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  return { first_name: first, last_name: rest.join(" ") || first };
}

function person(address: CarrierAddress) {
  return {
    ...splitName(address.name),
    ...(address.company ? { company: address.company } : {}),
    phone: address.phone ?? "",
    ...(address.email ? { email: address.email } : {}),
    post_code: address.postalCode ?? "",
    country: address.country,
    state: address.state ?? "",
    city: address.city,
    street: address.lines.join(" "),
    ...(address.taxId ? { tax_number: address.taxId } : {}),
  };
}

export function fourPxOrderBody(credentials: FourPxCredentials, request: CreateShipmentRequest) {
  const product = credentials.productCodes[request.service];
  if (!product) {
    throw new CarrierError(`4px: no 4PX product code configured for service ${request.service}`, { carrier: CARRIER });
  }
  const customs = request.customs;
  if (!customs)
    throw new CarrierError("4px: a 4PX direct-ship order needs its customs declaration", { carrier: CARRIER });
  if (request.parcels.length !== 1) throw new CarrierError("4px: one parcel per 4PX order", { carrier: CARRIER });
  const parcel = request.parcels[0]!;
  const price = (minor: number) => minorToDecimal(minor, customs.currency);
  return {
    ref_no: request.reference,
    business_type: "BDS",
    duty_type: customs.incoterm === "DDP" ? "P" : "U",
    cargo_type: "5",
    logistics_service_info: { logistics_product_code: product },
    return_info: { is_return_on_domestic: "Y", is_return_on_oversea: "N" },
    parcel_list: [
      {
        weight: Math.max(1, Math.round(parcel.weightGrams)),
        length: mmToCm(parcel.dimensionsMm.length),
        width: mmToCm(parcel.dimensionsMm.width),
        height: mmToCm(parcel.dimensionsMm.height),
        parcel_value: price(customs.items.reduce((sum, item) => sum + item.unitValue * item.quantity, 0)),
        currency: customs.currency,
        include_battery: "N",
        declare_product_info: customs.items.map((item) => ({
          declare_product_name_en: item.description.slice(0, 100),
          declare_product_name_cn: item.description.slice(0, 100),
          declare_product_code_qty: item.quantity,
          declare_unit_price_export: price(item.unitValue),
          currency_export: customs.currency,
          declare_unit_price_import: price(item.unitValue),
          currency_import: customs.currency,
          brand_export: "none",
          brand_import: "none",
          hscode_export: item.hsCode,
          hscode_import: item.hsCode,
          origin_country: item.originCountry,
          ...(item.sku ? { sku_code: item.sku } : {}),
        })),
      },
    ],
    is_insure: "N",
    sender: person(request.shipper),
    recipient_info: person(request.recipient),
    deliver_type_info: { deliver_type: "1" },
    ...(customs.iossNumber ? { vat_no: customs.iossNumber } : {}),
  };
}

interface FourPxTracking {
  businessLinkCode: string;
  occurDatetime: string;
  occurLocation?: string;
  trackingContent?: string;
  timeZone?: string;
}

export function fourPxTrackingEvents(trackingNumber: string, list: readonly FourPxTracking[]): TrackingEvent[] {
  return list.map((item) =>
    trackingEventFrom(
      CARRIER,
      trackingNumber,
      normalizeTrackingCode(CARRIER, item.businessLinkCode, item.trackingContent),
      {
        code: item.businessLinkCode,
        description: item.trackingContent,
        // 4PX reports local time; its own scans are in China (UTC+8) unless the event says otherwise.
        occurredAt: carrierDateTimeToUtc(item.occurDatetime, item.timeZone, "+08:00"),
        location: { city: cityName(item.occurLocation?.split(",")[0]) },
        raw: item,
      },
    ),
  );
}

export function createFourPxAdapter(options: CarrierTransportOptions = {}): CarrierAdapter<FourPxCredentials> {
  const http = createCarrierHttp(CARRIER, FOURPX_TEST_URL, options);
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;

  async function call<T>(credentials: FourPxCredentials, method: string, v: string, payload: unknown): Promise<T> {
    const body = JSON.stringify(payload);
    const timestamp = String(now());
    const response = await http.request("POST", SERVICE_PATH, {
      headers: { "Content-Type": "application/json" },
      query: {
        method,
        v,
        app_key: credentials.appKey,
        format: "json",
        timestamp,
        sign: fourPxSign({ appKey: credentials.appKey, method, timestamp, v }, body, credentials.appSecret),
        access_token: credentials.accessToken,
        language: "en",
      },
      body,
    });
    const envelope = response.body as FourPxEnvelope | undefined;
    if (response.status !== 200 || envelope?.result !== "1") {
      const error = envelope?.errors?.[0];
      throw new CarrierError(
        `4px: ${method} failed: ${error?.error_msg ?? envelope?.msg ?? `HTTP ${response.status}`}`,
        {
          carrier: CARRIER,
          status: response.status,
          code: error?.error_code,
          retryable: response.status >= 500 || response.status === 429,
        },
      );
    }
    return (typeof envelope.data === "string" ? JSON.parse(envelope.data) : envelope.data) as T;
  }

  return {
    carrier: CARRIER,
    name: "4PX",

    async createShipment(credentials, request) {
      const order = await call<{
        ds_consignment_no: string;
        "4px_tracking_no"?: string;
        logistics_channel_no?: string;
      }>(credentials, "ds.xms.order.create", "1.1.0", fourPxOrderBody(credentials, request));
      const trackingNumber = order["4px_tracking_no"] || order.logistics_channel_no || order.ds_consignment_no;
      const labelInfo = await call<{ label_url_info?: { logistics_label?: string } }>(
        credentials,
        "ds.xms.label.get",
        "1.1.0",
        {
          request_no: order.ds_consignment_no,
          response_label_format: "PDF",
          label_size: "label_100x100",
          is_print_declaration: "Y",
        },
      );
      const url = labelInfo.label_url_info?.logistics_label;
      let label = null;
      if (url) {
        const response = await doFetch(url);
        if (!response.ok)
          throw new CarrierError(`4px: label download failed with HTTP ${response.status}`, {
            carrier: CARRIER,
            status: response.status,
            retryable: response.status >= 500,
          });
        label = { format: "pdf" as const, bytes: new Uint8Array(await response.arrayBuffer()) };
      }
      return {
        carrier: CARRIER,
        trackingNumber,
        carrierShipmentId: order.ds_consignment_no,
        parcelTrackingNumbers: [trackingNumber],
        label,
      };
    },

    async cancelShipment(credentials, shipment) {
      await call(credentials, "ds.xms.order.cancel", "1.0.0", {
        request_no: shipment.carrierShipmentId ?? shipment.trackingNumber,
        cancel_reason: "Cancelled by merchant",
      });
      return { cancelled: true };
    },

    async track(credentials, shipments) {
      const events: TrackingEvent[] = [];
      for (const { trackingNumber } of toTrackingQueries(shipments)) {
        const data = await call<{ deliveryOrderNo?: string; trackingList?: FourPxTracking[] } | null>(
          credentials,
          "tr.order.tracking.get",
          "1.0.0",
          { deliveryOrderNo: trackingNumber },
        );
        events.push(...fourPxTrackingEvents(trackingNumber, data?.trackingList ?? []));
      }
      return sortTrackingEvents(events);
    },
  };
}
