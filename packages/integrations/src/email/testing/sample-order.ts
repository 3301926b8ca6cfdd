import type { CustomerEmailData, EmailBrand } from "../events";

/** A cross-border order with every optional field filled, for tests, previews and the demo outbox. */
export function sampleCustomerEmailData(overrides: Partial<CustomerEmailData> = {}): CustomerEmailData {
  return {
    orderNumber: "CF-10428",
    customerName: "Lena Fischer",
    items: [
      { title: "Merino wool scarf – Fjord blue", quantity: 2 },
      { title: "Handmade ceramic mug", quantity: 1 },
    ],
    total: { amount: 8990, currency: "EUR" },
    carrier: { name: "DHL Express", trackingNumber: "JD014600003826155490" },
    trackingUrl: "https://track.nordlicht.example/o/CF-10428?t=k3Jf9x&l=de",
    estimatedDelivery: "2025-03-14",
    customsHold: { since: "2025-03-10T08:15:00Z", country: "DE" },
    failedAttempt: { reason: "Recipient not at home", nextStep: "Second attempt on the next working day" },
    returnInfo: { rma: "RMA-7731", labelUrl: "https://track.nordlicht.example/returns/RMA-7731/label.pdf" },
    refund: { amount: 4495, currency: "EUR" },
    ...overrides,
  };
}

export const SAMPLE_EMAIL_BRAND: EmailBrand = {
  name: "Nordlicht",
  color: "#0f766e",
  senderName: "Nordlicht Store",
  replyTo: "care@nordlicht.example",
};
