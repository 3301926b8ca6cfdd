import { describe, expect, it } from "vitest";
import { createPortalToken, readPortalToken } from "./portal-link";

describe("portal links", () => {
  it("round-trips and refuses tampering, another secret and expiry", () => {
    const token = createPortalToken({ tenantId: "ten_1", orderId: "ord_1" }, "s3cret");
    expect(readPortalToken(token, "s3cret")).toEqual({ tenantId: "ten_1", orderId: "ord_1" });
    expect(readPortalToken(token, "other")).toBeNull();
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ t: "ten_2", o: "ord_1", exp: 9e9 })).toString("base64url");
    expect(readPortalToken(`${forged}.${sig}`, "s3cret")).toBeNull();
    expect(readPortalToken(`${body}.${sig}x`, "s3cret")).toBeNull();
    const old = createPortalToken({ tenantId: "t", orderId: "o" }, "s3cret", { now: 0, ttlDays: 1 });
    expect(readPortalToken(old, "s3cret")).toBeNull();
    expect(readPortalToken(undefined, "s3cret")).toBeNull();
  });
});
