import type { FakeCarrierServer, FakeReply } from "../testing/fake-carrier-server";
import { yanwenSign } from "./adapter";
import cancelResponse from "./fixtures/cancel-response.json" with { type: "json" };
import signError from "./fixtures/error-sign.json" with { type: "json" };
import validationError from "./fixtures/error-validation.json" with { type: "json" };
import labelResponse from "./fixtures/label-response.json" with { type: "json" };
import createResponse from "./fixtures/order-create-response.json" with { type: "json" };
import trackingResponse from "./fixtures/tracking-response.json" with { type: "json" };

export interface FakeYanwenOptions {
  userId: string;
  apiToken: string;
}

interface OrderBody {
  channelId?: string;
  orderNumber?: string;
  receiverInfo?: { country?: string; zipCode?: string; city?: string; address?: string };
  parcelInfo?: { productList?: Array<{ hscode?: string }>; totalWeight?: string; currency?: string };
}

/** Yanwen's order API (MD5-signed) and tracking API (Authorization: customer number) on the fake server. */
export function installFakeYanwen(server: FakeCarrierServer, options: FakeYanwenOptions): void {
  server.route("POST", "/api/order", (request): FakeReply => {
    const q = request.query;
    const method = q.get("method") ?? "";
    const expected = yanwenSign(
      {
        userId: q.get("user_id") ?? "",
        data: request.body,
        method,
        timestamp: q.get("timestamp") ?? "",
        version: q.get("version") ?? "",
      },
      options.apiToken,
    );
    if (q.get("user_id") !== options.userId || q.get("format") !== "json" || q.get("sign") !== expected)
      return { body: signError };
    switch (method) {
      case "express.order.create": {
        const body = request.json<OrderBody>();
        const ok =
          body.channelId &&
          body.orderNumber &&
          body.receiverInfo?.zipCode &&
          body.receiverInfo.address &&
          Number(body.parcelInfo?.totalWeight) > 0 &&
          body.parcelInfo?.productList?.every((p) => p.hscode);
        return { body: ok ? createResponse : validationError };
      }
      case "express.order.label.get":
        return {
          body:
            request.json<{ waybillNumber?: string }>().waybillNumber === createResponse.data.waybillNumber
              ? labelResponse
              : validationError,
        };
      case "express.order.cancel":
        return { body: request.json<{ waybillNumber?: string }>().waybillNumber ? cancelResponse : validationError };
      default:
        return { body: { success: false, code: "404", message: "method not found", data: null } };
    }
  });
  server.route("GET", "/api/tracking", (request) => {
    if (request.headers.authorization !== options.userId)
      return { status: 401, body: { code: 401, message: "Unauthorized", result: [] } };
    const asked = (request.query.get("nums") ?? "").split(",").filter(Boolean);
    if (asked.length === 0 || asked.length > 30)
      return { body: { code: 400, message: "nums: 1 to 30 numbers", result: [] } };
    return {
      body: { ...trackingResponse, result: trackingResponse.result.filter((r) => asked.includes(r.tracking_number)) },
    };
  });
}
