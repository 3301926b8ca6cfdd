import { normalizeTrackingCode, sortTrackingEvents, type TrackingEvent } from "@crossflow/domain";
import { cityName, trackingEventFrom } from "../events";
import { base64ToBytes, type CarrierResponse, carrierFailure, createCarrierHttp } from "../http";
import { TokenCache, withBearerToken } from "../oauth";
import { carrierDateTimeToUtc, decimalToMinor, minorToDecimal, todayUtc } from "../time";
import {
  type CarrierAdapter,
  type CarrierAddress,
  CarrierError,
  type CarrierTransportOptions,
  type CreateShipmentRequest,
  toTrackingQueries,
} from "../types";

export const USPS_PRODUCTION_URL = "https://apis.usps.com";
export const USPS_TEST_URL = "https://apis-tem.usps.com";

export interface UspsCredentials {
  clientId: string;
  clientSecret: string;
  /** Customer Registration ID, Mailer ID and the Enterprise Payment System account that pays postage. */
  crid: string;
  mid: string;
  manifestMid?: string;
  epsAccountNumber: string;
}

const CARRIER = "usps";
/** USPS says a payment authorization token is good for eight hours. */
const PAYMENT_TOKEN_SECONDS = 8 * 3600;

/** Rate card service → USPS mail class; international classes go to the international labels API. */
const MAIL_CLASSES: Readonly<Record<string, { mailClass: string; international: boolean }>> = {
  ground_advantage: { mailClass: "USPS_GROUND_ADVANTAGE", international: false },
  priority_mail: { mailClass: "PRIORITY_MAIL", international: false },
  priority_mail_international: { mailClass: "PRIORITY_MAIL_INTERNATIONAL", international: true },
  first_class_package_international: { mailClass: "FIRST-CLASS_PACKAGE_INTERNATIONAL_SERVICE", international: true },
};

function describeError(body: unknown): { message?: string; code?: string } {
  const error = (
    body as
      | { error?: { code?: string; message?: string; errors?: Array<{ detail?: string; code?: string }> } }
      | undefined
  )?.error;
  if (!error) return {};
  const detail = error.errors
    ?.map((e) => e.detail)
    .filter(Boolean)
    .join("; ");
  return {
    message: [error.message, detail].filter(Boolean).join(": ") || undefined,
    code: error.errors?.[0]?.code ?? error.code,
  };
}

const poundsFromGrams = (grams: number) => Math.max(0.01, Math.ceil((grams / 453.59237) * 100) / 100);
const inchesFromMm = (mm: number) => Math.max(0.1, Math.ceil((mm / 25.4) * 10) / 10);

function names(address: CarrierAddress) {
  const [first = "", ...rest] = address.name.trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(" ") || first };
}

function domesticAddress(address: CarrierAddress) {
  const [zip5 = "", plus4] = (address.postalCode ?? "").split("-");
  return {
    ...names(address),
    ...(address.company ? { firm: address.company } : {}),
    streetAddress: address.lines[0] ?? "",
    ...(address.lines[1] ? { secondaryAddress: address.lines[1] } : {}),
    city: address.city,
    state: address.state ?? "",
    ZIPCode: zip5,
    ...(plus4 ? { ZIPPlus4: plus4 } : {}),
    ...(address.phone ? { phone: address.phone.replace(/[^\d]/g, "").slice(-10) } : {}),
    ...(address.email ? { email: address.email } : {}),
  };
}

function internationalAddress(address: CarrierAddress) {
  return {
    ...names(address),
    ...(address.company ? { firm: address.company } : {}),
    streetAddress: address.lines[0] ?? "",
    ...(address.lines[1] ? { secondaryAddress: address.lines[1] } : {}),
    city: address.city,
    ...(address.state ? { province: address.state } : {}),
    postalCode: address.postalCode ?? "",
    countryISOAlpha2Code: address.country,
    ...(address.phone ? { phone: address.phone } : {}),
    ...(address.email ? { email: address.email } : {}),
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  merchandise: "MERCHANDISE",
  gift: "GIFT",
  documents: "DOCUMENTS",
  sample: "SAMPLE",
  return: "RETURN",
};

export function uspsLabelBody(request: CreateShipmentRequest) {
  const service = MAIL_CLASSES[request.service];
  if (!service) throw new CarrierError(`usps: no USPS mail class for ${request.service}`, { carrier: CARRIER });
  if (request.parcels.length !== 1) {
    throw new CarrierError("usps: one label per parcel; create one shipment per parcel", { carrier: CARRIER });
  }
  const parcel = request.parcels[0]!;
  const customs = request.customs;
  const packageDescription = {
    mailClass: service.mailClass,
    rateIndicator: "SP",
    weightUOM: "lb",
    weight: poundsFromGrams(parcel.weightGrams),
    dimensionsUOM: "in",
    length: inchesFromMm(parcel.dimensionsMm.length),
    width: inchesFromMm(parcel.dimensionsMm.width),
    height: inchesFromMm(parcel.dimensionsMm.height),
    processingCategory: "MACHINABLE",
    mailingDate: request.shipDate ?? todayUtc(),
    destinationEntryFacilityType: "NONE",
    customerReference: [{ referenceNumber: request.reference.slice(0, 30), printReferenceNumber: true }],
  };
  const imageInfo = {
    imageType: request.labelFormat === "zpl" ? "ZPL203DPI" : "PDF",
    labelType: "4X6LABEL",
    receiptOption: "NONE",
  };
  if (!service.international) {
    return {
      international: false,
      body: {
        imageInfo,
        toAddress: domesticAddress(request.recipient),
        fromAddress: domesticAddress(request.shipper),
        packageDescription,
      },
    };
  }
  if (!customs) throw new CarrierError("usps: an international label needs customs contents", { carrier: CARRIER });
  return {
    international: true,
    body: {
      imageInfo,
      toAddress: internationalAddress(request.recipient),
      fromAddress: domesticAddress(request.shipper),
      senderAddress: domesticAddress(request.shipper),
      packageDescription,
      customsForm: {
        customsContentType: CONTENT_TYPES[customs.contents],
        ...(customs.invoiceNumber ? { invoiceNumber: customs.invoiceNumber } : {}),
        AESITN: "NO EEI 30.37(a)",
        contents: customs.items.map((item) => ({
          itemDescription: item.description.slice(0, 30),
          itemQuantity: item.quantity,
          itemValue: minorToDecimal(item.unitValue, customs.currency),
          itemTotalValue: minorToDecimal(item.unitValue * item.quantity, customs.currency),
          weightUOM: "lb",
          itemWeight: poundsFromGrams(item.weightGrams),
          itemTotalWeight: poundsFromGrams(item.weightGrams * item.quantity),
          HSTariffNumber: item.hsCode,
          countryofOrigin: item.originCountry,
        })),
      },
    },
  };
}

interface UspsLabelResponse {
  labelMetadata?: { trackingNumber?: string; internationalTrackingNumber?: string; postage?: number; SKU?: string };
  labelImage?: string;
}

interface UspsTrackingEvent {
  eventType?: string;
  eventTimestamp?: string;
  GMTTimestamp?: string;
  GMTOffset?: string;
  eventCountry?: string | null;
  eventCity?: string | null;
  eventCode?: string;
}

export function uspsTrackingEvents(trackingNumber: string, events: readonly UspsTrackingEvent[]): TrackingEvent[] {
  return events.map((event) => {
    const occurredAt = event.GMTTimestamp
      ? carrierDateTimeToUtc(event.GMTTimestamp.endsWith("Z") ? event.GMTTimestamp : `${event.GMTTimestamp}Z`)
      : carrierDateTimeToUtc(event.eventTimestamp ?? "", event.GMTOffset);
    return trackingEventFrom(
      CARRIER,
      trackingNumber,
      normalizeTrackingCode(CARRIER, event.eventCode ?? "", event.eventType),
      {
        code: event.eventCode ?? "",
        description: event.eventType,
        occurredAt,
        location: { city: cityName(event.eventCity ?? undefined), country: event.eventCountry ?? undefined },
        raw: event,
      },
    );
  });
}

/** International labels carry S10 numbers (LZ123456789US); domestic ones the 20-22 digit IMpb. */
const isInternationalNumber = (trackingNumber: string) => /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(trackingNumber);

export function createUspsAdapter(options: CarrierTransportOptions = {}): CarrierAdapter<UspsCredentials> {
  const http = createCarrierHttp(CARRIER, USPS_TEST_URL, options);
  const tokens = new TokenCache(options.now);
  const paymentTokens = new TokenCache(options.now);
  const fail = (what: string, response: CarrierResponse) => carrierFailure(CARRIER, what, response, describeError);

  const issueToken = (credentials: UspsCredentials) => async () => {
    const response = await http.request("POST", "/oauth2/v3/token", {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }),
    });
    if (response.status !== 200) throw fail("OAuth token", response);
    const body = response.body as { access_token: string; expires_in: number | string };
    return { accessToken: body.access_token, expiresInSeconds: Number(body.expires_in) };
  };

  const call = (
    credentials: UspsCredentials,
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; query?: Record<string, string> } = {},
  ) =>
    withBearerToken(tokens, credentials.clientId, issueToken(credentials), (token) =>
      http.request(method, path, {
        query: init.query,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );

  const paymentToken = (credentials: UspsCredentials) =>
    paymentTokens.get(credentials.clientId, async () => {
      const role = (roleName: string) => ({
        roleName,
        CRID: credentials.crid,
        MID: credentials.mid,
        manifestMID: credentials.manifestMid ?? credentials.mid,
        accountType: "EPS",
        accountNumber: credentials.epsAccountNumber,
      });
      const response = await call(credentials, "POST", "/payments/v3/payment-authorization", {
        body: { roles: [role("PAYER"), role("LABEL_OWNER")] },
      });
      if (response.status !== 200) throw fail("payment authorization", response);
      return {
        accessToken: (response.body as { paymentAuthorizationToken: string }).paymentAuthorizationToken,
        expiresInSeconds: PAYMENT_TOKEN_SECONDS,
      };
    });

  return {
    carrier: CARRIER,
    name: "USPS",

    async createShipment(credentials, request) {
      const { international, body } = uspsLabelBody(request);
      const path = international ? "/international-labels/v3/international-label" : "/labels/v3/label";
      const label = async () =>
        call(credentials, "POST", path, {
          body,
          headers: {
            "X-Payment-Authorization-Token": await paymentToken(credentials),
            Accept: "application/vnd.usps.labels+json",
          },
        });
      let response = await label();
      if (response.status === 401 || response.status === 403) {
        // The payment authorization expired or was revoked before its eight hours.
        paymentTokens.invalidate(credentials.clientId);
        response = await label();
      }
      if (response.status !== 200) throw fail("create label", response);
      const result = response.body as UspsLabelResponse;
      const trackingNumber = result.labelMetadata?.internationalTrackingNumber ?? result.labelMetadata?.trackingNumber;
      if (!trackingNumber)
        throw new CarrierError("usps: label answered without a tracking number", { carrier: CARRIER });
      return {
        carrier: CARRIER,
        trackingNumber,
        carrierShipmentId: trackingNumber,
        parcelTrackingNumbers: [trackingNumber],
        label: result.labelImage
          ? { format: request.labelFormat === "zpl" ? "zpl" : "pdf", bytes: base64ToBytes(result.labelImage) }
          : null,
        ...(result.labelMetadata?.postage !== undefined
          ? { charges: { amount: decimalToMinor(result.labelMetadata.postage, "USD"), currency: "USD" } }
          : {}),
      };
    },

    /** A label that has not entered the mail stream is cancelled for a postage refund. */
    async cancelShipment(credentials, shipment) {
      const number = shipment.carrierShipmentId ?? shipment.trackingNumber;
      const path = isInternationalNumber(number)
        ? `/international-labels/v3/international-label/${encodeURIComponent(number)}`
        : `/labels/v3/label/${encodeURIComponent(number)}`;
      const response = await call(credentials, "DELETE", path, {
        headers: { "X-Payment-Authorization-Token": await paymentToken(credentials) },
      });
      if (response.status !== 200) throw fail(`cancel label ${number}`, response);
      const status = (response.body as { status?: string } | undefined)?.status;
      return { cancelled: true, detail: status };
    },

    async track(credentials, shipments) {
      const events: TrackingEvent[] = [];
      for (const { trackingNumber } of toTrackingQueries(shipments)) {
        const response = await call(credentials, "GET", `/tracking/v3/tracking/${encodeURIComponent(trackingNumber)}`, {
          query: { expand: "DETAIL" },
        });
        if (response.status === 404) continue;
        if (response.status !== 200) throw fail(`track ${trackingNumber}`, response);
        const body = response.body as { trackingNumber?: string; trackingEvents?: UspsTrackingEvent[] };
        events.push(...uspsTrackingEvents(body.trackingNumber ?? trackingNumber, body.trackingEvents ?? []));
      }
      return sortTrackingEvents(events);
    },
  };
}
