import { basicCredentials, type FakeCarrierServer, type FakeRequest } from "../testing/fake-carrier-server";
import createShipmentResponse from "./fixtures/create-shipment-response.json" with { type: "json" };
import notFound from "./fixtures/error-not-found.json" with { type: "json" };
import unauthorized from "./fixtures/error-unauthorized.json" with { type: "json" };
import validationError from "./fixtures/error-validation.json" with { type: "json" };
import trackingResponse from "./fixtures/tracking-response.json" with { type: "json" };

export interface FakeDhlExpressOptions {
  username: string;
  password: string;
}

interface ShipmentBody {
  plannedShippingDateAndTime?: string;
  productCode?: string;
  accounts?: Array<{ typeCode: string; number: string }>;
  customerDetails?: {
    shipperDetails?: { postalAddress?: { countryCode?: string; cityName?: string } };
    receiverDetails?: { postalAddress?: { countryCode?: string; cityName?: string } };
  };
  content?: {
    packages?: Array<{ weight?: number; dimensions?: unknown }>;
    isCustomsDeclarable?: boolean;
    exportDeclaration?: { lineItems?: unknown[] };
  };
}

/** What MyDHL API rejects with 400: the fields every shipment needs. */
function shipmentProblems(body: ShipmentBody): string[] {
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}GMT[+-]\d{2}:\d{2}$/.test(body.plannedShippingDateAndTime ?? "")) {
    problems.push("plannedShippingDateAndTime");
  }
  if (!body.productCode) problems.push("productCode");
  if (!body.accounts?.some((a) => a.typeCode === "shipper" && a.number)) problems.push("accounts");
  for (const side of ["shipperDetails", "receiverDetails"] as const) {
    const address = body.customerDetails?.[side]?.postalAddress;
    if (!address?.countryCode || !address.cityName) problems.push(`customerDetails.${side}.postalAddress`);
  }
  if (!body.content?.packages?.length || body.content.packages.some((p) => !(Number(p.weight) > 0))) {
    problems.push("content.packages");
  }
  if (body.content?.isCustomsDeclarable && !body.content.exportDeclaration?.lineItems?.length) {
    problems.push("content.exportDeclaration.lineItems");
  }
  return problems;
}

/**
 * MyDHL API on the fake server: Basic auth on every call, the create-shipment body checked,
 * the recorded responses in ./fixtures returned.
 */
export function installFakeDhlExpress(server: FakeCarrierServer, options: FakeDhlExpressOptions): void {
  const authorized = (request: FakeRequest) => {
    const credentials = basicCredentials(request.headers.authorization);
    return credentials?.[0] === options.username && credentials[1] === options.password;
  };
  server.route("POST", "/shipments", (request) => {
    if (!authorized(request)) return { status: 401, body: unauthorized };
    const problems = shipmentProblems(request.json<ShipmentBody>());
    if (problems.length > 0) return { status: 400, body: { ...validationError, additionalDetails: problems } };
    return { status: 201, body: createShipmentResponse };
  });
  server.route("GET", /^\/shipments\/([^/]+)\/tracking$/, (request, [number]) => {
    if (!authorized(request)) return { status: 401, body: unauthorized };
    const shipment = trackingResponse.shipments.find((s) => s.shipmentTrackingNumber === number);
    return shipment ? { body: { shipments: [shipment] } } : { status: 404, body: notFound };
  });
  server.route("DELETE", /^\/pickups\/([^/]+)$/, (request) => {
    if (!authorized(request)) return { status: 401, body: unauthorized };
    if (!request.query.get("requestorName") || !request.query.get("reason"))
      return { status: 400, body: validationError };
    return { status: 200, body: {} };
  });
}
