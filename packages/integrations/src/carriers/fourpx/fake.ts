import type { FakeCarrierServer, FakeReply } from "../testing/fake-carrier-server";
import { fourPxSign } from "./adapter";
import signError from "./fixtures/error-sign.json" with { type: "json" };
import validationError from "./fixtures/error-validation.json" with { type: "json" };
import labelResponse from "./fixtures/label-get-response.json" with { type: "json" };
import cancelResponse from "./fixtures/order-cancel-response.json" with { type: "json" };
import createResponse from "./fixtures/order-create-response.json" with { type: "json" };
import trackingResponse from "./fixtures/tracking-response.json" with { type: "json" };

export interface FakeFourPxOptions {
  appKey: string;
  appSecret: string;
}

export const FAKE_FOURPX_LABEL = new TextEncoder().encode("%PDF-1.4\n% 4PX label 4PX3001234567890CN\n%%EOF\n");

interface OrderBody {
  ref_no?: string;
  logistics_service_info?: { logistics_product_code?: string };
  parcel_list?: Array<{ weight?: number; declare_product_info?: Array<{ hscode_export?: string }> }>;
  sender?: { country?: string };
  recipient_info?: { country?: string; post_code?: string; city?: string };
}

/** 4PX open platform on the fake server: every call's MD5 signature checked, then dispatched on `method`. */
export function installFakeFourPx(server: FakeCarrierServer, options: FakeFourPxOptions): void {
  server.route("POST", "/router/api/service", (request): FakeReply => {
    const q = request.query;
    const method = q.get("method") ?? "";
    const expected = fourPxSign(
      { appKey: q.get("app_key") ?? "", method, timestamp: q.get("timestamp") ?? "", v: q.get("v") ?? "" },
      request.body,
      options.appSecret,
    );
    if (q.get("app_key") !== options.appKey || q.get("format") !== "json" || q.get("sign") !== expected)
      return { body: signError };
    switch (method) {
      case "ds.xms.order.create": {
        const body = request.json<OrderBody>();
        const parcel = body.parcel_list?.[0];
        const ok =
          body.ref_no &&
          body.logistics_service_info?.logistics_product_code &&
          Number(parcel?.weight) > 0 &&
          parcel?.declare_product_info?.every((p) => p.hscode_export) &&
          body.recipient_info?.post_code &&
          body.recipient_info.city;
        return { body: ok ? createResponse : validationError };
      }
      case "ds.xms.label.get": {
        const no = request.json<{ request_no?: string }>().request_no;
        if (no !== createResponse.data.ds_consignment_no) return { body: validationError };
        return {
          body: {
            ...labelResponse,
            data: { ...labelResponse.data, label_url_info: { logistics_label: `${server.url}/label/${no}.pdf` } },
          },
        };
      }
      case "ds.xms.order.cancel":
        return { body: request.json<{ request_no?: string }>().request_no ? cancelResponse : validationError };
      case "tr.order.tracking.get": {
        const no = request.json<{ deliveryOrderNo?: string }>().deliveryOrderNo;
        const known = JSON.parse(trackingResponse.data).deliveryOrderNo === no;
        return { body: known ? trackingResponse : { ...trackingResponse, data: null } };
      }
      default:
        return { status: 500, body: "ApiException: API接口不存在" };
    }
  });
  server.route("GET", /^\/label\/([^/]+)\.pdf$/, () => ({
    headers: { "content-type": "application/pdf" },
    body: FAKE_FOURPX_LABEL,
  }));
}
