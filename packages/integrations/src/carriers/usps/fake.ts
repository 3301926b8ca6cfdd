import { type FakeCarrierServer, type FakeRequest, FakeTokenIssuer } from "../testing/fake-carrier-server";
import cancelResponse from "./fixtures/cancel-response.json" with { type: "json" };
import notFound from "./fixtures/error-not-found.json" with { type: "json" };
import unauthorized from "./fixtures/error-unauthorized.json" with { type: "json" };
import validationError from "./fixtures/error-validation.json" with { type: "json" };
import internationalLabel from "./fixtures/international-label-response.json" with { type: "json" };
import labelResponse from "./fixtures/label-response.json" with { type: "json" };
import oauthToken from "./fixtures/oauth-token.json" with { type: "json" };
import paymentAuthorization from "./fixtures/payment-authorization.json" with { type: "json" };
import trackingResponse from "./fixtures/tracking-response.json" with { type: "json" };

export interface FakeUspsOptions {
  clientId: string;
  clientSecret: string;
  crid: string;
  epsAccountNumber: string;
}

interface LabelBody {
  imageInfo?: { imageType?: string };
  toAddress?: { ZIPCode?: string; postalCode?: string; countryISOAlpha2Code?: string; streetAddress?: string };
  fromAddress?: { ZIPCode?: string };
  packageDescription?: { mailClass?: string; weight?: number; mailingDate?: string };
  customsForm?: { contents?: unknown[] };
}

/** USPS OAuth, Payments, Labels, International Labels and Tracking APIs on the fake server. */
export function installFakeUsps(
  server: FakeCarrierServer,
  options: FakeUspsOptions,
): { tokens: FakeTokenIssuer; paymentTokens: FakeTokenIssuer } {
  const tokens = new FakeTokenIssuer("usps");
  const paymentTokens = new FakeTokenIssuer("usps-payment");
  const authorized = (request: FakeRequest) => tokens.accepts(request.headers.authorization);
  const paid = (request: FakeRequest) =>
    paymentTokens.accepts(`Bearer ${request.headers["x-payment-authorization-token"] ?? ""}`);

  server.route("POST", "/oauth2/v3/token", (request) => {
    const body = request.json<{ grant_type?: string; client_id?: string; client_secret?: string }>();
    const ok =
      body.grant_type === "client_credentials" &&
      body.client_id === options.clientId &&
      body.client_secret === options.clientSecret;
    return ok
      ? { body: { ...oauthToken, client_id: options.clientId, access_token: tokens.issue() } }
      : { status: 401, body: unauthorized };
  });
  server.route("POST", "/payments/v3/payment-authorization", (request) => {
    if (!authorized(request)) return { status: 401, body: unauthorized };
    const roles =
      request.json<{ roles?: Array<{ roleName?: string; CRID?: string; accountNumber?: string }> }>().roles ?? [];
    const ok = ["PAYER", "LABEL_OWNER"].every((name) =>
      roles.some((r) => r.roleName === name && r.CRID === options.crid && r.accountNumber === options.epsAccountNumber),
    );
    return ok
      ? { body: { ...paymentAuthorization, paymentAuthorizationToken: paymentTokens.issue() } }
      : { status: 400, body: validationError };
  });
  const label = (international: boolean) => (request: FakeRequest) => {
    if (!authorized(request)) return { status: 401, body: unauthorized };
    if (!paid(request)) return { status: 403, body: unauthorized };
    const body = request.json<LabelBody>();
    const ok =
      !!body.imageInfo?.imageType &&
      !!body.packageDescription?.mailClass &&
      Number(body.packageDescription.weight) > 0 &&
      /^\d{4}-\d{2}-\d{2}$/.test(body.packageDescription.mailingDate ?? "") &&
      !!body.toAddress?.streetAddress &&
      (international
        ? !!body.toAddress.countryISOAlpha2Code && !!body.customsForm?.contents?.length
        : !!body.toAddress.ZIPCode);
    if (!ok) return { status: 400, body: validationError };
    return { body: international ? internationalLabel : labelResponse };
  };
  server.route("POST", "/labels/v3/label", label(false));
  server.route("POST", "/international-labels/v3/international-label", label(true));
  server.route(
    "DELETE",
    /^\/(?:international-)?labels\/v3\/(?:international-)?label\/([^/]+)$/,
    (request, [number]) => {
      if (!authorized(request)) return { status: 401, body: unauthorized };
      if (!paid(request)) return { status: 403, body: unauthorized };
      return { body: { ...cancelResponse, trackingNumber: number } };
    },
  );
  server.route("GET", /^\/tracking\/v3\/tracking\/([^/]+)$/, (request, [number]) => {
    if (!authorized(request)) return { status: 401, body: unauthorized };
    if (request.query.get("expand") !== "DETAIL") return { status: 400, body: validationError };
    return number === trackingResponse.trackingNumber ? { body: trackingResponse } : { status: 404, body: notFound };
  });
  return { tokens, paymentTokens };
}
