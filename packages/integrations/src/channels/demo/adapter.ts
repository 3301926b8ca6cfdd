import type { ChannelAddress, ChannelOrderInput } from "@crossflow/domain";
import { asArray, asObject, countryCode, MappingErrors, notAnObject, text } from "../mapping";
import type {
  ChannelAdapter,
  ChannelConnection,
  ChannelRuntime,
  PullOrdersRequest,
  PullOrdersResult,
  ShipmentConfirmation,
  StockLevel,
} from "../types";
import { runtimeWith } from "../types";
import { DEMO_CATALOG } from "./catalog";
import { generateDemoOrders } from "./generate";

const TITLES = new Map(DEMO_CATALOG.map((p) => [p.sku, p.title]));

/** What the demo storefront was told, per connection: shown by the console like a real channel's state. */
export interface DemoStorefrontState {
  shipments: Array<ShipmentConfirmation & { at: Date }>;
  stock: Map<string, number>;
}

function numberSetting(connection: ChannelConnection, key: string, fallback: number): number {
  const value = connection.settings?.[key] ?? (connection.credentials as Record<string, unknown>)[key];
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : fallback;
}

/** A demo order (generateDemoOrders' shape, or the same after a JSON round trip) as a normalized order. */
export function mapDemoOrder(payload: unknown) {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = asObject(payload);
  const errors = new MappingErrors();
  const customer = asObject(o.customer);
  const ship = asObject(o.shippingAddress);
  const payment = asObject(o.payment);
  const shippingAddress: ChannelAddress = {
    name: text(ship.name) ?? "",
    line1: text(ship.line1) ?? "",
    city: text(ship.city) ?? "",
    country: countryCode(ship.country),
  };
  if (text(ship.region)) shippingAddress.region = text(ship.region);
  if (text(ship.postalCode)) shippingAddress.postalCode = text(ship.postalCode);
  if (text(ship.phone)) shippingAddress.phone = text(ship.phone);
  const placedAt = o.placedAt instanceof Date ? o.placedAt : errors.date("placedAt", o.placedAt);
  const paymentStatus = text(payment.status) === "paid" ? "paid" : "pending";
  const order: ChannelOrderInput = {
    channel: "demo",
    externalId: errors.required("externalId", o.externalId),
    orderNumber: text(o.externalId),
    status: paymentStatus === "paid" ? "open" : "pending",
    currency: errors.currency("currency", o.currency),
    buyer: {
      email: text(customer.email),
      name: text(customer.name) ?? "",
      phone: text(customer.phone),
      locale: text(customer.locale),
    },
    shippingAddress,
    lines: asArray(o.lines).map((raw, i) => {
      const line = asObject(raw);
      const sku = errors.required(`lines[${i}].sku`, line.sku);
      return {
        sku,
        title: TITLES.get(sku),
        quantity: errors.integer(`lines[${i}].quantity`, line.quantity),
        unitPrice: errors.integer(`lines[${i}].unitPrice`, line.unitPrice),
        tax: 0,
        discount: 0,
      };
    }),
    shippingPaid: errors.integer("shippingPaid", o.shippingPaid ?? 0),
    shippingTax: 0,
    taxesIncluded: true,
    payment: {
      provider: text(payment.provider) ?? "demo",
      reference: text(payment.reference),
      status: paymentStatus,
    },
    placedAt,
    flags: { test: true },
  };
  return errors.finish(order);
}

/**
 * The built-in demo storefront: every pull generates the next `ordersPerPull` orders
 * (default 5) to ~20 countries, deterministic for the connection's `seed`; the cursor is the
 * next order number, so pulls never repeat an order and a replayed cursor repeats exactly.
 */
export function createDemoAdapter(overrides: Partial<ChannelRuntime> = {}): ChannelAdapter & {
  storefront(connectionId: string): DemoStorefrontState;
} {
  const runtime = runtimeWith(overrides);
  const states = new Map<string, DemoStorefrontState>();
  const storefront = (connectionId: string) => {
    let state = states.get(connectionId);
    if (!state) {
      state = { shipments: [], stock: new Map() };
      states.set(connectionId, state);
    }
    return state;
  };

  async function pullOrders(connection: ChannelConnection, request: PullOrdersRequest): Promise<PullOrdersResult> {
    const perPull = Math.max(0, Math.floor(numberSetting(connection, "ordersPerPull", 5)));
    const seed = numberSetting(connection, "seed", 42);
    const start = request.cursor && /^\d+$/.test(request.cursor) ? Number(request.cursor) : 1001;
    const orders = generateDemoOrders(perPull, {
      seed: seed * 100_003 + start,
      startNumber: start,
      now: runtime.now(),
    });
    return { orders, nextCursor: String(start + perPull), hasMore: false };
  }

  return {
    channel: "demo",
    displayName: "Demo storefront",
    credentialFields: [],
    mapOrder: mapDemoOrder,
    pullOrders,
    async confirmShipment(connection, shipment) {
      const state = storefront(connection.id ?? "default");
      state.shipments.push({ ...shipment, at: runtime.now() });
      return { reference: `demo-fulfillment-${state.shipments.length}` };
    },
    async pushStock(connection, levels: readonly StockLevel[]) {
      const state = storefront(connection.id ?? "default");
      for (const level of levels) state.stock.set(level.sku, Math.max(0, level.available));
      return { updated: levels.map((l) => l.sku), failed: [] };
    },
    storefront,
  };
}

export const demoAdapter = createDemoAdapter();
