import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import type { OrderEventSender } from "../src/context";

export interface RecordedEvent {
  name: string;
  data: Record<string, unknown>;
  id?: string;
}

export interface Harness {
  t: TestDatabase;
  app: ReturnType<typeof createApp>;
  events: RecordedEvent[];
  a: { tenantId: string; apiKey: string };
  b: { tenantId: string; apiKey: string };
  call(
    method: string,
    path: string,
    opts?: { key?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** A fresh database on the real PostgreSQL with two tenants, and the app over it. */
export async function createHarness(
  options: { events?: OrderEventSender; maxBodyBytes?: number } = {},
): Promise<Harness> {
  const t = await createTestDatabase("cf_test_api");
  const events: RecordedEvent[] = [];
  const sender: OrderEventSender = options.events ?? {
    send: async (event) => {
      events.push(event);
    },
  };
  const app = createApp({
    db: t.db,
    events: sender,
    sessionSecret: "test-secret",
    clerk: null,
    maxBodyBytes: options.maxBodyBytes,
  });
  const a = await createTenantWithKey(t.db, { name: "Tenant A" });
  const b = await createTenantWithKey(t.db, { name: "Tenant B" });
  return {
    t,
    app,
    events,
    a,
    b,
    call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const key = opts.key === undefined ? a.apiKey : opts.key;
      if (key) headers.authorization = `Bearer ${key}`;
      let body: string | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers["content-type"] ??= "application/json";
      }
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
    close: () => t.destroy(),
  };
}

export const sampleProduct = (sku = "TEE-RED-M") => ({
  sku,
  title: "Cotton T-shirt red M",
  hsCode: "610910",
  originCountry: "CN",
  customsValue: 800,
  currency: "USD",
  weightGrams: 220,
  dimensionsMm: { length: 300, width: 250, height: 20 },
  tags: ["apparel"],
});

export const sampleWarehouse = (code = "SZX1") => ({
  code,
  name: "Shenzhen DC",
  kind: "own",
  address: { name: "Crossflow DC", line1: "1 Keji Road", city: "Shenzhen", postalCode: "518000", country: "CN" },
});

/** A paid order to Berlin; each externalId gets its own buyer and street so risk velocity checks see distinct customers. */
export const sampleOrder = (externalId = "A-1001", sku = "TEE-RED-M", quantity = 2) => {
  const n = [...externalId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 997, 7) + 1;
  const buyer = externalId.toLowerCase().replace(/[^a-z0-9]+/g, ".");
  return {
    externalId,
    currency: "EUR",
    customer: { email: `${buyer}@example.de`, name: "Ana Müller", phone: "+4930123456", locale: "de" },
    shippingAddress: {
      name: "Ana Müller",
      line1: `Invalidenstraße ${n}`,
      city: "Berlin",
      postalCode: "10115",
      country: "DE",
    },
    lines: [{ sku, quantity, unitPrice: 1999 }],
    shippingPaid: 499,
    payment: { provider: "stripe", reference: `pi_${buyer}`, status: "paid" },
  };
};

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
