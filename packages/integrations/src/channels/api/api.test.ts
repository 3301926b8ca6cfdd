import { toNewOrder } from "@crossflow/domain";
import { describe, expect, it } from "vitest";
import { fixtureLoader } from "../testing/fixtures";
import { apiAdapter, mapApiOrder } from "./adapter";

const fixtures = fixtureLoader(import.meta.url);

describe("api channel", () => {
  it("maps a POST /v1/orders body back to the same intake input", () => {
    const body = fixtures.json("order.json");
    const result = apiAdapter.mapOrder(body);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(toNewOrder(result.order)).toEqual({
      channel: "api",
      externalId: "A-1001",
      currency: "EUR",
      customer: { email: "lena@example.de", name: "Lena Fischer", phone: "+49 30 1234567", locale: "de" },
      shippingAddress: {
        name: "Lena Fischer",
        line1: "Schönhauser Allee 36",
        city: "Berlin",
        postalCode: "10435",
        country: "DE",
      },
      billingAddress: null,
      lines: [{ sku: "TEE-RED-M", title: "Cotton T-shirt red M", quantity: 2, unitPrice: 2495 }],
      shippingPaid: 490,
      payment: { provider: "stripe", reference: "pi_3QxYzA2eZvKYlo2C", status: "paid" },
      placedAt: new Date("2025-03-14T09:21:33Z"),
    });
  });

  it("defaults placedAt and shippingPaid like the API does", () => {
    const { placedAt: _, shippingPaid: __, ...body } = fixtures.json("order.json");
    const now = new Date("2025-04-01T00:00:00Z");
    const result = mapApiOrder(body, now);
    expect(result.ok && [result.order.placedAt, result.order.shippingPaid]).toEqual([now, 0]);
  });

  it("reports a body that would not have passed the API's validation, field by field", () => {
    const body = fixtures.json<Record<string, unknown>>("order.json");
    const result = apiAdapter.mapOrder({
      ...body,
      customer: { name: "Lena" },
      lines: [{ sku: "TEE-RED-M", quantity: 1.5, unitPrice: 19.99 }],
      payment: { provider: "stripe", status: "maybe" },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "lines[0].quantity", message: "must be a whole number" },
        { path: "lines[0].unitPrice", message: "must be a whole number" },
        { path: "customer.email", message: "is required" },
        { path: "payment.status", message: "must be one of paid, authorized, pending, failed, refunded" },
      ],
    });
    const status = apiAdapter.mapOrder({ ...body, payment: { provider: "stripe", status: "maybe" } });
    expect(status.ok === false && status.errors.map((e) => e.path)).toEqual(["payment.status"]);
  });
});
