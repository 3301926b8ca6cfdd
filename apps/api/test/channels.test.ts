import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createSecretBox } from "@crossflow/auth";
import {
  adjustInventory,
  createConnection,
  createWarehouse,
  listDeadLetters,
  listStockLevels,
  markStockPushed,
  pendingStockPushes,
  REPO_ROOT,
  withTenant,
} from "@crossflow/db";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { CHANNEL_ADAPTERS, ebayChallengeResponse } from "@crossflow/integrations";
import { type ChannelGateway, createAdapterGateway, recomputeChannelStock } from "@crossflow/pipeline";
import { replayDeadLetter } from "@crossflow/pipeline/intake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { sealCredentials } from "../src/secrets";
import type { RecordedEvent } from "./harness";

// Channel intake over HTTP on PostgreSQL: Shopify webhooks signed like Shopify signs them,
// through the real adapter, into orders — once each, whatever the channel's retries do.

const SECRET = "shpss_test_webhook_secret";
const fixture = readFileSync(
  resolve(REPO_ROOT, "packages/integrations/src/channels/shopify/fixtures/orders-create.json"),
  "utf8",
);

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let tenantId: string;
let apiKey: string;
let connectionId: string;
const events: RecordedEvent[] = [];
const box = createSecretBox({ test: randomBytes(32) }, "test");
const gateway = createAdapterGateway(CHANNEL_ADAPTERS);

const sign = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body, "utf8").digest("base64");

/** The fixture as another order: its own id and order number. */
function shopifyOrder(n: number): string {
  const order = JSON.parse(fixture) as Record<string, unknown>;
  order.id = 7_000_000_000 + n;
  order.name = `#${5000 + n}`;
  order.order_number = 5000 + n;
  return JSON.stringify(order);
}

function deliver(body: string, opts: { eventId?: string; signature?: string; topic?: string; path?: string } = {}) {
  return app.request(opts.path ?? `/webhooks/shopify/${connectionId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": opts.topic ?? "orders/create",
      "x-shopify-hmac-sha256": opts.signature ?? sign(body),
      "x-shopify-shop-domain": "acme-eu.myshopify.com",
      "x-shopify-event-id": opts.eventId ?? `evt-${Math.random()}`,
      "x-shopify-webhook-id": `wh-${Math.random()}`,
    },
    body,
  });
}

async function listOrders(): Promise<Array<{ externalId: string; channel: string }>> {
  const all: Array<{ externalId: string; channel: string }> = [];
  let cursor: string | null = null;
  do {
    const res = await app.request(`/v1/orders?channel=shopify&limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const page = (await res.json()) as {
      data: Array<{ externalId: string; channel: string }>;
      nextCursor: string | null;
    };
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function appWith(channels: ChannelGateway) {
  return createApp({
    db: t.db,
    events: { send: async (event) => void events.push(event) },
    sessionSecret: "s",
    clerk: null,
    secretBox: box,
    channels,
  });
}

beforeAll(async () => {
  t = await createTestDatabase("cf_test_channels");
  app = appWith(gateway);
  const tenant = await createTenantWithKey(t.db, { name: "Channels" });
  tenantId = tenant.tenantId;
  apiKey = tenant.apiKey;
  connectionId = "con_test_shopify";
  await withTenant(t.db, tenantId, (tx) =>
    createConnection(tx, {
      id: connectionId,
      tenantId,
      channel: "shopify",
      name: "Acme EU",
      settings: { shopDomain: "acme-eu.myshopify.com" },
      stockPolicy: { safetyBuffer: 2 },
      credentialsSealed: sealCredentials(box, tenantId, connectionId, {
        accessToken: "shpat_x",
        apiSecret: SECRET,
      }),
    }),
  );
});

afterAll(async () => {
  await t?.destroy();
});

describe("Shopify webhooks", () => {
  it("turns a signed orders/create into one order and acknowledges a redelivery as a duplicate", async () => {
    const body = shopifyOrder(1);
    const first = await deliver(body, { eventId: "evt-first" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: true, outcome: "accepted", created: true });
    const again = await deliver(body, { eventId: "evt-first" });
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
    // A new event id for the same order (orders/updated) still stores it once.
    const update = await deliver(body, { eventId: "evt-update", topic: "orders/updated" });
    expect(await update.json()).toMatchObject({ outcome: "accepted", created: false });
    const orders = (await listOrders()).filter((o) => o.externalId === "7000000001");
    expect(orders).toHaveLength(1);
    expect(events.filter((e) => e.name === "order/received")).toHaveLength(1);
  });

  it("rejects forged deliveries with 401 and never stores them", async () => {
    const body = shopifyOrder(2);
    const flipped = Buffer.from(body);
    flipped[10] = flipped[10]! ^ 1;
    const cases = [
      await deliver(flipped.toString("latin1"), { signature: sign(body) }),
      await deliver(body, { signature: sign(body, "wrong-secret") }),
      await deliver(body, { signature: "" }),
      await deliver(body, { signature: sign(`${body} `) }),
    ];
    for (const res of cases) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect((await listOrders()).some((o) => o.externalId === "7000000002")).toBe(false);
    const unknown = await deliver(body, { path: "/webhooks/shopify/con_nope" });
    expect(unknown.status).toBe(404);
    const wrongChannel = await deliver(body, { path: `/webhooks/woocommerce/${connectionId}` });
    expect(wrongChannel.status).toBe(404);
  });

  it("200 distinct orders delivered 3 times each, concurrently and shuffled, make exactly 200 orders", async () => {
    const deliveries = Array.from({ length: 200 }, (_, i) => shopifyOrder(100 + i)).flatMap((body, i) => [
      { body, eventId: `bulk-${i}` },
      { body, eventId: `bulk-${i}` },
      { body, eventId: `bulk-${i}-retry` },
    ]);
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    const statuses: number[] = [];
    for (let i = 0; i < deliveries.length; i += 30) {
      const batch = await Promise.all(deliveries.slice(i, i + 30).map((d) => deliver(d.body, { eventId: d.eventId })));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const bulk = (await listOrders()).filter((o) => Number(o.externalId) >= 7_000_000_100);
    expect(bulk).toHaveLength(200);
    expect(new Set(bulk.map((o) => o.externalId)).size).toBe(200);
  });
});

describe("dead letters", () => {
  /** The first mapping does not read "24,95" as a price; the fix normalises decimal commas. */
  const fixedGateway: ChannelGateway = {
    ...gateway,
    interpret: (channel, body, headers, connection) =>
      gateway.interpret(channel, body.replace(/"price":\s*"(\d+),(\d+)"/g, '"price": "$1.$2"'), headers, connection),
  };

  it("keeps a signed payload that cannot be mapped, then replays it after the mapping is fixed", async () => {
    const body = shopifyOrder(3).replace('"price":"24.95"', '"price":"24,95"');
    expect(body).toContain('"24,95"');
    const res = await deliver(body, { eventId: "evt-malformed" });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { outcome: string; deadLetterId: string; error: string };
    expect(result.outcome).toBe("dead_lettered");
    expect(result.error).toMatch(/price/);
    const [letter] = await withTenant(t.db, tenantId, (tx) => listDeadLetters(tx, { status: "pending" }));
    expect(letter).toMatchObject({ id: result.deadLetterId, source: "shopify", connectionId, payload: body });
    expect(letter!.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining("price") })]),
    );
    expect((await listOrders()).some((o) => o.externalId === "7000000003")).toBe(false);

    // Replaying with the mapping unchanged keeps it, with the error.
    const sink = { send: async () => {} };
    const still = await replayDeadLetter(t.db, sink, {
      tenantId,
      deadLetterId: letter!.id,
      interpret: (c, b, h) => gateway.interpret(c, b, h),
    });
    expect(still).toMatchObject({ status: "pending" });

    const replayed = await replayDeadLetter(t.db, sink, {
      tenantId,
      deadLetterId: letter!.id,
      interpret: (c, b, h) => fixedGateway.interpret(c, b, h),
    });
    expect(replayed).toMatchObject({ status: "replayed" });
    expect((await listOrders()).filter((o) => o.externalId === "7000000003")).toHaveLength(1);
    const [after] = await withTenant(t.db, tenantId, (tx) => listDeadLetters(tx, { status: "replayed" }));
    expect(after).toMatchObject({ id: letter!.id, attempts: 3 });
  });
});

describe("eBay endpoint challenge", () => {
  it("answers eBay's challenge with SHA-256 of code + verification token + endpoint URL", async () => {
    const ebayId = "con_test_ebay";
    await withTenant(t.db, tenantId, (tx) =>
      createConnection(tx, {
        id: ebayId,
        tenantId,
        channel: "ebay",
        name: "eBay DE",
        settings: { clientId: "client" },
        credentialsSealed: sealCredentials(box, tenantId, ebayId, {
          clientSecret: "s",
          refreshToken: "r",
          verificationToken: "verify-token-0123456789-abcdefghijklmnop",
        }),
      }),
    );
    const res = await app.request(`http://localhost/webhooks/ebay/${ebayId}?challenge_code=abc123`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      challengeResponse: ebayChallengeResponse(
        "abc123",
        "verify-token-0123456789-abcdefghijklmnop",
        `http://localhost/webhooks/ebay/${ebayId}`,
      ),
    });
    expect((await app.request(`/webhooks/ebay/${ebayId}`)).status).toBe(400);
    expect((await app.request(`/webhooks/ebay/con_nope?challenge_code=x`)).status).toBe(404);
  });
});

describe("available-to-sell per channel", () => {
  it("is on hand − reserved − the channel's buffer, and only changes become pending pushes", async () => {
    await withTenant(t.db, tenantId, async (tx) => {
      const warehouse = await createWarehouse(tx, tenantId, {
        code: "WH1",
        name: "Main",
        kind: "own",
        address: { name: "Main", line1: "1 Road", city: "Berlin", postalCode: "10115", country: "DE" },
      });
      await adjustInventory(tx, {
        tenantId,
        warehouseId: warehouse.id,
        sku: "TEE-RED-M",
        delta: 10,
        reason: "receipt",
        actor: "t",
      });
    });
    await recomputeChannelStock(t.db, tenantId);
    const pending = await withTenant(t.db, tenantId, (tx) => pendingStockPushes(tx, connectionId));
    expect(pending.map((p) => [p.sku, p.wanted])).toEqual([["TEE-RED-M", 8]]);
    await withTenant(t.db, tenantId, (tx) =>
      markStockPushed(tx, { connectionId, levels: [{ sku: "TEE-RED-M", pushed: 8 }] }),
    );
    await recomputeChannelStock(t.db, tenantId);
    expect(await withTenant(t.db, tenantId, (tx) => pendingStockPushes(tx, connectionId))).toEqual([]);
    const [level] = await withTenant(t.db, tenantId, (tx) => listStockLevels(tx, connectionId));
    expect(level).toMatchObject({ sku: "TEE-RED-M", wanted: 8, pushed: 8 });
  });
});
