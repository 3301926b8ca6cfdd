import type { CreateShipmentRequest } from "../types";

/** A cross-border parcel from a Shenzhen warehouse to Berlin, as the pipeline would ask for it. */
export function sampleShipment(overrides: Partial<CreateShipmentRequest> = {}): CreateShipmentRequest {
  return {
    reference: "shp_01JQ4Z7T0000000000000000",
    service: "express_worldwide",
    shipper: {
      name: "Crossflow Demo Warehouse",
      company: "Demo Trading Co., Ltd.",
      phone: "+86 755 1234 5678",
      email: "warehouse@example.com",
      lines: ["No. 8 Keji Road", "Nanshan District"],
      city: "Shenzhen",
      state: "GD",
      postalCode: "518057",
      country: "CN",
    },
    recipient: {
      name: "Anna Schmidt",
      phone: "+49 30 1234567",
      email: "anna@example.com",
      lines: ["Friedrichstraße 123"],
      city: "Berlin",
      postalCode: "10117",
      country: "DE",
    },
    parcels: [{ weightGrams: 1250, dimensionsMm: { length: 300, width: 200, height: 100 } }],
    customs: {
      currency: "EUR",
      incoterm: "DAP",
      contents: "merchandise",
      invoiceNumber: "INV-1001",
      items: [
        {
          description: "Cotton T-shirt",
          hsCode: "610910",
          originCountry: "CN",
          quantity: 2,
          unitValue: 1999,
          weightGrams: 250,
          sku: "TS-BLK-M",
        },
      ],
    },
    labelFormat: "pdf",
    shipDate: "2025-03-03",
    ...overrides,
  };
}
