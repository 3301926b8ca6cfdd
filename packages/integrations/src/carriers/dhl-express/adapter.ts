import {
  dhlExpressCodeFromDescription,
  failureReasonFromText,
  type NormalizedTrackingCode,
  normalizeTrackingCode,
  sortTrackingEvents,
  type TrackingEvent,
  type TrackingStatus,
} from "@crossflow/domain";
import { cityName, gramsToKg, isEuCountry, mmToCm, trackingEventFrom } from "../events";
import { base64ToBytes, type CarrierResponse, carrierFailure, createCarrierHttp } from "../http";
import { decimalToMinor, localToUtcIso, minorToDecimal, todayUtc } from "../time";
import {
  type CarrierAdapter,
  type CarrierAddress,
  CarrierError,
  type CarrierTransportOptions,
  type CreateShipmentRequest,
  toTrackingQueries,
} from "../types";
import { headerValue, rawBodyText, sharedSecretMatches } from "../webhook";

export const DHL_EXPRESS_PRODUCTION_URL = "https://express.api.dhl.com/mydhlapi";
export const DHL_EXPRESS_TEST_URL = "https://express.api.dhl.com/mydhlapi/test";
/** The header Crossflow names in its DHL push subscription (`hook.authentication.header`), carrying the shared token. */
export const DHL_WEBHOOK_HEADER = "x-dhl-webhook-token";

export interface DhlExpressCredentials {
  /** MyDHL API username and password (Basic auth). */
  username: string;
  password: string;
  /** The shipper's DHL Express account number, billed for the shipment. */
  accountNumber: string;
  /** Book a courier pickup with each shipment (its dispatch confirmation number is kept for cancel). */
  requestPickup?: boolean;
}

const CARRIER = "dhl_express";

/** Rate card service → MyDHL product code (non-document; the EU variant within the EU). */
const PRODUCTS: Readonly<Record<string, { global: string; eu: string }>> = {
  express_worldwide: { global: "P", eu: "U" },
  economy_select: { global: "H", eu: "W" },
};

interface DhlError {
  title?: string;
  detail?: string;
  message?: string;
  status?: string | number;
  additionalDetails?: string[];
}

function describeError(body: unknown): { message?: string; code?: string } {
  const error = body as DhlError | undefined;
  if (!error) return {};
  const extra = error.additionalDetails?.length ? ` (${error.additionalDetails.join("; ")})` : "";
  return { message: `${error.detail ?? error.message ?? error.title ?? ""}${extra}` || undefined, code: error.title };
}

function party(address: CarrierAddress) {
  const [line1 = "", line2, line3] = address.lines;
  return {
    postalAddress: {
      postalCode: address.postalCode ?? "",
      cityName: address.city,
      countryCode: address.country,
      ...(address.state ? { provinceCode: address.state } : {}),
      addressLine1: line1,
      ...(line2 ? { addressLine2: line2 } : {}),
      ...(line3 ? { addressLine3: line3 } : {}),
    },
    contactInformation: {
      phone: address.phone ?? "",
      companyName: address.company ?? address.name,
      fullName: address.name,
      ...(address.email ? { email: address.email } : {}),
    },
    ...(address.taxId
      ? { registrationNumbers: [{ typeCode: "SDT", number: address.taxId, issuerCountryCode: address.country }] }
      : {}),
  };
}

const EXPORT_REASONS: Readonly<Record<string, string>> = {
  merchandise: "permanent",
  gift: "permanent",
  documents: "permanent",
  sample: "temporary",
  return: "return",
};

export function dhlShipmentBody(credentials: DhlExpressCredentials, request: CreateShipmentRequest) {
  const product = PRODUCTS[request.service];
  if (!product)
    throw new CarrierError(`dhl_express: no DHL Express product for service ${request.service}`, { carrier: CARRIER });
  const intraEu = isEuCountry(request.shipper.country) && isEuCountry(request.recipient.country);
  const customs = request.customs;
  const declaredValue = customs ? customs.items.reduce((sum, item) => sum + item.unitValue * item.quantity, 0) : 0;
  return {
    plannedShippingDateAndTime: `${request.shipDate ?? todayUtc()}T10:00:00GMT+00:00`,
    pickup: { isRequested: credentials.requestPickup === true },
    productCode: intraEu ? product.eu : product.global,
    accounts: [{ typeCode: "shipper", number: credentials.accountNumber }],
    customerReferences: [{ value: request.reference.slice(0, 35), typeCode: "CU" }],
    outputImageProperties: {
      encodingFormat: request.labelFormat ?? "pdf",
      imageOptions: [{ typeCode: "label", templateName: "ECOM26_84_001", isRequested: true }],
    },
    customerDetails: { shipperDetails: party(request.shipper), receiverDetails: party(request.recipient) },
    content: {
      packages: request.parcels.map((parcel) => ({
        weight: gramsToKg(parcel.weightGrams),
        dimensions: {
          length: mmToCm(parcel.dimensionsMm.length),
          width: mmToCm(parcel.dimensionsMm.width),
          height: mmToCm(parcel.dimensionsMm.height),
        },
      })),
      isCustomsDeclarable: customs !== undefined && !intraEu,
      ...(customs
        ? {
            declaredValue: minorToDecimal(declaredValue, customs.currency),
            declaredValueCurrency: customs.currency,
            incoterm: customs.incoterm,
            exportDeclaration: {
              lineItems: customs.items.map((item, i) => ({
                number: i + 1,
                description: item.description.slice(0, 512),
                price: minorToDecimal(item.unitValue, customs.currency),
                quantity: { value: item.quantity, unitOfMeasurement: "PCS" },
                commodityCodes: [{ typeCode: "outbound", value: item.hsCode }],
                exportReasonType: EXPORT_REASONS[customs.contents],
                manufacturerCountry: item.originCountry,
                weight: { netValue: gramsToKg(item.weightGrams), grossValue: gramsToKg(item.weightGrams) },
              })),
              invoice: { number: customs.invoiceNumber ?? request.reference, date: request.shipDate ?? todayUtc() },
            },
          }
        : {}),
      description: (customs?.items.map((item) => item.description).join(", ") || "Merchandise").slice(0, 70),
      unitOfMeasurement: "metric",
    },
  };
}

interface DhlShipmentResponse {
  shipmentTrackingNumber: string;
  packages?: Array<{ referenceNumber: number; trackingNumber: string }>;
  documents?: Array<{ imageFormat: string; content: string; typeCode: string }>;
  shipmentCharges?: Array<{ currencyType: string; priceCurrency: string; price: number }>;
  dispatchConfirmationNumber?: string;
}

interface DhlCheckpoint {
  date: string;
  time: string;
  GMTOffset?: string;
  typeCode: string;
  description?: string;
  serviceArea?: Array<{ code?: string; description?: string }>;
}

interface DhlTrackingResponse {
  shipments?: Array<{ shipmentTrackingNumber: string; events?: DhlCheckpoint[] }>;
}

/** "Leipzig - Germany" or "BRISBANE-AU" → city (and the country when it is a code). */
function serviceAreaLocation(description: string | undefined): { city?: string; country?: string } {
  if (!description) return {};
  const [city, rest] = description.split(/\s*-\s*/, 2);
  return { city: cityName(city), country: rest && /^[A-Z]{2}$/.test(rest.trim()) ? rest.trim() : undefined };
}

export function dhlCheckpointEvents(trackingNumber: string, checkpoints: readonly DhlCheckpoint[]): TrackingEvent[] {
  return checkpoints.map((checkpoint) =>
    trackingEventFrom(
      CARRIER,
      trackingNumber,
      normalizeTrackingCode(CARRIER, checkpoint.typeCode, checkpoint.description),
      {
        code: checkpoint.typeCode,
        description: checkpoint.description,
        occurredAt: localToUtcIso(checkpoint.date, checkpoint.time, checkpoint.GMTOffset),
        location: serviceAreaLocation(checkpoint.serviceArea?.[0]?.description),
        raw: checkpoint,
      },
    ),
  );
}

interface DhlPushEvent {
  timestamp: string;
  statusCode?: string;
  status?: string;
  description?: string;
  location?: { address?: { addressLocality?: string; countryCode?: string } };
}

interface DhlPushPayload {
  shipments?: Array<{ id: string; service?: string; events?: DhlPushEvent[] }>;
}

const PUSH_STATUSES: Readonly<Record<string, TrackingStatus>> = {
  "pre-transit": "info_received",
  transit: "in_transit",
  delivered: "delivered",
  failure: "exception",
  unknown: "in_transit",
};

function pushStatus(event: DhlPushEvent, description: string): NormalizedTrackingCode {
  const fromText = normalizeTrackingCode(CARRIER, "", description);
  if (fromText.known) return fromText;
  const status = PUSH_STATUSES[event.statusCode ?? "unknown"] ?? "in_transit";
  const failed = status === "exception";
  return {
    status,
    label: description,
    known: true,
    ...(failed ? { reason: failureReasonFromText(description) ?? "other" } : {}),
  };
}

/** DHL's push API sends Shipment Tracking – Unified events: descriptions and a coarse statusCode, no checkpoint code. */
export function dhlPushEvents(payload: DhlPushPayload): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (const shipment of payload.shipments ?? []) {
    for (const event of shipment.events ?? []) {
      const description = event.description ?? event.status ?? "";
      const checkpoint = dhlExpressCodeFromDescription(description);
      const normalized = checkpoint
        ? normalizeTrackingCode(CARRIER, checkpoint, description)
        : pushStatus(event, description);
      const address = event.location?.address;
      const [city] = (address?.addressLocality ?? "").split(/\s*-\s*/, 1);
      events.push(
        trackingEventFrom(CARRIER, shipment.id, normalized, {
          code: checkpoint ?? (event.statusCode ?? "unknown").toUpperCase(),
          description,
          occurredAt: new Date(Date.parse(event.timestamp)).toISOString(),
          location: { city: cityName(city), country: address?.countryCode },
          raw: event,
        }),
      );
    }
  }
  return sortTrackingEvents(events);
}

export function createDhlExpressAdapter(options: CarrierTransportOptions = {}): CarrierAdapter<DhlExpressCredentials> {
  const http = createCarrierHttp(CARRIER, DHL_EXPRESS_TEST_URL, options);
  const headers = (credentials: DhlExpressCredentials, extra: Record<string, string> = {}) => ({
    Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`,
    Accept: "application/json",
    "Message-Reference": crypto.randomUUID(),
    "Message-Reference-Date": new Date().toUTCString(),
    ...extra,
  });
  const fail = (what: string, response: CarrierResponse) => carrierFailure(CARRIER, what, response, describeError);

  return {
    carrier: CARRIER,
    name: "DHL Express",
    webhookSignatureHeader: DHL_WEBHOOK_HEADER,

    async createShipment(credentials, request) {
      const response = await http.request("POST", "/shipments", {
        headers: headers(credentials, { "Content-Type": "application/json" }),
        body: JSON.stringify(dhlShipmentBody(credentials, request)),
      });
      if (response.status !== 201 && response.status !== 200) throw fail("create shipment", response);
      const body = response.body as DhlShipmentResponse;
      const label = body.documents?.find((d) => d.typeCode === "label");
      const charge = body.shipmentCharges?.find((c) => c.currencyType === "BILLC") ?? body.shipmentCharges?.[0];
      return {
        carrier: CARRIER,
        trackingNumber: body.shipmentTrackingNumber,
        carrierShipmentId: body.dispatchConfirmationNumber
          ? `${body.shipmentTrackingNumber}/${body.dispatchConfirmationNumber}`
          : body.shipmentTrackingNumber,
        parcelTrackingNumbers: body.packages?.map((p) => p.trackingNumber) ?? [],
        label: label
          ? { format: label.imageFormat.toLowerCase() === "zpl" ? "zpl" : "pdf", bytes: base64ToBytes(label.content) }
          : null,
        ...(charge
          ? { charges: { amount: decimalToMinor(charge.price, charge.priceCurrency), currency: charge.priceCurrency } }
          : {}),
      };
    },

    /**
     * MyDHL API has no void: DHL bills only what it picks up. When a pickup was booked with the
     * shipment it is cancelled (DELETE /pickups/{dispatchConfirmationNumber}).
     */
    async cancelShipment(credentials, shipment) {
      const dispatch = shipment.carrierShipmentId?.split("/")[1];
      if (!dispatch) {
        return { cancelled: true, detail: "No pickup booked; DHL Express does not bill a shipment it never collects." };
      }
      const response = await http.request("DELETE", `/pickups/${encodeURIComponent(dispatch)}`, {
        headers: headers(credentials),
        query: { requestorName: "Crossflow", reason: "001" },
      });
      if (response.status !== 200 && response.status !== 204) throw fail("cancel pickup", response);
      return { cancelled: true, detail: `Pickup ${dispatch} cancelled` };
    },

    async track(credentials, shipments) {
      const events: TrackingEvent[] = [];
      for (const { trackingNumber } of toTrackingQueries(shipments)) {
        const response = await http.request("GET", `/shipments/${encodeURIComponent(trackingNumber)}/tracking`, {
          headers: headers(credentials),
          query: { trackingView: "all-checkpoints", levelOfDetail: "all" },
        });
        if (response.status === 404) continue;
        if (response.status !== 200) throw fail(`track ${trackingNumber}`, response);
        for (const shipment of (response.body as DhlTrackingResponse).shipments ?? []) {
          events.push(...dhlCheckpointEvents(shipment.shipmentTrackingNumber, shipment.events ?? []));
        }
      }
      return sortTrackingEvents(events);
    },

    verifyWebhook({ headers: received, secret }) {
      return sharedSecretMatches(headerValue(received, DHL_WEBHOOK_HEADER), secret);
    },

    parseWebhook(rawBody) {
      return dhlPushEvents(JSON.parse(rawBodyText(rawBody)) as DhlPushPayload);
    },
  };
}
