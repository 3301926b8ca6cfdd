import {
  activeAllocations,
  type CompanyProfile,
  createInstruction,
  type Database,
  getCurrentTenant,
  getCustomer,
  getOrderLines,
  getOrderRow,
  getProductsBySkus,
  getShipment,
  getTenantSettings,
  getWarehousesByIds,
  listOrderShipments,
  productDimensions,
  recordDecision,
  saveDocument,
  transitionOrder,
  updateShipment,
  withTenant,
} from "@crossflow/db";
import {
  type DocumentStorage,
  renderShippingLabelPdf,
  renderShippingLabelZpl,
  type ShipmentDocumentInput,
} from "@crossflow/documents";
import { estimateParcel } from "@crossflow/domain";
import { CarrierError, type ConnectedCarrier, type CreateShipmentRequest } from "@crossflow/integrations";
import { holdOrder, type OrderRef, orderStep, PIPELINE_ACTOR, type StepOutcome } from "./common";
import { crossesCustomsBorder, documentInput, shipmentLines } from "./document";

export interface LabelStepDeps {
  carriers: Record<string, ConnectedCarrier>;
  storage: DocumentStorage;
  /** When the first tracking poll of a new shipment is due. */
  firstPollDelayMs: (carrier: ConnectedCarrier) => number;
  now?: () => Date;
}

const LABEL_CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  zpl: "application/x-zpl",
  png: "image/png",
  gif: "image/gif",
};

/**
 * documented → label_created: books every planned shipment with its carrier (the carrier's
 * API, or the demo carrier without credentials), stores the tracking number and the label
 * (the carrier's own, else a 4×6 PDF and ZPL rendered here), and gives the warehouse its
 * pick/pack/label instruction. Carrier calls happen outside the order's transaction and each
 * shipment is booked once: a retried step skips shipments that already have a tracking number.
 * A carrier that refuses the shipment (not a transient error) puts the order on hold.
 */
export async function createLabels(db: Database, deps: LabelStepDeps, ref: OrderRef): Promise<StepOutcome> {
  const now = deps.now?.() ?? new Date();
  const context = await withTenant(db, ref.tenantId, async (tx) => {
    const order = await getOrderRow(tx, ref.orderId);
    if (!order || order.status !== "documented") return null;
    const shipments = (await listOrderShipments(tx, ref.orderId)).filter((s) => !s.trackingNumber);
    const [lines, allocations, settings, tenant, customer] = await Promise.all([
      getOrderLines(tx, ref.orderId),
      activeAllocations(tx, ref.orderId),
      getTenantSettings(tx),
      getCurrentTenant(tx, ref.tenantId),
      getCustomer(tx, order.customerId),
    ]);
    const products = new Map(
      (
        await getProductsBySkus(
          tx,
          lines.map((l) => l.sku),
        )
      ).map((p) => [p.sku, p]),
    );
    const warehouses = new Map(
      (await getWarehousesByIds(tx, [...new Set(shipments.map((s) => s.warehouseId!).filter(Boolean))])).map((w) => [
        w.id,
        w,
      ]),
    );
    return { order, shipments, lines, allocations, settings, tenant, customer, products, warehouses };
  });
  if (!context) return { outcome: "skipped", status: "not documented" };
  const { order, lines, allocations, products, warehouses } = context;
  const company = (context.settings?.company ?? {}) as CompanyProfile;
  const incoterm = ((context.settings?.customs ?? {}) as { incoterm?: "DDP" | "DAP" }).incoterm ?? "DAP";

  for (const [index, shipment] of context.shipments.entries()) {
    const warehouse = warehouses.get(shipment.warehouseId ?? "");
    if (!warehouse) continue;
    const connected = deps.carriers[shipment.carrier] ?? deps.carriers.demo!;
    const items = allocations
      .filter((a) => a.warehouseId === warehouse.id)
      .map((a) => ({ allocation: a, line: lines.find((l) => l.sku === a.sku)!, product: products.get(a.sku) }));
    const parcel = estimateParcel(
      items.map(({ allocation, product }) => ({
        sku: allocation.sku,
        quantity: allocation.quantity,
        weightGrams: product?.weightGrams,
        dimensionsMm: product ? productDimensions(product) : null,
      })),
    );
    const weightGrams = parcel.ok ? parcel.weightGrams : (shipment.weightGrams ?? 500);
    const dimensionsMm = parcel.ok ? parcel.dimensionsMm : { length: 300, width: 200, height: 100 };
    const address = order.shippingAddress;
    const crossBorder = crossesCustomsBorder(warehouse.country, address.country);
    const shipped = shipmentLines(items, warehouse.country);
    const request: CreateShipmentRequest = {
      reference: shipment.id,
      service: shipment.service,
      shipper: {
        name: warehouse.address.name || warehouse.name,
        company: company.legalName ?? context.tenant?.name,
        phone: company.phone,
        email: company.email,
        lines: [warehouse.address.line1, warehouse.address.line2].filter((l): l is string => Boolean(l)),
        city: warehouse.address.city,
        state: warehouse.address.region,
        postalCode: warehouse.address.postalCode,
        country: warehouse.country,
      },
      recipient: {
        name: address.name,
        company: address.company,
        phone: address.phone ?? context.customer?.phone ?? undefined,
        email: context.customer?.email,
        lines: [address.line1, address.line2].filter((l): l is string => Boolean(l)),
        city: address.city,
        state: address.region,
        postalCode: address.postalCode,
        country: address.country,
        ...(address.taxId ? { taxId: address.taxId } : {}),
      },
      parcels: [{ weightGrams, dimensionsMm }],
      ...(crossBorder
        ? {
            customs: {
              currency: order.currency,
              incoterm,
              contents: "merchandise" as const,
              invoiceNumber: order.externalId,
              ...(company.iossNumber ? { iossNumber: company.iossNumber } : {}),
              items: shipped.map((l) => ({
                sku: l.sku,
                description: l.customsDescription,
                hsCode: l.hsCode,
                originCountry: l.originCountry,
                quantity: l.quantity,
                unitValue: l.unitValue,
                weightGrams: l.weightGrams,
              })),
            },
          }
        : {}),
      labelFormat: "pdf",
      shipDate: now.toISOString().slice(0, 10),
    };

    let created: Awaited<ReturnType<typeof connected.adapter.createShipment>>;
    try {
      created = await connected.adapter.createShipment(connected.credentials, request);
    } catch (error) {
      if (error instanceof CarrierError && !error.retryable) {
        return withTenant(db, ref.tenantId, async (tx) => {
          await recordDecision(tx, {
            ...ref,
            kind: "label",
            outcome: {
              created: false,
              carrier: shipment.carrier,
              status: error.status ?? null,
              code: error.code ?? null,
            },
            reason: `${connected.adapter.name} refused the shipment: ${error.message}`,
            facts: { shipmentId: shipment.id, service: shipment.service },
          });
          const current = await getOrderRow(tx, ref.orderId, { forUpdate: true });
          if (current?.status !== "documented") return { outcome: "skipped" as const, status: current?.status ?? "" };
          return holdOrder(tx, ref, [
            { code: "label_failed", message: `${connected.adapter.name} refused the shipment: ${error.message}` },
          ]);
        });
      }
      throw error;
    }

    const labelInput: ShipmentDocumentInput = documentInput({
      order,
      tenantName: context.tenant?.name ?? "Merchant",
      company,
      customer: context.customer,
      warehouse,
      shipment: { ...shipment, trackingNumber: created.trackingNumber, weightGrams },
      index,
      items: shipped,
      shipping: 0,
      incoterm,
      quote: null,
      date: now,
    });
    // The carrier's own label when it sends one; else ours, as PDF and as ZPL for thermal printers.
    const labels: Array<{ kind: string; ext: string; contentType: string; bytes: Buffer | Uint8Array }> = [];
    if (created.label) {
      labels.push({
        kind: "shipping_label",
        ext: created.label.format,
        contentType: LABEL_CONTENT_TYPES[created.label.format] ?? "application/octet-stream",
        bytes: created.label.bytes,
      });
    } else {
      labels.push({
        kind: "shipping_label",
        ext: "pdf",
        contentType: "application/pdf",
        bytes: await renderShippingLabelPdf(labelInput),
      });
    }
    if (!created.label || created.label.format !== "zpl") {
      labels.push({
        kind: "shipping_label_zpl",
        ext: "zpl",
        contentType: "application/x-zpl",
        bytes: Buffer.from(renderShippingLabelZpl(labelInput), "utf8"),
      });
    }
    for (const label of labels) {
      await deps.storage.put(
        `${ref.tenantId}/${ref.orderId}/${shipment.id}/${label.kind}.${label.ext}`,
        label.bytes,
        label.contentType,
      );
    }

    await withTenant(db, ref.tenantId, async (tx) => {
      const current = await getShipment(tx, shipment.id, { forUpdate: true });
      if (!current || current.trackingNumber) return;
      await updateShipment(tx, shipment.id, {
        trackingNumber: created.trackingNumber,
        carrierShipmentId: created.carrierShipmentId,
        status: "label_created",
        trackingStatus: "info_received",
        labelCreatedAt: now,
        nextPollAt: new Date(now.getTime() + deps.firstPollDelayMs(connected)),
        quietPolls: 0,
      });
      const documentIds: string[] = [];
      for (const label of labels) {
        const row = await saveDocument(tx, {
          tenantId: ref.tenantId,
          orderId: ref.orderId,
          shipmentId: shipment.id,
          kind: label.kind,
          contentType: label.contentType,
          storageKey: `${ref.tenantId}/${ref.orderId}/${shipment.id}/${label.kind}.${label.ext}`,
        });
        documentIds.push(row.id);
      }
      await createInstruction(tx, {
        tenantId: ref.tenantId,
        warehouseId: warehouse.id,
        orderId: ref.orderId,
        shipmentId: shipment.id,
        kind: "pick_pack_label",
        payload: {
          orderNumber: order.externalId,
          carrier: shipment.carrier,
          service: shipment.service,
          trackingNumber: created.trackingNumber,
          weightGrams,
          lines: items.map(({ allocation, line }) => ({
            sku: allocation.sku,
            title: line.title,
            quantity: allocation.quantity,
          })),
          documentIds,
        },
      });
      await recordDecision(tx, {
        ...ref,
        kind: "label",
        outcome: {
          created: true,
          shipmentId: shipment.id,
          carrier: shipment.carrier,
          trackingNumber: created.trackingNumber,
          mode: connected.mode,
          ...(created.charges ? { charges: created.charges } : {}),
        },
        reason: `${connected.adapter.name} booked ${shipment.service}: tracking ${created.trackingNumber}${connected.mode === "demo" ? " (demo carrier: no account configured)" : ""}`,
        facts: { weightGrams, dimensionsMm, warehouse: warehouse.code },
      });
    });
  }

  return orderStep(db, ref, "documented", async (tx) => {
    const shipments = (await listOrderShipments(tx, ref.orderId)).filter((s) => s.status !== "voided");
    const open = shipments.filter((s) => !s.trackingNumber);
    if (open.length > 0) return { outcome: "skipped", status: "documented" };
    await transitionOrder(tx, {
      ...ref,
      to: "label_created",
      actor: PIPELINE_ACTOR,
      message: `Label${shipments.length > 1 ? "s" : ""} created: ${shipments.map((s) => `${s.carrier} ${s.trackingNumber}`).join(", ")}; the warehouse has its pick/pack instruction`,
    });
    return { outcome: "advanced", status: "label_created" };
  });
}
