import {
  type CompanyProfile,
  createInstruction,
  type Database,
  DomainConflictError,
  getCurrentTenant,
  getCustomer,
  getOrderRow,
  getProductsBySkus,
  getReturn,
  getTenantSettings,
  getWarehousesByIds,
  listOrderShipments,
  type ReturnRow,
  saveDocument,
  updateReturn,
  withTenant,
} from "@crossflow/db";
import {
  missingRequiredFields,
  renderCn23,
  renderCommercialInvoice,
  renderReturnLabelPdf,
  renderReturnLabelZpl,
  type ShipmentDocumentInput,
} from "@crossflow/documents";
import type { CreateShipmentRequest } from "@crossflow/integrations";
import { crossesCustomsBorder, documentInput } from "../steps/document";
import { lockReturn, nowOf, type ReturnDeps, recordReturnChange, returnNotFound, wrongState } from "./context";

const LABEL_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  zpl: "application/x-zpl",
  png: "image/png",
  gif: "image/gif",
};

interface RenderedDocument {
  kind: string;
  ext: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Approves a requested return (staff, or the policy at once): books the return shipment with
 * the outbound carrier — the shopper is the shipper now, the warehouse the recipient — and
 * stores its label (the carrier's own, else ours as PDF and ZPL); a return that crosses a
 * customs border gets its CN23 and a commercial invoice marked as returned goods; the
 * warehouse gets an `expected_return` instruction, and the shopper an e-mail with the label.
 * The carrier is called outside any transaction, and a return is booked once.
 */
export async function approveReturn(
  db: Database,
  deps: ReturnDeps,
  input: { tenantId: string; returnId: string; actor: string },
): Promise<ReturnRow> {
  const now = nowOf(deps);
  const context = await withTenant(db, input.tenantId, async (tx) => {
    const ret = await getReturn(tx, input.returnId);
    if (!ret) returnNotFound(input.returnId);
    if (ret.status !== "requested") wrongState(ret, "approved");
    const order = (await getOrderRow(tx, ret.orderId))!;
    const [settings, tenant, customer, shipments, products] = await Promise.all([
      getTenantSettings(tx),
      getCurrentTenant(tx, input.tenantId),
      getCustomer(tx, order.customerId),
      listOrderShipments(tx, order.id),
      getProductsBySkus(
        tx,
        ret.lines.map((l) => l.sku),
      ),
    ]);
    const [warehouse] = ret.warehouseId ? await getWarehousesByIds(tx, [ret.warehouseId]) : [];
    return { ret, order, settings, tenant, customer, shipments, products, warehouse };
  });
  const { ret, order, customer, warehouse } = context;
  if (!warehouse) {
    throw new DomainConflictError(
      "invalid_state",
      `Return ${ret.rma} has no warehouse to go back to: the order never shipped from one`,
    );
  }
  const company = (context.settings?.company ?? {}) as CompanyProfile;
  const outbound = context.shipments.find((s) => s.warehouseId === warehouse.id && s.status !== "voided");
  const carrierCode = outbound?.carrier ?? "demo";
  const connected = deps.carriers[carrierCode] ?? deps.carriers.demo;
  if (!connected) throw new DomainConflictError("invalid_state", "No carrier is configured to book the return");
  const service = outbound?.service ?? "standard";
  const products = new Map(context.products.map((p) => [p.sku, p]));
  const address = order.shippingAddress;
  const crossBorder = crossesCustomsBorder(address.country, warehouse.country);
  const items = ret.lines.map((line) => {
    const product = products.get(line.sku);
    return {
      sku: line.sku,
      description: line.title,
      customsDescription: product?.customsDescription ?? line.title,
      hsCode: product?.hsCode ?? "",
      originCountry: product?.originCountry ?? warehouse.country,
      quantity: line.quantity,
      unitValue: line.unitPrice,
      weightGrams: product?.weightGrams ?? 0,
    };
  });
  const weightGrams = Math.max(
    100,
    items.reduce((sum, i) => sum + i.weightGrams * i.quantity, 0),
  );
  const warehousePhone = company.phone ?? warehouse.address.phone;
  const request: CreateShipmentRequest = {
    reference: ret.id,
    service,
    shipper: {
      name: address.name,
      company: address.company,
      phone: address.phone ?? customer?.phone ?? undefined,
      email: customer?.email,
      lines: [address.line1, address.line2].filter((l): l is string => Boolean(l)),
      city: address.city,
      state: address.region,
      postalCode: address.postalCode,
      country: address.country,
    },
    recipient: {
      name: warehouse.address.name || warehouse.name,
      company: company.legalName ?? context.tenant?.name,
      phone: warehousePhone,
      email: company.email,
      lines: [warehouse.address.line1, warehouse.address.line2].filter((l): l is string => Boolean(l)),
      city: warehouse.address.city,
      state: warehouse.address.region,
      postalCode: warehouse.address.postalCode,
      country: warehouse.country,
    },
    parcels: [{ weightGrams, dimensionsMm: { length: 300, width: 200, height: 100 } }],
    ...(crossBorder
      ? {
          customs: {
            currency: order.currency,
            incoterm: "DAP" as const,
            contents: "return" as const,
            invoiceNumber: ret.rma,
            items: items.map(({ customsDescription, ...item }) => ({ ...item, description: customsDescription })),
          },
        }
      : {}),
    labelFormat: "pdf",
    shipDate: now.toISOString().slice(0, 10),
  };
  const created = await connected.adapter.createShipment(connected.credentials, request);

  const outboundInput: ShipmentDocumentInput = documentInput({
    order,
    tenantName: context.tenant?.name ?? "Merchant",
    company,
    customer,
    warehouse,
    shipment: { id: ret.id, carrier: carrierCode, service, trackingNumber: created.trackingNumber, weightGrams },
    index: 0,
    items,
    shipping: 0,
    incoterm: "DAP",
    quote: null,
    date: now,
  });
  const labelInput: ShipmentDocumentInput = {
    ...outboundInput,
    documentNumber: ret.rma,
    returnLabel: { rmaNumber: ret.rma, trackingNumber: created.trackingNumber, service },
  };
  const rendered: RenderedDocument[] = [];
  if (created.label) {
    rendered.push({
      kind: "return_label",
      ext: created.label.format,
      contentType: LABEL_TYPES[created.label.format] ?? "application/octet-stream",
      bytes: created.label.bytes,
    });
  } else {
    rendered.push({
      kind: "return_label",
      ext: "pdf",
      contentType: "application/pdf",
      bytes: await renderReturnLabelPdf(labelInput),
    });
  }
  if (created.label?.format !== "zpl") {
    rendered.push({
      kind: "return_label_zpl",
      ext: "zpl",
      contentType: "application/x-zpl",
      bytes: Buffer.from(renderReturnLabelZpl(labelInput), "utf8"),
    });
  }

  // The goods travel back: the shopper exports them, the merchant's warehouse imports them.
  let customsGap: string[] = [];
  if (crossBorder) {
    const customsInput: ShipmentDocumentInput = {
      ...outboundInput,
      documentNumber: ret.rma,
      seller: {
        name: address.name,
        address: { ...outboundInput.buyer, name: address.name },
        email: customer?.email,
        phone: outboundInput.buyer.phone,
      },
      buyer: {
        name: warehouse.address.name || warehouse.name,
        company: company.legalName ?? context.tenant?.name,
        lines: [warehouse.address.line1, warehouse.address.line2].filter((l): l is string => Boolean(l)),
        city: warehouse.address.city,
        region: warehouse.address.region,
        postalCode: warehouse.address.postalCode,
        country: warehouse.country,
        email: company.email,
        phone: warehousePhone,
        ...(company.eori ? { eori: company.eori } : {}),
        ...(company.vatNumbers?.[warehouse.country] ? { vatNumber: company.vatNumbers[warehouse.country] } : {}),
      },
      shipFrom: { ...outboundInput.buyer },
      shippingCharged: 0,
      reasonForExport: "return",
      explanation: `Returned goods (RMA ${ret.rma}) of order ${order.externalId}, originally exported from ${warehouse.country}; returned for refund`,
      customs: { invoiceNumber: order.externalId, ...(company.eori ? { importerReference: company.eori } : {}) },
    };
    delete customsInput.landedCost;
    customsGap = missingRequiredFields(customsInput);
    if (customsGap.length === 0) {
      rendered.push({
        kind: "return_cn23",
        ext: "pdf",
        contentType: "application/pdf",
        bytes: await renderCn23(customsInput),
      });
      rendered.push({
        kind: "return_commercial_invoice",
        ext: "pdf",
        contentType: "application/pdf",
        bytes: await renderCommercialInvoice(customsInput),
      });
    }
  }
  const keyOf = (doc: RenderedDocument) => `${input.tenantId}/${order.id}/${ret.id}/${doc.kind}.${doc.ext}`;
  for (const doc of rendered) await deps.storage.put(keyOf(doc), doc.bytes, doc.contentType);

  const approved = await withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, ret.id);
    if (current.status !== "requested") wrongState(current, "approved");
    const documentIds: string[] = [];
    for (const doc of rendered) {
      const row = await saveDocument(tx, {
        tenantId: input.tenantId,
        orderId: order.id,
        shipmentId: ret.id,
        kind: doc.kind,
        contentType: doc.contentType,
        storageKey: keyOf(doc),
      });
      documentIds.push(row.id);
    }
    const updated = (await updateReturn(tx, ret.id, {
      status: "approved",
      approvedBy: input.actor,
      carrier: carrierCode,
      trackingNumber: created.trackingNumber,
    }))!;
    await createInstruction(tx, {
      tenantId: input.tenantId,
      warehouseId: warehouse.id,
      orderId: order.id,
      kind: "expected_return",
      payload: {
        returnId: ret.id,
        rma: ret.rma,
        orderNumber: order.externalId,
        carrier: carrierCode,
        trackingNumber: created.trackingNumber,
        from: { name: address.name, city: address.city, country: address.country },
        lines: ret.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, reason: l.reason })),
        crossBorder,
        documentIds,
      },
    });
    const papers = crossBorder
      ? customsGap.length
        ? `; the return customs papers need ${customsGap.join(", ")} (complete the company profile)`
        : "; CN23 and commercial invoice (returned goods) attached"
      : "";
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order: (await getOrderRow(tx, order.id))!,
      before: current,
      after: updated,
      actor: input.actor,
      action: "return.approved",
      message: `Return ${ret.rma} approved${input.actor.startsWith("system:") ? " by the return policy" : ""}: ${connected.adapter.name} return label ${created.trackingNumber} to ${warehouse.code}${papers}; the warehouse expects it`,
      outcome: {
        trackingNumber: created.trackingNumber,
        carrier: carrierCode,
        crossBorder,
        documents: documentIds.length,
      },
      facts: { warehouse: warehouse.code, mode: connected.mode, ...(customsGap.length ? { customsGap } : {}) },
    });
    return updated;
  });
  await deps.notify?.([
    {
      tenantId: input.tenantId,
      orderId: order.id,
      event: "return_approved",
      dedupeKey: `return_approved:${ret.id}`,
      returnId: ret.id,
    },
  ]);
  return approved;
}

/** Staff turn a requested return down, with the reason the shopper is told. */
export async function rejectReturn(
  db: Database,
  input: { tenantId: string; returnId: string; actor: string; reason: string },
): Promise<ReturnRow> {
  return withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, input.returnId);
    if (current.status !== "requested") wrongState(current, "rejected");
    const updated = (await updateReturn(tx, current.id, {
      status: "rejected",
      approvedBy: input.actor,
      refund: { ...(current.refund ?? {}), rejection: { reason: input.reason, by: input.actor } },
    }))!;
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order: (await getOrderRow(tx, current.orderId))!,
      before: current,
      after: updated,
      actor: input.actor,
      action: "return.rejected",
      message: `Return ${current.rma} rejected: ${input.reason}`,
    });
    return updated;
  });
}
