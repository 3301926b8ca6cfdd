import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadSecretBox } from "@crossflow/auth";
import {
  addMember,
  addPartnerMember,
  adjustInventory,
  createApiKey,
  createConnection,
  createPartner,
  createTenant,
  createUser,
  createWarehouse,
  type Database,
  insertPublishedRuleSet,
  linkPartner,
  REPO_ROOT,
  saveTenantSettings,
  updateConnection,
  upsertProduct,
  userMemberships,
  withTenant,
} from "@crossflow/db";
import { newId, publishRuleSet } from "@crossflow/domain";
import { CHANNEL_ADAPTERS, DEMO_CATALOG, type DemoOrder, generateDemoOrders } from "@crossflow/integrations";
import { createAdapterGateway, stockChangedEvent } from "@crossflow/pipeline";
import { type EventSender, ingestChannelDelivery, receiveOrder } from "@crossflow/pipeline/intake";
import { sealCredentials } from "../../secrets";

const CHANNEL_GATEWAY = createAdapterGateway(CHANNEL_ADAPTERS);

const DEMO_OWNER_EMAIL = "mia.chen@northwind.example";
const DEMO_ORDER_COUNT = 40;

const WAREHOUSES: Array<{
  code: string;
  name: string;
  kind: "own" | "3pl";
  partner: string | null;
  address: { name: string; line1: string; city: string; region?: string; postalCode: string; country: string };
  stock: Record<string, number>;
}> = [
  {
    code: "SZX1",
    name: "Shenzhen Fulfilment Centre",
    kind: "3pl",
    partner: "fastship",
    address: {
      name: "FastShip Logistics",
      line1: "88 Meilong Road, Longhua District",
      city: "Shenzhen",
      region: "GD",
      postalCode: "518109",
      country: "CN",
    },
    stock: { default: 150, "LAMP-DESK": 6, "PWR-10K": 40 },
  },
  {
    code: "FRA1",
    name: "Frankfurt EU Hub",
    kind: "3pl",
    partner: "rhein",
    address: {
      name: "Rhein Fulfilment GmbH",
      line1: "Cargo City Süd, Gebäude 640",
      city: "Frankfurt am Main",
      postalCode: "60549",
      country: "DE",
    },
    stock: { "TEE-RED-M": 25, "TEE-BLK-L": 25, "HOOD-GRY-M": 12, "CAP-NVY": 20, "CABLE-USBC": 40, "BUDS-PRO": 6 },
  },
  {
    code: "EWR1",
    name: "Northwind East Coast",
    kind: "own",
    partner: null,
    address: {
      name: "Northwind Outfitters",
      line1: "400 Raritan Center Pkwy",
      city: "Edison",
      region: "NJ",
      postalCode: "08837",
      country: "US",
    },
    stock: { "TEE-RED-M": 20, "TEE-BLK-L": 20, "HOOD-GRY-M": 10, "CAP-NVY": 15, "MUG-CER": 12 },
  },
];

/** The demo merchant's rules: each one shows a different kind of automated decision. */
const DEMO_RULES = [
  {
    id: "eu_from_frankfurt",
    name: "EU orders ship from the Frankfurt hub first",
    kind: "allocation",
    enabled: true,
    priority: 10,
    when: { all: [{ field: "destinationIsEu", op: "eq", value: true }] },
    then: [{ type: "warehouse_priority", warehouseCodes: ["FRA1", "SZX1"] }],
  },
  {
    id: "heavy_by_dhl",
    name: "Parcels over 2 kg go DHL Express",
    kind: "routing",
    enabled: true,
    priority: 10,
    when: { all: [{ field: "weightGrams", op: "gt", value: 2000 }] },
    then: [{ type: "use_carrier", carrier: "dhl_express" }],
  },
  {
    id: "cheap_and_green",
    name: "Everything else: mostly cheap, a little fast and green",
    kind: "routing",
    enabled: true,
    priority: 20,
    when: { all: [{ field: "orderValue", op: "exists" }] },
    then: [{ type: "objective", weights: { cost: 0.6, speed: 0.25, carbon: 0.15 } }],
  },
  {
    id: "batteries_to_oceania",
    name: "Lithium batteries to Australia/NZ need a dangerous-goods check",
    kind: "exception",
    enabled: true,
    priority: 10,
    when: {
      all: [
        { field: "skuTags", op: "contains", value: "battery" },
        { field: "destinationRegion", op: "eq", value: "OCEANIA" },
      ],
    },
    then: [
      {
        type: "hold",
        code: "dangerous_goods_review",
        message: "Lithium batteries by air to Oceania: check the DG declaration",
      },
    ],
  },
  {
    id: "tag_electronics",
    name: "Tag electronics orders",
    kind: "action",
    enabled: true,
    priority: 10,
    when: { all: [{ field: "skuTags", op: "contains", value: "electronics" }] },
    then: [{ type: "tag", tag: "electronics" }],
  },
];

/**
 * The demo tenant of the embedded default: staff, two partner 3PLs, three warehouses,
 * a catalog with stock, and orders from the demo channel to ~20 countries. Running it
 * again changes nothing.
 */
export async function seedDemo(db: Database, events: EventSender, options: { orders?: number } = {}) {
  const owner = await createUser(db, { email: DEMO_OWNER_EMAIL, name: "Mia Chen" });
  const existing = (await userMemberships(db, owner.id))[0];
  if (existing) return { tenantId: existing.tenantId, created: false as const };

  const tenant = await createTenant(db, { name: "Northwind Outfitters" });
  const tenantId = tenant.id;
  const operator = await createUser(db, { email: "lukas.weber@northwind.example", name: "Lukas Weber", locale: "de" });
  const analyst = await createUser(db, { email: "li.na@northwind.example", name: "李娜", locale: "zh-CN" });
  const fastship = await createPartner(db, { name: "FastShip Logistics (Shenzhen)", kind: "3pl" });
  const rhein = await createPartner(db, { name: "Rhein Fulfilment GmbH", kind: "3pl" });
  const fang = await createUser(db, { email: "wang.fang@fastship.example", name: "王芳 Wang Fang", locale: "zh-CN" });
  const katrin = await createUser(db, {
    email: "katrin.vogel@rhein-fulfilment.example",
    name: "Katrin Vogel",
    locale: "de",
  });
  await addPartnerMember(db, { partnerId: fastship.id, userId: fang.id });
  await addPartnerMember(db, { partnerId: rhein.id, userId: katrin.id });
  const partnerIds: Record<string, string> = { fastship: fastship.id, rhein: rhein.id };

  const apiKey = await withTenant(db, tenantId, async (tx) => {
    await addMember(tx, { tenantId, userId: owner.id, role: "owner" });
    await addMember(tx, { tenantId, userId: operator.id, role: "operator" });
    await addMember(tx, { tenantId, userId: analyst.id, role: "viewer" });
    // Registered for IOSS: EU parcels up to EUR 150 carry the VAT charged at checkout (tax reports, invoices).
    await saveTenantSettings(tx, {
      tenantId,
      company: {
        legalName: "Northwind Outfitters Ltd.",
        address: {
          name: "Northwind Outfitters Ltd.",
          line1: "18 Harbour Road",
          line2: "Unit 5B",
          city: "Hong Kong",
          country: "HK",
        },
        email: "orders@northwind.example",
        phone: "+85221234567",
        iossNumber: "IM2760000042",
        eori: "DE123456789012345",
        vatNumbers: { DE: "DE299999999", GB: "GB123456789" },
      },
      notifications: { brand: { name: "Northwind Outfitters", senderName: "Northwind Outfitters", color: "#0f766e" } },
      actor: "system:seed",
    });
    await linkPartner(tx, { tenantId, partnerId: fastship.id });
    await linkPartner(tx, { tenantId, partnerId: rhein.id });
    for (const product of DEMO_CATALOG) {
      const { retailUsd: _retail, ...catalog } = product;
      await upsertProduct(tx, tenantId, { ...catalog, currency: "USD" });
    }
    for (const spec of WAREHOUSES) {
      const warehouse = await createWarehouse(tx, tenantId, {
        code: spec.code,
        name: spec.name,
        kind: spec.kind,
        address: spec.address,
        partnerId: spec.partner ? partnerIds[spec.partner] : null,
      });
      const stock: Record<string, number> = spec.stock;
      for (const product of DEMO_CATALOG) {
        const quantity = stock[product.sku] ?? stock.default ?? 0;
        if (quantity > 0) {
          await adjustInventory(tx, {
            tenantId,
            warehouseId: warehouse.id,
            sku: product.sku,
            delta: quantity,
            reason: "opening stock",
            actor: "system:seed",
          });
        }
      }
    }
    const published = publishRuleSet(null, { version: 0, rules: DEMO_RULES as never });
    if (!published.ok) throw new Error(`demo rules are invalid: ${published.message}`);
    await insertPublishedRuleSet(tx, {
      tenantId,
      version: published.version,
      rules: [...published.ruleSet.rules],
      actor: "system:seed",
    });
    return createApiKey(tx, { tenantId, name: "Demo key" });
  });

  await seedConnections(db, tenantId);
  const demoOrders = [
    ...generateDemoOrders(options.orders ?? DEMO_ORDER_COUNT, { seed: 2026 }),
    ...exceptionalOrders(),
  ];
  for (const order of demoOrders) {
    await receiveOrder(db, events, tenantId, order, "channel:demo");
  }
  await events.send(stockChangedEvent(tenantId));
  return { tenantId, created: true as const, apiKey: apiKey.apiKey, orders: demoOrders.length };
}

/**
 * The demo channel (its syncs generate orders), and a Shopify store that is paused — it cannot
 * reach Shopify from here — with one webhook that arrived signed but could not be mapped, so
 * the dead-letter queue has something to show.
 */
async function seedConnections(db: Database, tenantId: string) {
  const box = loadSecretBox(resolve(REPO_ROOT, ".data/secret-keys"));
  const demoId = newId("con");
  const shopifyId = newId("con");
  const malformed = readFileSync(
    resolve(REPO_ROOT, "packages/integrations/src/channels/shopify/fixtures/orders-create-malformed.json"),
    "utf8",
  );
  await withTenant(db, tenantId, async (tx) => {
    await createConnection(tx, {
      id: demoId,
      tenantId,
      channel: "demo",
      name: "Demo store",
      settings: { ordersPerPull: "3" },
      credentialsSealed: sealCredentials(box, tenantId, demoId, {}),
    });
    await createConnection(tx, {
      id: shopifyId,
      tenantId,
      channel: "shopify",
      name: "Northwind EU (Shopify)",
      settings: { shopDomain: "northwind-eu.myshopify.com" },
      stockPolicy: { safetyBuffer: 2 },
      credentialsSealed: sealCredentials(box, tenantId, shopifyId, {
        accessToken: "shpat_demo_not_a_real_token",
        apiSecret: "demo-shopify-api-secret",
      }),
    });
    await updateConnection(tx, shopifyId, { status: "paused" });
    // The seeded demo orders are DEMO-1001…; syncs continue after them.
    await updateConnection(tx, demoId, { cursor: String(1001 + DEMO_ORDER_COUNT) });
  });
  await ingestChannelDelivery(
    db,
    { send: async () => {} },
    { tenantId, connectionId: shopifyId, channel: "shopify" },
    await CHANNEL_GATEWAY.interpret("shopify", malformed, {
      "x-shopify-topic": "orders/create",
      "x-shopify-event-id": "demo-event-1",
      "x-shopify-shop-domain": "northwind-eu.myshopify.com",
    }),
    { body: malformed, headers: { "x-shopify-topic": "orders/create", "x-shopify-event-id": "demo-event-1" } },
  );
}

/** A few orders that a person must look at, each for a different, understandable reason. */
function exceptionalOrders(): DemoOrder[] {
  const base = generateDemoOrders(3, { seed: 777, startNumber: 9001 });
  const [battery, vague, greedy] = base as [DemoOrder, DemoOrder, DemoOrder];
  return [
    {
      ...battery,
      externalId: "DEMO-9001",
      currency: "AUD",
      customer: {
        ...battery.customer,
        name: "Charlotte Wilson",
        email: "charlotte.wilson@example.com.au",
        locale: "en",
      },
      shippingAddress: {
        name: "Charlotte Wilson",
        line1: "200 George Street",
        city: "Sydney",
        region: "NSW",
        postalCode: "2000",
        country: "AU",
        phone: "+61290001234",
      },
      lines: [{ sku: "PWR-10K", quantity: 1, unitPrice: 5499 }],
      payment: { ...battery.payment, status: "paid" },
    },
    {
      ...vague,
      externalId: "DEMO-9002",
      currency: "EUR",
      customer: { ...vague.customer, name: "Test Kunde", email: "kunde@example.de", locale: "de" },
      shippingAddress: {
        name: "Test Kunde",
        line1: "n/a",
        city: "Berlin",
        postalCode: "1011",
        country: "DE",
        phone: "+4930000000",
      },
      lines: [{ sku: "TEE-RED-M", quantity: 1, unitPrice: 2399 }],
      payment: { ...vague.payment, status: "paid" },
    },
    {
      ...greedy,
      externalId: "DEMO-9003",
      currency: "USD",
      customer: { ...greedy.customer, name: "Jordan Reyes", email: "jordan.reyes@example.com", locale: "en" },
      shippingAddress: {
        name: "Jordan Reyes",
        line1: "145 Court Street",
        city: "Brooklyn",
        region: "NY",
        postalCode: "11201",
        country: "US",
        phone: "+17185550100",
      },
      lines: [{ sku: "LAMP-DESK", quantity: 40, unitPrice: 4499 }],
      payment: { ...greedy.payment, status: "paid" },
    },
  ];
}
