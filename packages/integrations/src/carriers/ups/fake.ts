import { basicCredentials, type FakeCarrierServer, FakeTokenIssuer } from "../testing/fake-carrier-server";
import notFound from "./fixtures/error-not-found.json" with { type: "json" };
import unauthorized from "./fixtures/error-unauthorized.json" with { type: "json" };
import validationError from "./fixtures/error-validation.json" with { type: "json" };
import oauthToken from "./fixtures/oauth-token.json" with { type: "json" };
import shipResponse from "./fixtures/ship-response.json" with { type: "json" };
import trackResponse from "./fixtures/track-response.json" with { type: "json" };
import voidResponse from "./fixtures/void-response.json" with { type: "json" };

export interface FakeUpsOptions {
  clientId: string;
  clientSecret: string;
  accountNumber: string;
}

interface ShipBody {
  ShipmentRequest?: {
    Shipment?: {
      Shipper?: { ShipperNumber?: string; Address?: { CountryCode?: string } };
      ShipTo?: { Address?: { CountryCode?: string; City?: string } };
      Service?: { Code?: string };
      Package?: Array<{ PackageWeight?: { Weight?: string } }>;
      ShipmentServiceOptions?: { InternationalForms?: { Product?: unknown[] } };
    };
    LabelSpecification?: { LabelImageFormat?: { Code?: string } };
  };
}

function shipProblems(body: ShipBody, accountNumber: string): boolean {
  const shipment = body.ShipmentRequest?.Shipment;
  const international = shipment?.Shipper?.Address?.CountryCode !== shipment?.ShipTo?.Address?.CountryCode;
  return (
    shipment?.Shipper?.ShipperNumber !== accountNumber ||
    !shipment.Service?.Code ||
    !shipment.ShipTo?.Address?.City ||
    !shipment.Package?.length ||
    shipment.Package.some((p) => !(Number(p.PackageWeight?.Weight) > 0)) ||
    (international && !shipment.ShipmentServiceOptions?.InternationalForms?.Product?.length) ||
    !body.ShipmentRequest?.LabelSpecification?.LabelImageFormat?.Code
  );
}

/** UPS OAuth, Shipping and Tracking APIs on the fake server, with the recorded payloads in ./fixtures. */
export function installFakeUps(server: FakeCarrierServer, options: FakeUpsOptions): FakeTokenIssuer {
  const tokens = new FakeTokenIssuer("ups");
  server.route("POST", "/security/v1/oauth/token", (request) => {
    const credentials = basicCredentials(request.headers.authorization);
    const ok =
      credentials?.[0] === options.clientId &&
      credentials[1] === options.clientSecret &&
      request.form().get("grant_type") === "client_credentials" &&
      request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded");
    if (!ok) return { status: 401, body: unauthorized };
    return { body: { ...oauthToken, client_id: options.clientId, access_token: tokens.issue() } };
  });
  server.route("POST", "/api/shipments/v2409/ship", (request) => {
    if (!tokens.accepts(request.headers.authorization)) return { status: 401, body: unauthorized };
    if (shipProblems(request.json<ShipBody>(), options.accountNumber)) return { status: 400, body: validationError };
    return { body: shipResponse };
  });
  server.route("DELETE", /^\/api\/shipments\/v2409\/void\/cancel\/([^/]+)$/, (request, [id]) => {
    if (!tokens.accepts(request.headers.authorization)) return { status: 401, body: unauthorized };
    return id === shipResponse.ShipmentResponse.ShipmentResults.ShipmentIdentificationNumber
      ? { body: voidResponse }
      : {
          status: 400,
          body: {
            response: { errors: [{ code: "190117", message: "The Shipment Identification Number is invalid" }] },
          },
        };
  });
  server.route("GET", /^\/api\/track\/v1\/details\/([^/]+)$/, (request, [number]) => {
    if (!tokens.accepts(request.headers.authorization)) return { status: 401, body: unauthorized };
    if (!request.headers.transid || !request.headers.transactionsrc) return { status: 400, body: validationError };
    const known = trackResponse.trackResponse.shipment[0]!.inquiryNumber === number;
    return known ? { body: trackResponse } : { status: 404, body: notFound };
  });
  return tokens;
}
