import { normalizeFedexScan, sortTrackingEvents, type TrackingEvent } from "@crossflow/domain";
import { cityName, gramsToKg, mmToCm, trackingEventFrom } from "../events";
import { base64ToBytes, type CarrierResponse, carrierFailure, createCarrierHttp } from "../http";
import { TokenCache, withBearerToken } from "../oauth";
import { decimalToMinor, minorToDecimal, todayUtc } from "../time";
import {
  type CarrierAdapter,
  type CarrierAddress,
  CarrierError,
  type CarrierTransportOptions,
  type CreateShipmentRequest,
  toTrackingQueries,
} from "../types";
import { headerValue, hmacSignatureMatches, rawBodyText } from "../webhook";

export const FEDEX_PRODUCTION_URL = "https://apis.fedex.com";
export const FEDEX_SANDBOX_URL = "https://apis-sandbox.fedex.com";
/** Advanced Integrated Visibility signs each push: base64 HMAC-SHA256 of the body keyed by the project's security token. */
export const FEDEX_WEBHOOK_HEADER = "fdx-signature";

export interface FedexCredentials {
  clientId: string;
  clientSecret: string;
  /** Nine-digit FedEx account number. */
  accountNumber: string;
}

const CARRIER = "fedex";
const TRACK_BATCH = 30;

const SERVICES: Readonly<Record<string, string>> = {
  international_priority: "FEDEX_INTERNATIONAL_PRIORITY",
  international_economy: "INTERNATIONAL_ECONOMY",
  international_connect_plus: "FEDEX_INTERNATIONAL_CONNECT_PLUS",
  ground: "FEDEX_GROUND",
};

function describeError(body: unknown): { message?: string; code?: string } {
  const first = (body as { errors?: Array<{ code?: string; message?: string }> } | undefined)?.errors?.[0];
  return first ? { message: first.message, code: first.code } : {};
}

function party(address: CarrierAddress) {
  return {
    contact: {
      personName: address.name,
      phoneNumber: (address.phone ?? "").replace(/[^\d]/g, "") || "0000000000",
      ...(address.company ? { companyName: address.company } : {}),
      ...(address.email ? { emailAddress: address.email } : {}),
    },
    address: {
      streetLines: address.lines.slice(0, 3),
      city: address.city,
      ...(address.state ? { stateOrProvinceCode: address.state } : {}),
      ...(address.postalCode ? { postalCode: address.postalCode } : {}),
      countryCode: address.country,
    },
    ...(address.taxId ? { tins: [{ number: address.taxId, tinType: "PERSONAL_NATIONAL" }] } : {}),
  };
}

export function fedexShipmentBody(credentials: FedexCredentials, request: CreateShipmentRequest) {
  const serviceType = SERVICES[request.service];
  if (!serviceType) throw new CarrierError(`fedex: no FedEx service for ${request.service}`, { carrier: CARRIER });
  const customs = request.customs;
  const money = (amount: number) => ({
    amount: minorToDecimal(amount, customs!.currency),
    currency: customs!.currency,
  });
  return {
    labelResponseOptions: "LABEL",
    accountNumber: { value: credentials.accountNumber },
    requestedShipment: {
      shipper: party(request.shipper),
      recipients: [party(request.recipient)],
      shipDatestamp: request.shipDate ?? todayUtc(),
      serviceType,
      packagingType: "YOUR_PACKAGING",
      pickupType: "USE_SCHEDULED_PICKUP",
      shippingChargesPayment: { paymentType: "SENDER" },
      labelSpecification:
        request.labelFormat === "zpl"
          ? { imageType: "ZPLII", labelStockType: "STOCK_4X6" }
          : { imageType: "PDF", labelStockType: "PAPER_4X6" },
      ...(customs
        ? {
            customsClearanceDetail: {
              dutiesPayment: { paymentType: customs.incoterm === "DDP" ? "SENDER" : "RECIPIENT" },
              isDocumentOnly: customs.contents === "documents",
              commercialInvoice: {
                shipmentPurpose:
                  customs.contents === "gift" ? "GIFT" : customs.contents === "sample" ? "SAMPLE" : "SOLD",
                customerReferences: [
                  { customerReferenceType: "INVOICE_NUMBER", value: customs.invoiceNumber ?? request.reference },
                ],
              },
              commodities: customs.items.map((item) => ({
                description: item.description.slice(0, 450),
                countryOfManufacture: item.originCountry,
                harmonizedCode: item.hsCode,
                quantity: item.quantity,
                quantityUnits: "PCS",
                unitPrice: money(item.unitValue),
                customsValue: money(item.unitValue * item.quantity),
                weight: { units: "KG", value: gramsToKg(item.weightGrams * item.quantity) },
              })),
            },
          }
        : {}),
      requestedPackageLineItems: request.parcels.map((parcel, i) => ({
        sequenceNumber: i + 1,
        weight: { units: "KG", value: gramsToKg(parcel.weightGrams) },
        dimensions: {
          length: mmToCm(parcel.dimensionsMm.length),
          width: mmToCm(parcel.dimensionsMm.width),
          height: mmToCm(parcel.dimensionsMm.height),
          units: "CM",
        },
        customerReferences: [{ customerReferenceType: "CUSTOMER_REFERENCE", value: request.reference.slice(0, 30) }],
      })),
      totalPackageCount: request.parcels.length,
    },
  };
}

interface FedexShipResponse {
  output?: {
    transactionShipments?: Array<{
      masterTrackingNumber: string;
      pieceResponses?: Array<{
        trackingNumber: string;
        packageDocuments?: Array<{ contentType?: string; docType?: string; encodedLabel?: string }>;
      }>;
      completedShipmentDetail?: {
        shipmentRating?: { shipmentRateDetails?: Array<{ totalNetCharge?: number; currency?: string }> };
      };
    }>;
  };
}

export interface FedexScanEvent {
  date: string;
  eventType?: string;
  eventDescription?: string;
  exceptionCode?: string;
  exceptionDescription?: string;
  derivedStatusCode?: string;
  scanLocation?: { city?: string; countryCode?: string };
}

export interface FedexTrackResult {
  trackingNumberInfo?: { trackingNumber?: string };
  scanEvents?: FedexScanEvent[];
  error?: { code?: string; message?: string };
}

interface FedexTrackResponse {
  output?: { completeTrackResults?: Array<{ trackingNumber: string; trackResults?: FedexTrackResult[] }> };
}

export function fedexScanEvents(trackingNumber: string, scans: readonly FedexScanEvent[]): TrackingEvent[] {
  return scans.map((scan) => {
    const description = [scan.eventDescription, scan.exceptionDescription].filter(Boolean).join(": ");
    return trackingEventFrom(
      CARRIER,
      trackingNumber,
      normalizeFedexScan({
        eventType: scan.eventType,
        derivedStatusCode: scan.derivedStatusCode,
        exceptionCode: scan.exceptionCode,
        description,
      }),
      {
        code: scan.eventType || scan.derivedStatusCode || "",
        description,
        occurredAt: new Date(Date.parse(scan.date)).toISOString(),
        location: { city: cityName(scan.scanLocation?.city), country: scan.scanLocation?.countryCode },
        raw: scan,
      },
    );
  });
}

function trackResultEvents(
  results: readonly { trackingNumber?: string; trackResults?: FedexTrackResult[] }[],
): TrackingEvent[] {
  return results.flatMap((complete) =>
    (complete.trackResults ?? [])
      .filter((result) => !result.error)
      .flatMap((result) =>
        fedexScanEvents(
          result.trackingNumberInfo?.trackingNumber ?? complete.trackingNumber ?? "",
          result.scanEvents ?? [],
        ),
      ),
  );
}

export function createFedexAdapter(options: CarrierTransportOptions = {}): CarrierAdapter<FedexCredentials> {
  const http = createCarrierHttp(CARRIER, FEDEX_SANDBOX_URL, options);
  const tokens = new TokenCache(options.now);
  const fail = (what: string, response: CarrierResponse) => carrierFailure(CARRIER, what, response, describeError);

  const issueToken = (credentials: FedexCredentials) => async () => {
    const response = await http.request("POST", "/oauth/token", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }).toString(),
    });
    if (response.status !== 200) throw fail("OAuth token", response);
    const body = response.body as { access_token: string; expires_in: number };
    return { accessToken: body.access_token, expiresInSeconds: Number(body.expires_in) };
  };

  const call = (credentials: FedexCredentials, method: string, path: string, body: unknown) =>
    withBearerToken(tokens, credentials.clientId, issueToken(credentials), (token) =>
      http.request(method, path, {
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          "X-locale": "en_US",
          "x-customer-transaction-id": crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      }),
    );

  return {
    carrier: CARRIER,
    name: "FedEx",
    webhookSignatureHeader: FEDEX_WEBHOOK_HEADER,

    async createShipment(credentials, request) {
      const response = await call(credentials, "POST", "/ship/v1/shipments", fedexShipmentBody(credentials, request));
      if (response.status !== 200) throw fail("create shipment", response);
      const shipment = (response.body as FedexShipResponse).output?.transactionShipments?.[0];
      if (!shipment) throw new CarrierError("fedex: create shipment answered without a shipment", { carrier: CARRIER });
      const document = shipment.pieceResponses?.[0]?.packageDocuments?.find((d) => d.encodedLabel);
      const rate = shipment.completedShipmentDetail?.shipmentRating?.shipmentRateDetails?.[0];
      return {
        carrier: CARRIER,
        trackingNumber: shipment.masterTrackingNumber,
        carrierShipmentId: shipment.masterTrackingNumber,
        parcelTrackingNumbers: shipment.pieceResponses?.map((p) => p.trackingNumber) ?? [],
        label: document?.encodedLabel
          ? { format: /zpl/i.test(document.docType ?? "") ? "zpl" : "pdf", bytes: base64ToBytes(document.encodedLabel) }
          : null,
        ...(rate?.totalNetCharge !== undefined && rate.currency
          ? { charges: { amount: decimalToMinor(rate.totalNetCharge, rate.currency), currency: rate.currency } }
          : {}),
      };
    },

    async cancelShipment(credentials, shipment) {
      const response = await call(credentials, "PUT", "/ship/v1/shipments/cancel", {
        accountNumber: { value: credentials.accountNumber },
        emailShipment: false,
        deletionControl: "DELETE_ALL_PACKAGES",
        trackingNumber: shipment.carrierShipmentId ?? shipment.trackingNumber,
      });
      if (response.status !== 200) throw fail("cancel shipment", response);
      const output = (
        response.body as { output?: { cancelledShipment?: boolean; successMessage?: string; message?: string } }
      ).output;
      return { cancelled: output?.cancelledShipment === true, detail: output?.successMessage ?? output?.message };
    },

    async track(credentials, shipments) {
      const numbers = toTrackingQueries(shipments).map((q) => q.trackingNumber);
      const events: TrackingEvent[] = [];
      for (let i = 0; i < numbers.length; i += TRACK_BATCH) {
        const response = await call(credentials, "POST", "/track/v1/trackingnumbers", {
          includeDetailedScans: true,
          trackingInfo: numbers
            .slice(i, i + TRACK_BATCH)
            .map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
        });
        if (response.status !== 200) throw fail("track", response);
        events.push(...trackResultEvents((response.body as FedexTrackResponse).output?.completeTrackResults ?? []));
      }
      return sortTrackingEvents(events);
    },

    verifyWebhook({ rawBody, headers, secret }) {
      return hmacSignatureMatches(headerValue(headers, FEDEX_WEBHOOK_HEADER), secret, rawBody);
    },

    /** The push carries Track API results: either the whole response or one complete track result. */
    parseWebhook(rawBody) {
      const body = JSON.parse(rawBodyText(rawBody)) as FedexTrackResponse & {
        trackingNumber?: string;
        trackResults?: FedexTrackResult[];
      };
      const results = body.output?.completeTrackResults ?? (body.trackResults ? [body] : []);
      return sortTrackingEvents(trackResultEvents(results));
    },
  };
}
