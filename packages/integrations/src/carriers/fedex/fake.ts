import { type FakeCarrierServer, FakeTokenIssuer } from "../testing/fake-carrier-server";
import cancelResponse from "./fixtures/cancel-response.json" with { type: "json" };
import unauthorized from "./fixtures/error-unauthorized.json" with { type: "json" };
import validationError from "./fixtures/error-validation.json" with { type: "json" };
import oauthToken from "./fixtures/oauth-token.json" with { type: "json" };
import shipResponse from "./fixtures/ship-response.json" with { type: "json" };
import trackResponse from "./fixtures/track-response.json" with { type: "json" };

export interface FakeFedexOptions {
  clientId: string;
  clientSecret: string;
  accountNumber: string;
}

interface ShipBody {
  accountNumber?: { value?: string };
  labelResponseOptions?: string;
  requestedShipment?: {
    shipper?: { address?: { countryCode?: string } };
    recipients?: Array<{ address?: { countryCode?: string; city?: string } }>;
    serviceType?: string;
    labelSpecification?: { imageType?: string };
    requestedPackageLineItems?: Array<{ weight?: { value?: number } }>;
    customsClearanceDetail?: { commodities?: unknown[] };
  };
}

function shipValid(body: ShipBody, accountNumber: string): boolean {
  const shipment = body.requestedShipment;
  const international = shipment?.shipper?.address?.countryCode !== shipment?.recipients?.[0]?.address?.countryCode;
  return (
    body.accountNumber?.value === accountNumber &&
    body.labelResponseOptions === "LABEL" &&
    !!shipment?.serviceType &&
    !!shipment.recipients?.[0]?.address?.city &&
    !!shipment.labelSpecification?.imageType &&
    !!shipment.requestedPackageLineItems?.length &&
    shipment.requestedPackageLineItems.every((p) => Number(p.weight?.value) > 0) &&
    (!international || !!shipment.customsClearanceDetail?.commodities?.length)
  );
}

/** FedEx OAuth, Ship and Track APIs on the fake server, answering with ./fixtures. */
export function installFakeFedex(server: FakeCarrierServer, options: FakeFedexOptions): FakeTokenIssuer {
  const tokens = new FakeTokenIssuer("fedex");
  server.route("POST", "/oauth/token", (request) => {
    const form = request.form();
    const ok =
      form.get("grant_type") === "client_credentials" &&
      form.get("client_id") === options.clientId &&
      form.get("client_secret") === options.clientSecret;
    return ok ? { body: { ...oauthToken, access_token: tokens.issue() } } : { status: 401, body: unauthorized };
  });
  server.route("POST", "/ship/v1/shipments", (request) => {
    if (!tokens.accepts(request.headers.authorization)) return { status: 401, body: unauthorized };
    return shipValid(request.json<ShipBody>(), options.accountNumber)
      ? { body: shipResponse }
      : { status: 400, body: validationError };
  });
  server.route("PUT", "/ship/v1/shipments/cancel", (request) => {
    if (!tokens.accepts(request.headers.authorization)) return { status: 401, body: unauthorized };
    const body = request.json<{
      accountNumber?: { value?: string };
      trackingNumber?: string;
      deletionControl?: string;
    }>();
    const ok = body.accountNumber?.value === options.accountNumber && body.trackingNumber && body.deletionControl;
    return ok ? { body: cancelResponse } : { status: 400, body: validationError };
  });
  server.route("POST", "/track/v1/trackingnumbers", (request) => {
    if (!tokens.accepts(request.headers.authorization)) return { status: 401, body: unauthorized };
    const asked = request
      .json<{ trackingInfo?: Array<{ trackingNumberInfo?: { trackingNumber?: string } }> }>()
      .trackingInfo?.map((info) => info.trackingNumberInfo?.trackingNumber);
    if (!asked?.length || asked.length > 30) return { status: 400, body: validationError };
    const results = trackResponse.output.completeTrackResults.filter((r) => asked.includes(r.trackingNumber));
    return { body: { ...trackResponse, output: { completeTrackResults: results } } };
  });
  return tokens;
}
