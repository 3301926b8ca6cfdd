import { normalizeUpsActivity, sortTrackingEvents, type TrackingEvent } from "@crossflow/domain";
import { cityName, gramsToKg, mmToCm, trackingEventFrom } from "../events";
import { base64ToBytes, type CarrierResponse, carrierFailure, createCarrierHttp } from "../http";
import { TokenCache, withBearerToken } from "../oauth";
import { decimalToMinor, localToUtcIso, minorToDecimal, todayUtc } from "../time";
import {
  type CarrierAdapter,
  type CarrierAddress,
  CarrierError,
  type CarrierTransportOptions,
  type CreateShipmentRequest,
  type LabelFormat,
  toTrackingQueries,
} from "../types";
import { headerValue, rawBodyText, sharedSecretMatches } from "../webhook";

export const UPS_PRODUCTION_URL = "https://onlinetools.ups.com";
export const UPS_TEST_URL = "https://wwwcie.ups.com";
/** Track Alert sends the credential given at subscription time in this header. */
export const UPS_WEBHOOK_HEADER = "credential";
const SHIPPING_VERSION = "v2409";

export interface UpsCredentials {
  clientId: string;
  clientSecret: string;
  /** The six-character UPS shipper number, billed for transport (and duties when DDP). */
  accountNumber: string;
}

const CARRIER = "ups";

/** Rate card service → UPS service code. */
const SERVICES: Readonly<Record<string, { code: string; description: string }>> = {
  worldwide_saver: { code: "65", description: "UPS Worldwide Saver" },
  worldwide_expedited: { code: "08", description: "UPS Worldwide Expedited" },
  worldwide_express: { code: "07", description: "UPS Worldwide Express" },
  standard: { code: "11", description: "UPS Standard" },
  ground: { code: "03", description: "UPS Ground" },
};

function describeError(body: unknown): { message?: string; code?: string } {
  const errors = (body as { response?: { errors?: Array<{ code?: string; message?: string }> } } | undefined)?.response
    ?.errors;
  const first = errors?.[0];
  return first ? { message: first.message, code: first.code } : {};
}

function address(party: CarrierAddress) {
  return {
    AddressLine: party.lines.slice(0, 3),
    City: party.city,
    ...(party.state ? { StateProvinceCode: party.state } : {}),
    ...(party.postalCode ? { PostalCode: party.postalCode } : {}),
    CountryCode: party.country,
  };
}

function contact(party: CarrierAddress) {
  return {
    Name: (party.company ?? party.name).slice(0, 35),
    AttentionName: party.name.slice(0, 35),
    ...(party.phone ? { Phone: { Number: party.phone.replace(/[^\d+]/g, "") } } : {}),
    ...(party.email ? { EMailAddress: party.email } : {}),
    Address: address(party),
  };
}

const EXPORT_REASONS: Readonly<Record<string, string>> = {
  merchandise: "SALE",
  gift: "GIFT",
  documents: "SALE",
  sample: "SAMPLE",
  return: "RETURN",
};

export function upsShipmentBody(credentials: UpsCredentials, request: CreateShipmentRequest) {
  const service = SERVICES[request.service];
  if (!service) throw new CarrierError(`ups: no UPS service for ${request.service}`, { carrier: CARRIER });
  const bill = { AccountNumber: credentials.accountNumber };
  const customs = request.customs;
  const international = request.shipper.country !== request.recipient.country;
  const shipDate = (request.shipDate ?? todayUtc()).replaceAll("-", "");
  return {
    ShipmentRequest: {
      Request: { RequestOption: "nonvalidate", TransactionReference: { CustomerContext: request.reference } },
      Shipment: {
        Description: (customs?.items.map((i) => i.description).join(", ") || "Merchandise").slice(0, 50),
        Shipper: { ...contact(request.shipper), ShipperNumber: credentials.accountNumber },
        ShipFrom: contact(request.shipper),
        ShipTo: contact(request.recipient),
        PaymentInformation: {
          ShipmentCharge: [
            { Type: "01", BillShipper: bill },
            ...(customs?.incoterm === "DDP" ? [{ Type: "02", BillShipper: bill }] : []),
          ],
        },
        Service: { Code: service.code, Description: service.description },
        ReferenceNumber: { Value: request.reference.slice(0, 35) },
        Package: request.parcels.map((parcel) => ({
          Packaging: { Code: "02", Description: "Customer Supplied Package" },
          Dimensions: {
            UnitOfMeasurement: { Code: "CM" },
            Length: String(mmToCm(parcel.dimensionsMm.length)),
            Width: String(mmToCm(parcel.dimensionsMm.width)),
            Height: String(mmToCm(parcel.dimensionsMm.height)),
          },
          PackageWeight: { UnitOfMeasurement: { Code: "KGS" }, Weight: String(gramsToKg(parcel.weightGrams)) },
        })),
        ...(customs && international
          ? {
              ShipmentServiceOptions: {
                InternationalForms: {
                  FormType: "01",
                  InvoiceNumber: customs.invoiceNumber ?? request.reference,
                  InvoiceDate: shipDate,
                  ReasonForExport: EXPORT_REASONS[customs.contents],
                  CurrencyCode: customs.currency,
                  TermsOfShipment: customs.incoterm,
                  Product: customs.items.map((item) => ({
                    Description: [item.description.slice(0, 35)],
                    Unit: {
                      Number: String(item.quantity),
                      Value: String(minorToDecimal(item.unitValue, customs.currency)),
                      UnitOfMeasurement: { Code: "PCS" },
                    },
                    CommodityCode: item.hsCode,
                    OriginCountryCode: item.originCountry,
                    ...(item.sku ? { PartNumber: item.sku } : {}),
                  })),
                },
              },
            }
          : {}),
      },
      LabelSpecification:
        request.labelFormat === "zpl"
          ? { LabelImageFormat: { Code: "ZPL" }, LabelStockSize: { Height: "6", Width: "4" } }
          : { LabelImageFormat: { Code: "GIF" }, HTTPUserAgent: "Mozilla/4.5" },
    },
  };
}

interface UpsPackageResult {
  TrackingNumber: string;
  ShippingLabel?: { ImageFormat?: { Code?: string }; GraphicImage?: string };
}

interface UpsShipmentResponse {
  ShipmentResponse?: {
    ShipmentResults?: {
      ShipmentIdentificationNumber: string;
      ShipmentCharges?: { TotalCharges?: { CurrencyCode: string; MonetaryValue: string } };
      NegotiatedRateCharges?: { TotalCharge?: { CurrencyCode: string; MonetaryValue: string } };
      PackageResults?: UpsPackageResult | UpsPackageResult[];
    };
  };
}

interface UpsActivity {
  location?: { address?: { city?: string; stateProvince?: string; countryCode?: string; country?: string } };
  status?: { type?: string; description?: string; code?: string; statusCode?: string };
  date?: string;
  time?: string;
  gmtDate?: string;
  gmtTime?: string;
  gmtOffset?: string;
}

interface UpsTrackResponse {
  trackResponse?: {
    shipment?: Array<{
      package?: Array<{ trackingNumber: string; activity?: UpsActivity[] }>;
      warnings?: Array<{ code?: string; message?: string }>;
    }>;
  };
}

export function upsActivityEvents(trackingNumber: string, activities: readonly UpsActivity[]): TrackingEvent[] {
  return activities.map((activity) => {
    const status = activity.status ?? {};
    const occurredAt =
      activity.gmtDate && activity.gmtTime
        ? localToUtcIso(activity.gmtDate, activity.gmtTime, "+00:00")
        : localToUtcIso(activity.date ?? "", activity.time ?? "000000", activity.gmtOffset);
    const where = activity.location?.address;
    return trackingEventFrom(CARRIER, trackingNumber, normalizeUpsActivity(status), {
      code: status.code ?? status.statusCode ?? status.type ?? "",
      description: status.description,
      occurredAt,
      location: { city: cityName(where?.city), country: where?.countryCode ?? where?.country },
      raw: activity,
    });
  });
}

/** One Track Alert notification (a single activity of a single package). */
export interface UpsTrackAlert {
  trackingNumber: string;
  localActivityDate?: string;
  localActivityTime?: string;
  gmtActivityDate?: string;
  gmtActivityTime?: string;
  activityLocation?: { city?: string; stateProvince?: string; postalCode?: string; country?: string };
  activityStatus?: { type?: string; code?: string; description?: string };
}

export function upsTrackAlertEvents(alert: UpsTrackAlert): TrackingEvent[] {
  const status = alert.activityStatus ?? {};
  const occurredAt =
    alert.gmtActivityDate && alert.gmtActivityTime
      ? localToUtcIso(alert.gmtActivityDate, alert.gmtActivityTime, "+00:00")
      : localToUtcIso(alert.localActivityDate ?? "", alert.localActivityTime ?? "000000", undefined);
  return [
    trackingEventFrom(CARRIER, alert.trackingNumber, normalizeUpsActivity(status), {
      code: status.code ?? status.type ?? "",
      description: status.description,
      occurredAt,
      location: { city: cityName(alert.activityLocation?.city), country: alert.activityLocation?.country },
      raw: alert,
    }),
  ];
}

export function createUpsAdapter(options: CarrierTransportOptions = {}): CarrierAdapter<UpsCredentials> {
  const http = createCarrierHttp(CARRIER, UPS_TEST_URL, options);
  const tokens = new TokenCache(options.now);
  const fail = (what: string, response: CarrierResponse) => carrierFailure(CARRIER, what, response, describeError);

  const issueToken = (credentials: UpsCredentials) => async () => {
    const response = await http.request("POST", "/security/v1/oauth/token", {
      headers: {
        Authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
        "x-merchant-id": credentials.accountNumber,
      },
      body: new URLSearchParams({ grant_type: "client_credentials" }).toString(),
    });
    if (response.status !== 200) throw fail("OAuth token", response);
    const body = response.body as { access_token: string; expires_in: string | number };
    return { accessToken: body.access_token, expiresInSeconds: Number(body.expires_in) };
  };

  const call = (
    credentials: UpsCredentials,
    method: string,
    path: string,
    init: { body?: string; query?: Record<string, string> } = {},
  ) =>
    withBearerToken(tokens, credentials.clientId, issueToken(credentials), (token) =>
      http.request(method, path, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          transId: crypto.randomUUID().replaceAll("-", "").slice(0, 32),
          transactionSrc: "crossflow",
          ...(init.body ? { "Content-Type": "application/json" } : {}),
        },
      }),
    );

  return {
    carrier: CARRIER,
    name: "UPS",
    webhookSignatureHeader: UPS_WEBHOOK_HEADER,

    async createShipment(credentials, request) {
      const response = await call(credentials, "POST", `/api/shipments/${SHIPPING_VERSION}/ship`, {
        body: JSON.stringify(upsShipmentBody(credentials, request)),
      });
      if (response.status !== 200) throw fail("ship", response);
      const results = (response.body as UpsShipmentResponse).ShipmentResponse?.ShipmentResults;
      if (!results) throw new CarrierError("ups: ship answered without ShipmentResults", { carrier: CARRIER });
      const packages = Array.isArray(results.PackageResults)
        ? results.PackageResults
        : results.PackageResults
          ? [results.PackageResults]
          : [];
      const first = packages[0];
      const image = first?.ShippingLabel?.GraphicImage;
      const charge = results.NegotiatedRateCharges?.TotalCharge ?? results.ShipmentCharges?.TotalCharges;
      return {
        carrier: CARRIER,
        trackingNumber: first?.TrackingNumber ?? results.ShipmentIdentificationNumber,
        carrierShipmentId: results.ShipmentIdentificationNumber,
        parcelTrackingNumbers: packages.map((p) => p.TrackingNumber),
        label: image
          ? {
              format: (first?.ShippingLabel?.ImageFormat?.Code ?? "GIF").toLowerCase() as LabelFormat,
              bytes: base64ToBytes(image),
            }
          : null,
        ...(charge
          ? {
              charges: {
                amount: decimalToMinor(charge.MonetaryValue, charge.CurrencyCode),
                currency: charge.CurrencyCode,
              },
            }
          : {}),
      };
    },

    async cancelShipment(credentials, shipment) {
      const id = shipment.carrierShipmentId ?? shipment.trackingNumber;
      const response = await call(
        credentials,
        "DELETE",
        `/api/shipments/${SHIPPING_VERSION}/void/cancel/${encodeURIComponent(id)}`,
      );
      if (response.status !== 200) throw fail(`void ${id}`, response);
      const status = (
        response.body as {
          VoidShipmentResponse?: { SummaryResult?: { Status?: { Code?: string; Description?: string } } };
        }
      ).VoidShipmentResponse?.SummaryResult?.Status;
      return { cancelled: status?.Code === "1", detail: status?.Description };
    },

    async track(credentials, shipments) {
      const events: TrackingEvent[] = [];
      for (const { trackingNumber } of toTrackingQueries(shipments)) {
        const response = await call(credentials, "GET", `/api/track/v1/details/${encodeURIComponent(trackingNumber)}`, {
          query: { locale: "en_US", returnSignature: "false", returnMilestones: "false", returnPOD: "false" },
        });
        if (response.status === 404) continue;
        if (response.status !== 200) throw fail(`track ${trackingNumber}`, response);
        for (const shipment of (response.body as UpsTrackResponse).trackResponse?.shipment ?? []) {
          for (const pkg of shipment.package ?? [])
            events.push(...upsActivityEvents(pkg.trackingNumber, pkg.activity ?? []));
        }
      }
      return sortTrackingEvents(events);
    },

    verifyWebhook({ headers, secret }) {
      return sharedSecretMatches(headerValue(headers, UPS_WEBHOOK_HEADER), secret);
    },

    parseWebhook(rawBody) {
      const body = JSON.parse(rawBodyText(rawBody)) as UpsTrackAlert | UpsTrackAlert[];
      return sortTrackingEvents((Array.isArray(body) ? body : [body]).flatMap(upsTrackAlertEvents));
    },
  };
}
