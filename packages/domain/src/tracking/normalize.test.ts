import { describe, expect, it } from "vitest";
import { normalizeFedexScan, normalizeTrackingCode, normalizeUpsActivity, TRACKING_CODE_TABLES } from "./normalize";
import { TRACKING_STATUSES } from "./types";

describe("normalizeTrackingCode", () => {
  it("maps DHL Express checkpoint codes", () => {
    const cases: Array<[string, string]> = [
      ["PU", "in_transit"],
      ["PL", "in_transit"],
      ["DF", "in_transit"],
      ["AF", "in_transit"],
      ["AR", "in_transit"],
      ["WC", "out_for_delivery"],
      ["OK", "delivered"],
      ["CD", "customs_hold"],
      ["UD", "customs_hold"],
      ["HP", "customs_hold"],
      ["CR", "in_transit"],
      ["CC", "out_for_delivery"],
      ["NH", "failed_attempt"],
      ["BA", "failed_attempt"],
      ["RD", "failed_attempt"],
      ["RT", "returned_to_sender"],
      ["DM", "exception"],
    ];
    for (const [code, status] of cases)
      expect([code, normalizeTrackingCode("dhl_express", code).status]).toEqual([code, status]);
    expect(normalizeTrackingCode("dhl_express", "NH").reason).toBe("recipient_unavailable");
    expect(normalizeTrackingCode("dhl_express", "BA").reason).toBe("bad_address");
    expect(normalizeTrackingCode("dhl_express", "HP").reason).toBe("payment_due");
    expect(normalizeTrackingCode("dhl_express", "ok").status).toBe("delivered");
  });

  it("reads a generic 'on hold' by its text", () => {
    expect(normalizeTrackingCode("dhl_express", "OH", "Shipment on hold").status).toBe("exception");
    expect(normalizeTrackingCode("dhl_express", "OH", "Shipment is on hold awaiting customs clearance").status).toBe(
      "customs_hold",
    );
  });

  it("maps USPS event codes, and customs text by whether the item is held", () => {
    expect(normalizeTrackingCode("usps", "MA").status).toBe("info_received");
    expect(normalizeTrackingCode("usps", "OF").status).toBe("out_for_delivery");
    expect(normalizeTrackingCode("usps", "01").status).toBe("delivered");
    expect(normalizeTrackingCode("usps", "02")).toMatchObject({
      status: "failed_attempt",
      reason: "recipient_unavailable",
    });
    expect(normalizeTrackingCode("usps", "04")).toMatchObject({ status: "failed_attempt", reason: "refused" });
    expect(normalizeTrackingCode("usps", "09").status).toBe("returned_to_sender");
    expect(normalizeTrackingCode("usps", "", "Held in Customs").status).toBe("customs_hold");
    expect(normalizeTrackingCode("usps", "", "Customs Clearance Processing Complete").status).toBe("in_transit");
  });

  it("maps 4PX and Yanwen codes, with a stage fallback for unlisted 4PX codes", () => {
    expect(normalizeTrackingCode("4px", "FPX_L_RPIF").status).toBe("info_received");
    expect(normalizeTrackingCode("4px", "FPX_C_SPLS").status).toBe("in_transit");
    expect(normalizeTrackingCode("4px", "FPX_S_OK").status).toBe("delivered");
    expect(normalizeTrackingCode("4px", "FPX_D_SD").status).toBe("out_for_delivery");
    expect(normalizeTrackingCode("4px", "FPX_I_RC", "Held by customs, documents required").status).toBe("customs_hold");
    expect(normalizeTrackingCode("4px", "FPX_R_XYZ")).toMatchObject({ status: "returned_to_sender", known: true });
    expect(normalizeTrackingCode("yanwen", "PU10").status).toBe("in_transit");
    expect(normalizeTrackingCode("yanwen", "IC70").status).toBe("customs_hold");
    expect(normalizeTrackingCode("yanwen", "LM25").status).toBe("out_for_delivery");
    expect(normalizeTrackingCode("yanwen", "LM40").status).toBe("delivered");
    expect(normalizeTrackingCode("yanwen", "LM50", "Delivery failed, recipient not home")).toMatchObject({
      status: "failed_attempt",
      reason: "recipient_unavailable",
    });
    expect(normalizeTrackingCode("yanwen", "LM90").status).toBe("returned_to_sender");
  });

  it("falls back to the text, then to an unknown in-transit", () => {
    expect(normalizeTrackingCode("dhl_express", "ZZ", "Delivered - Signed for by: J SMITH")).toMatchObject({
      status: "delivered",
      known: true,
    });
    expect(normalizeTrackingCode("nobody", "Q1", "Scan")).toMatchObject({ status: "in_transit", known: false });
  });

  it("has only statuses from the status set in every table", () => {
    for (const table of Object.values(TRACKING_CODE_TABLES)) {
      for (const meaning of Object.values(table)) expect(TRACKING_STATUSES).toContain(meaning.status);
    }
  });
});

describe("normalizeUpsActivity", () => {
  it("prefers the status code, then the activity code, then the type letter", () => {
    expect(
      normalizeUpsActivity({ type: "I", code: "DP", statusCode: "005", description: "Departed from Facility" }).status,
    ).toBe("in_transit");
    expect(
      normalizeUpsActivity({ type: "I", code: "OT", statusCode: "021", description: "Out For Delivery Today" }).status,
    ).toBe("out_for_delivery");
    expect(normalizeUpsActivity({ type: "D", code: "KB", statusCode: "011", description: "DELIVERED" }).status).toBe(
      "delivered",
    );
    expect(normalizeUpsActivity({ type: "M", code: "MP", description: "Shipper created a label" }).status).toBe(
      "info_received",
    );
    expect(normalizeUpsActivity({ type: "RS", code: "RS", description: "Returned to shipper" }).status).toBe(
      "returned_to_sender",
    );
    expect(normalizeUpsActivity({ type: "I", statusCode: "012", description: "Clearance in Progress" }).status).toBe(
      "customs_hold",
    );
  });

  it("reads an exception's text: an attempt, a refusal, an address", () => {
    expect(
      normalizeUpsActivity({
        type: "X",
        code: "48",
        description: "The receiver was not available for delivery. We'll make a second attempt the next business day.",
      }),
    ).toMatchObject({ status: "failed_attempt", reason: "recipient_unavailable" });
    expect(normalizeUpsActivity({ type: "X", description: "The receiver refused the delivery." })).toMatchObject({
      status: "failed_attempt",
      reason: "refused",
    });
    expect(
      normalizeUpsActivity({ type: "X", description: "The address is incomplete. We are attempting to update it." }),
    ).toMatchObject({
      status: "exception",
      reason: "bad_address",
    });
  });
});

describe("normalizeFedexScan", () => {
  it("maps event types and uses the exception code for the reason", () => {
    expect(normalizeFedexScan({ eventType: "PU" }).status).toBe("in_transit");
    expect(normalizeFedexScan({ eventType: "OD" }).status).toBe("out_for_delivery");
    expect(normalizeFedexScan({ eventType: "DL" }).status).toBe("delivered");
    expect(normalizeFedexScan({ eventType: "CD", description: "Clearance delay" }).status).toBe("customs_hold");
    expect(normalizeFedexScan({ eventType: "RS" }).status).toBe("returned_to_sender");
    expect(
      normalizeFedexScan({
        eventType: "DE",
        exceptionCode: "08",
        description: "Customer not available or business closed",
      }),
    ).toMatchObject({
      status: "failed_attempt",
      reason: "recipient_unavailable",
    });
    expect(
      normalizeFedexScan({ eventType: "DE", exceptionCode: "03", description: "Incorrect address" }),
    ).toMatchObject({
      status: "failed_attempt",
      reason: "bad_address",
    });
    expect(normalizeFedexScan({ derivedStatusCode: "IT" }).status).toBe("in_transit");
  });
});
