import { createHash } from "node:crypto";
import { normalizeTrackingCode, sortTrackingEvents, type TrackingEvent } from "@crossflow/domain";
import { cityName, mmToCm, trackingEventFrom } from "../events";
import { base64ToBytes, createCarrierHttp } from "../http";
import { carrierDateTimeToUtc, minorToDecimal } from "../time";
import {
  type CarrierAdapter,
  type CarrierAddress,
  CarrierError,
  type CarrierTransportOptions,
  type CreateShipmentRequest,
  toTrackingQueries,
} from "../types";

export const YANWEN_PRODUCTION_URL = "https://open.yw56.com.cn";
export const YANWEN_TEST_URL = "https://open-fat.yw56.com.cn";
/** Tracking has its own host (HTTP only, no test environment). */
export const YANWEN_TRACKING_URL = "http://api.track.yw56.com.cn";
const TRACK_BATCH = 30;

export interface YanwenCredentials {
  /** Customer number (商户号). */
  userId: string;
  /** The order account's API token (制单秘钥). */
  apiToken: string;
  /** Rate card service → the Yanwen channel (product) id of the customer's contract. */
  channelIds: Readonly<Record<string, string>>;
}

export interface YanwenAdapterOptions extends CarrierTransportOptions {
  trackingBaseUrl?: string;
}

const CARRIER = "yanwen";

/** Yanwen open platform signature: MD5 (lower-case hex) of token + user_id + data + format + method + timestamp + version + token. */
export function yanwenSign(
  params: { userId: string; data: string; method: string; timestamp: string; version: string },
  apiToken: string,
): string {
  const text = `${apiToken}${params.userId}${params.data}json${params.method}${params.timestamp}${params.version}${apiToken}`;
  return createHash("md5").update(text, "utf8").digest("hex");
}

function party(address: CarrierAddress) {
  return {
    name: address.name,
    phone: address.phone ?? "",
    ...(address.email ? { email: address.email } : {}),
    ...(address.company ? { company: address.company } : {}),
    country: address.country,
    state: address.state ?? "",
    city: address.city,
    zipCode: address.postalCode ?? "",
    address: address.lines.join(" "),
    ...(address.taxId ? { taxNumber: address.taxId } : {}),
  };
}

export function yanwenOrderBody(credentials: YanwenCredentials, request: CreateShipmentRequest) {
  const channelId = credentials.channelIds[request.service];
  if (!channelId)
    throw new CarrierError(`yanwen: no Yanwen channel configured for service ${request.service}`, { carrier: CARRIER });
  const customs = request.customs;
  if (!customs) throw new CarrierError("yanwen: a Yanwen waybill needs its customs declaration", { carrier: CARRIER });
  if (request.parcels.length !== 1)
    throw new CarrierError("yanwen: one parcel per Yanwen waybill", { carrier: CARRIER });
  const parcel = request.parcels[0]!;
  const total = customs.items.reduce((sum, item) => sum + item.unitValue * item.quantity, 0);
  return {
    channelId,
    orderSource: "crossflow",
    orderNumber: request.reference,
    receiverInfo: party(request.recipient),
    senderInfo: party(request.shipper),
    parcelInfo: {
      productList: customs.items.map((item) => ({
        goodsNameCh: item.description,
        goodsNameEn: item.description,
        price: String(minorToDecimal(item.unitValue, customs.currency)),
        quantity: String(item.quantity),
        weight: String(item.weightGrams),
        hscode: item.hsCode,
      })),
      hasBattery: 0,
      currency: customs.currency,
      totalPrice: String(minorToDecimal(total, customs.currency)),
      totalQuantity: String(customs.items.reduce((sum, item) => sum + item.quantity, 0)),
      totalWeight: String(Math.max(1, Math.round(parcel.weightGrams))),
      length: String(mmToCm(parcel.dimensionsMm.length)),
      width: String(mmToCm(parcel.dimensionsMm.width)),
      height: String(mmToCm(parcel.dimensionsMm.height)),
      ...(customs.iossNumber ? { ioss: customs.iossNumber } : {}),
    },
  };
}

interface YanwenEnvelope<T> {
  success?: boolean;
  code?: string;
  message?: string;
  data?: T;
}

interface YanwenCheckpoint {
  time_stamp: string;
  time_zone?: string;
  tracking_status: string;
  message?: string;
  location?: string;
}

export function yanwenCheckpointEvents(
  trackingNumber: string,
  checkpoints: readonly YanwenCheckpoint[],
): TrackingEvent[] {
  return checkpoints.map((checkpoint) =>
    trackingEventFrom(
      CARRIER,
      trackingNumber,
      normalizeTrackingCode(CARRIER, checkpoint.tracking_status, checkpoint.message),
      {
        code: checkpoint.tracking_status,
        description: checkpoint.message,
        occurredAt: carrierDateTimeToUtc(checkpoint.time_stamp, checkpoint.time_zone, "+08:00"),
        location: { city: cityName(checkpoint.location?.split(",")[0]) },
        raw: checkpoint,
      },
    ),
  );
}

export function createYanwenAdapter(options: YanwenAdapterOptions = {}): CarrierAdapter<YanwenCredentials> {
  const http = createCarrierHttp(CARRIER, YANWEN_TEST_URL, options);
  const trackingHttp = createCarrierHttp(CARRIER, YANWEN_TRACKING_URL, {
    ...options,
    baseUrl: options.trackingBaseUrl ?? options.baseUrl,
  });
  const now = options.now ?? Date.now;

  async function call<T>(credentials: YanwenCredentials, method: string, payload: unknown): Promise<T> {
    const data = JSON.stringify(payload);
    const timestamp = String(now());
    const version = "V1.0";
    const response = await http.request("POST", "/api/order", {
      headers: { "Content-Type": "application/json" },
      query: {
        user_id: credentials.userId,
        method,
        format: "json",
        timestamp,
        version,
        sign: yanwenSign({ userId: credentials.userId, data, method, timestamp, version }, credentials.apiToken),
      },
      body: data,
    });
    const envelope = response.body as YanwenEnvelope<T> | undefined;
    if (response.status !== 200 || envelope?.success !== true || envelope.code !== "0") {
      throw new CarrierError(`yanwen: ${method} failed: ${envelope?.message ?? `HTTP ${response.status}`}`, {
        carrier: CARRIER,
        status: response.status,
        code: envelope?.code,
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    return envelope.data as T;
  }

  return {
    carrier: CARRIER,
    name: "Yanwen",

    async createShipment(credentials, request) {
      const waybill = await call<{ waybillNumber: string; orderNumber?: string; yanwenNumber?: string }>(
        credentials,
        "express.order.create",
        yanwenOrderBody(credentials, request),
      );
      const label = await call<{ base64String?: string }>(credentials, "express.order.label.get", {
        waybillNumber: waybill.waybillNumber,
      });
      return {
        carrier: CARRIER,
        trackingNumber: waybill.waybillNumber,
        carrierShipmentId: waybill.waybillNumber,
        parcelTrackingNumbers: [waybill.waybillNumber],
        label: label.base64String ? { format: "pdf", bytes: base64ToBytes(label.base64String) } : null,
      };
    },

    async cancelShipment(credentials, shipment) {
      await call(credentials, "express.order.cancel", {
        waybillNumber: shipment.carrierShipmentId ?? shipment.trackingNumber,
        cancelReason: "Cancelled by merchant",
      });
      return { cancelled: true };
    },

    async track(credentials, shipments) {
      const numbers = toTrackingQueries(shipments).map((q) => q.trackingNumber);
      const events: TrackingEvent[] = [];
      for (let i = 0; i < numbers.length; i += TRACK_BATCH) {
        const response = await trackingHttp.request("GET", "/api/tracking", {
          headers: { Authorization: credentials.userId },
          query: { nums: numbers.slice(i, i + TRACK_BATCH).join(",") },
        });
        const body = response.body as
          | {
              code?: number;
              message?: string;
              result?: Array<{ tracking_number: string; checkpoints?: YanwenCheckpoint[] }>;
            }
          | undefined;
        if (response.status !== 200 || body?.code !== 0) {
          throw new CarrierError(`yanwen: tracking failed: ${body?.message ?? `HTTP ${response.status}`}`, {
            carrier: CARRIER,
            status: response.status,
            code: body?.code === undefined ? undefined : String(body.code),
            retryable: response.status >= 500 || response.status === 429,
          });
        }
        for (const result of body.result ?? []) {
          events.push(...yanwenCheckpointEvents(result.tracking_number, result.checkpoints ?? []));
        }
      }
      return sortTrackingEvents(events);
    },
  };
}
