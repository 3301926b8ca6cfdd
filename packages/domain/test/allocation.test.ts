import { describe, expect, it } from "vitest";
import { planAllocation } from "../src/allocation";

const warehouses = [
  { id: "wh_cn", code: "SZX1", country: "CN" },
  { id: "wh_de", code: "FRA1", country: "DE" },
  { id: "wh_us", code: "EWR1", country: "US" },
];

describe("planAllocation", () => {
  it("ships from the nearest warehouse that holds every line", () => {
    const plan = planAllocation({
      lines: [{ sku: "A", quantity: 2 }],
      warehouses,
      stock: [
        { warehouseId: "wh_cn", sku: "A", available: 100 },
        { warehouseId: "wh_de", sku: "A", available: 5 },
      ],
      destinationCountry: "FR",
    });
    expect(plan).toMatchObject({
      kind: "allocated",
      parts: [{ warehouseId: "wh_de", lines: [{ sku: "A", quantity: 2 }] }],
      alternatives: ["SZX1"],
    });
    if (plan.kind === "allocated") expect(plan.reason).toContain("FRA1");
  });

  it("prefers a far warehouse that fills the order over splitting across near ones", () => {
    const plan = planAllocation({
      lines: [
        { sku: "A", quantity: 1 },
        { sku: "B", quantity: 1 },
      ],
      warehouses,
      stock: [
        { warehouseId: "wh_de", sku: "A", available: 1 },
        { warehouseId: "wh_cn", sku: "A", available: 1 },
        { warehouseId: "wh_cn", sku: "B", available: 1 },
      ],
      destinationCountry: "DE",
    });
    expect(plan).toMatchObject({ kind: "allocated", parts: [{ warehouseId: "wh_cn" }] });
  });

  it("splits nearest-first when no single warehouse can fill it", () => {
    const plan = planAllocation({
      lines: [{ sku: "A", quantity: 5 }],
      warehouses,
      stock: [
        { warehouseId: "wh_us", sku: "A", available: 3 },
        { warehouseId: "wh_de", sku: "A", available: 4 },
      ],
      destinationCountry: "AT",
    });
    expect(plan).toMatchObject({
      kind: "allocated",
      parts: [
        { warehouseId: "wh_de", lines: [{ sku: "A", quantity: 4 }] },
        { warehouseId: "wh_us", lines: [{ sku: "A", quantity: 1 }] },
      ],
    });
  });

  it("sums repeated SKUs and reports the shortfall when stock is missing", () => {
    const plan = planAllocation({
      lines: [
        { sku: "A", quantity: 2 },
        { sku: "A", quantity: 2 },
      ],
      warehouses,
      stock: [{ warehouseId: "wh_cn", sku: "A", available: 3 }],
      destinationCountry: "JP",
    });
    expect(plan).toEqual({
      kind: "unfillable",
      shortfall: [{ sku: "A", requested: 4, available: 3 }],
      reason: "Not enough stock across all warehouses for A (need 4, have 3)",
    });
  });

  it("reports unfillable when there are no warehouses at all", () => {
    expect(
      planAllocation({ lines: [{ sku: "A", quantity: 1 }], warehouses: [], stock: [], destinationCountry: "DE" }).kind,
    ).toBe("unfillable");
  });

  it("follows a priority list before distance", () => {
    const plan = planAllocation({
      lines: [{ sku: "A", quantity: 1 }],
      warehouses,
      stock: warehouses.map((w) => ({ warehouseId: w.id, sku: "A", available: 5 })),
      destinationCountry: "DE",
      strategy: { kind: "priority", warehouseCodes: ["EWR1", "SZX1"] },
    });
    expect(plan).toMatchObject({ kind: "allocated", parts: [{ warehouseId: "wh_us" }] });
    if (plan.kind === "allocated") expect(plan.reason).toContain("priority list EWR1 > SZX1");
  });

  it("picks the cheapest warehouse to ship from when costs are given", () => {
    const plan = planAllocation({
      lines: [{ sku: "A", quantity: 1 }],
      warehouses,
      stock: warehouses.map((w) => ({ warehouseId: w.id, sku: "A", available: 5 })),
      destinationCountry: "DE",
      strategy: { kind: "cheapest", costByWarehouseId: { wh_cn: 900, wh_de: 1500, wh_us: 2500 }, currency: "EUR" },
    });
    expect(plan).toMatchObject({ kind: "allocated", parts: [{ warehouseId: "wh_cn" }] });
  });

  it("refuses to split when splitting is not allowed", () => {
    const plan = planAllocation({
      lines: [{ sku: "A", quantity: 5 }],
      warehouses,
      stock: [
        { warehouseId: "wh_us", sku: "A", available: 3 },
        { warehouseId: "wh_de", sku: "A", available: 4 },
      ],
      destinationCountry: "AT",
      allowSplit: false,
    });
    expect(plan.kind).toBe("unfillable");
    expect(plan.reason).toContain("split shipments are not allowed");
  });
});
