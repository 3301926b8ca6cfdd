import { describe, expect, it } from "vitest";
import { formatAge } from "./age";
import { flashCookie, readOrderFlash } from "./flash.server";
import { acceptableCodes, canActOnOrders, formCodes, holdResolution, isProcessing, retryCodes } from "./holds";

describe("hold resolution", () => {
  it("lets a person accept judgement calls, also codes the console does not know yet", () => {
    expect(holdResolution("payment_not_confirmed")).toBe("accept");
    expect(holdResolution("unknown_sku")).toBe("accept");
    expect(holdResolution("some_future_check")).toBe("accept");
  });

  it("only retries holds that accepting cannot change", () => {
    expect(holdResolution("insufficient_stock")).toBe("retry");
    expect(holdResolution("no_carrier")).toBe("retry");
  });

  it("splits an order's holds into distinct acceptable and retry-only codes", () => {
    const holds = [
      { code: "unknown_sku", message: "a" },
      { code: "insufficient_stock", message: "b" },
      { code: "unknown_sku", message: "c" },
      { code: "risk_review", message: "d" },
    ];
    expect(acceptableCodes(holds)).toEqual(["unknown_sku", "risk_review"]);
    expect(retryCodes(holds)).toEqual(["insufficient_stock"]);
  });

  it("lets operators and up act, viewers only read", () => {
    for (const role of ["owner", "admin", "operator"] as const) expect(canActOnOrders(role)).toBe(true);
    expect(canActOnOrders("viewer")).toBe(false);
    expect(canActOnOrders(null)).toBe(false);
  });
});

describe("isProcessing", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  const order = (status: string, at: string) => ({
    status: status as "received",
    updatedAt: at,
    timeline: [{ at, status, message: null }],
  });

  it("is true while the pipeline moves a recently changed order on by itself", () => {
    expect(isProcessing(order("received", "2026-11-27T11:59:50Z"), now)).toBe(true);
    expect(isProcessing(order("screened", "2026-11-27T11:59:00Z"), now)).toBe(true);
  });

  it("is false for orders that wait for someone, and for stale ones (no endless refresh)", () => {
    expect(isProcessing(order("on_hold", "2026-11-27T11:59:50Z"), now)).toBe(false);
    expect(isProcessing(order("allocated", "2026-11-27T11:59:50Z"), now)).toBe(false);
    expect(isProcessing(order("received", "2026-11-27T11:50:00Z"), now)).toBe(false);
  });
});

describe("form values", () => {
  it("keeps distinct, short hold codes, at most as many as the API takes", () => {
    const form = new FormData();
    for (const code of ["a", "a", " b ", "", "x".repeat(65), ...Array.from({ length: 30 }, (_, i) => `c${i}`)])
      form.append("override", code);
    const codes = formCodes(form, "override");
    expect(codes.slice(0, 3)).toEqual(["a", "b", "c0"]);
    expect(codes).toHaveLength(20);
  });
});

describe("formatAge", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  it("uses the largest unit that reads naturally, localized", () => {
    expect(formatAge("2026-11-27T11:59:50Z", now, "en")).toBe("1 min");
    expect(formatAge("2026-11-27T11:48:00Z", now, "en")).toBe("12 min");
    expect(formatAge("2026-11-27T09:00:00Z", now, "en")).toBe("3 hr");
    expect(formatAge("2026-11-23T12:00:00Z", now, "en")).toBe("4 days");
    expect(formatAge("2026-11-27T09:00:00Z", now, "de")).toBe("3 Std.");
  });
});

describe("order flash", () => {
  it("reads back only for the order it names, and only known kinds", () => {
    const cookie = flashCookie({ orderId: "ord_1", kind: "released", accepted: ["payment_not_confirmed"] });
    const header = cookie.split(";")[0]!;
    const request = (cookieHeader: string) =>
      new Request("http://app/console/orders/ord_1", { headers: { Cookie: cookieHeader } });
    expect(readOrderFlash(request(header), "ord_1")).toEqual({
      orderId: "ord_1",
      kind: "released",
      accepted: ["payment_not_confirmed"],
    });
    expect(readOrderFlash(request(header), "ord_2")).toBeNull();
    expect(
      readOrderFlash(request(`cf_flash=${encodeURIComponent('{"orderId":"ord_1","kind":"<b>"}')}`), "ord_1"),
    ).toBeNull();
    expect(readOrderFlash(request("cf_flash=%7Bnot json"), "ord_1")).toBeNull();
  });
});
