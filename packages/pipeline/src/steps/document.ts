import {
  activeAllocations,
  type CompanyProfile,
  type Database,
  getCurrentTenant,
  getCustomer,
  getOrderLines,
  getProductsBySkus,
  getTenantSettings,
  getWarehousesByIds,
  listOrderShipments,
  type OrderRow,
  recordDecision,
  saveDocument,
  setLandedCost,
  transitionOrder,
  type WarehouseRow,
} from "@crossflow/db";
import {
  countryTemplate,
  type DocumentKind,
  type DocumentStorage,
  type LandedCostSummary,
  missingRequiredFields,
  renderDocument,
  type ShipmentDocumentInput,
} from "@crossflow/documents";
import {
  checkCustomsProfile,
  convertMinorUnits,
  isEuMember,
  type LandedCostQuote,
  quoteLandedCost,
  REFERENCE_FX_RATES,
} from "@crossflow/domain";
import { holdOrder, type OrderRef, orderStep, PIPELINE_ACTOR, type StepOutcome } from "./common";

/** Carriers that move parcels through the postal network, where CN22/CN23 are the customs forms. */
const POSTAL_CARRIERS = new Set(["usps", "4px", "yanwen", "cainiao"]);
/** CN22 covers consignments up to 300 SDR; above that the CN23 is needed. In EUR, conservatively. */
const CN22_LIMIT_EUR_CENTS = 35_000;

/** Whether goods moving between these countries cross a customs border. */
export function crossesCustomsBorder(from: string, to: string): boolean {
  if (from === to) return false;
  return !(isEuMember(from) && isEuMember(to));
}

export interface DocumentStepDeps {
  storage: DocumentStorage;
  now?: () => Date;
}

/**
 * allocated → documented: for each planned shipment, the customs gate (every SKU crossing a
 * border needs HS code, origin, description and value), the landed cost under the
 * destination's regime, and the paperwork — commercial invoice, packing list, CN22/CN23 for
 * postal carriers, the customer's invoice — rendered and stored. A gap in the customs data or
 * a shipment without a carrier puts the order on hold with the reason.
 */
export function documentOrder(db: Database, deps: DocumentStepDeps, ref: OrderRef): Promise<StepOutcome> {
  const now = deps.now?.() ?? new Date();
  return orderStep(db, ref, "allocated", async (tx, order) => {
    const shipments = (await listOrderShipments(tx, ref.orderId)).filter((s) => s.status === "planned");
    if (shipments.length === 0) {
      return holdOrder(tx, ref, [
        {
          code: "carrier_not_chosen",
          message:
            "No carrier could be chosen (see the carrier decision: usually a product without weight or dimensions); complete the catalog, then retry",
        },
      ]);
    }
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
    const destination = order.shippingAddress.country;
    const company = (settings?.company ?? {}) as CompanyProfile;
    const customs = (settings?.customs ?? {}) as { incoterm?: "DDP" | "DAP"; dutyOverrides?: never[] };
    const incoterm = customs.incoterm ?? "DAP";

    // The customs gate first, for every shipment: all gaps in one hold.
    const gaps: string[] = [];
    for (const shipment of shipments) {
      const warehouse = warehouses.get(shipment.warehouseId ?? "");
      if (!warehouse || !crossesCustomsBorder(warehouse.country, destination)) continue;
      for (const allocation of allocations.filter((a) => a.warehouseId === warehouse.id)) {
        const product = products.get(allocation.sku);
        const issues = checkCustomsProfile({
          sku: allocation.sku,
          hsCode: product?.hsCode,
          originCountry: product?.originCountry,
          customsDescription: product?.customsDescription ?? product?.title,
          customsValue: product?.customsValue,
          currency: product?.currency,
        });
        if (issues.length) gaps.push(`${allocation.sku}: ${issues.map((i) => i.message).join("; ")}`);
      }
    }
    if (gaps.length) {
      const unique = [...new Set(gaps)];
      await recordDecision(tx, {
        ...ref,
        kind: "customs",
        outcome: { cleared: false, gaps: unique },
        reason: `Customs data incomplete: ${unique.join(" | ")}`,
        facts: { destination, skus: [...products.keys()] },
      });
      return holdOrder(tx, ref, [
        { code: "customs_data_missing", message: `Customs data missing for ${unique.join(" | ")}` },
      ]);
    }

    const quotes: Array<{ shipmentId: string; quote: LandedCostQuote }> = [];
    let stored = 0;
    for (const [index, shipment] of shipments.entries()) {
      const warehouse = warehouses.get(shipment.warehouseId ?? "");
      if (!warehouse) continue;
      const items = allocations
        .filter((a) => a.warehouseId === warehouse.id)
        .map((a) => ({ allocation: a, line: lines.find((l) => l.sku === a.sku)!, product: products.get(a.sku) }));
      const crossBorder = crossesCustomsBorder(warehouse.country, destination);
      // Shipping paid by the buyer goes with the first parcel; split parcels carry goods only.
      const shipping = index === 0 ? order.shippingPaid : 0;

      let quote: LandedCostQuote | null = null;
      if (crossBorder) {
        try {
          quote = quoteLandedCost(
            {
              origin: warehouse.country,
              destination,
              incoterm,
              currency: order.currency,
              date: now.toISOString().slice(0, 10),
              shipping,
              lines: items.map(({ allocation, line, product }) => ({
                hsCode: product!.hsCode!,
                value: line.unitPrice,
                quantity: allocation.quantity,
                weightGrams: product?.weightGrams ?? 0,
                originCountry: product!.originCountry!,
                description: product?.customsDescription ?? line.title,
              })),
              ...(order.shippingAddress.region ? { destinationRegion: order.shippingAddress.region } : {}),
            },
            {
              fx: REFERENCE_FX_RATES,
              dutyOverrides: customs.dutyOverrides ?? [],
              iossRegistered: Boolean(company.iossNumber),
              today: now.toISOString().slice(0, 10),
            },
          );
        } catch (error) {
          const message = (error as Error).message;
          await recordDecision(tx, {
            ...ref,
            kind: "customs",
            outcome: { cleared: false },
            reason: `Landed cost could not be computed: ${message}`,
            facts: { origin: warehouse.country, destination },
          });
          return holdOrder(tx, ref, [{ code: "customs_data_missing", message }]);
        }
        quotes.push({ shipmentId: shipment.id, quote });
        await recordDecision(tx, {
          ...ref,
          kind: "customs",
          outcome: {
            cleared: true,
            shipmentId: shipment.id,
            regime: quote.regime,
            incoterm,
            currency: quote.currency,
            duty: quote.duty,
            tax: quote.tax,
            fees: quote.fees,
            total: quote.total,
            dutyKnown: quote.dutyKnown,
          },
          reason: `${quote.regimeDescription}: duty ${quote.duty}, tax ${quote.tax}, fees ${quote.fees} (${quote.currency} minor units, ${incoterm})${quote.warnings.length ? `; ${quote.warnings.join("; ")}` : ""}`,
          facts: {
            origin: warehouse.country,
            destination,
            explanation: quote.explanation,
            rulesVersion: quote.rulesVersion,
            fxRates: quote.fxRates,
          },
        });
      }

      const input = documentInput({
        order,
        tenantName: tenant?.name ?? "Merchant",
        company,
        customer,
        warehouse,
        shipment,
        index,
        items: shipmentLines(items, warehouse.country),
        shipping,
        incoterm,
        quote,
        date: now,
      });
      const missing = crossBorder ? missingRequiredFields(input) : [];
      if (missing.length) {
        const what = missing.map((field) => describeMissingField(destination, field)).join(", ");
        const message = `Customs papers for ${destination} need ${what}; add it to the shipping address`;
        await recordDecision(tx, {
          ...ref,
          kind: "customs",
          outcome: { documented: false, missing },
          reason: message,
          facts: { destination, missing },
        });
        return holdOrder(tx, ref, [{ code: "document_data_missing", message }]);
      }
      for (const kind of documentKindsFor(shipment.carrier, crossBorder, order, input)) {
        const bytes = await renderDocument(kind, input);
        const key = `${ref.tenantId}/${ref.orderId}/${shipment.id}/${kind}.pdf`;
        await deps.storage.put(key, bytes, "application/pdf");
        await saveDocument(tx, {
          tenantId: ref.tenantId,
          orderId: ref.orderId,
          shipmentId: shipment.id,
          kind,
          contentType: "application/pdf",
          storageKey: key,
        });
        stored++;
      }
    }
    if (quotes.length) await setLandedCost(tx, ref.orderId, quotes.length === 1 ? quotes[0]!.quote : quotes);
    await transitionOrder(tx, {
      ...ref,
      to: "documented",
      actor: PIPELINE_ACTOR,
      message: `${stored} document(s) generated${quotes.length ? `; landed cost under ${[...new Set(quotes.map((q) => q.quote.regime))].join(", ")}` : ""}`,
    });
    return { outcome: "advanced", status: "documented" };
  });
}

/** A missing document field in words a merchant acts on ("the recipient's PCCC"). */
function describeMissingField(destination: string, field: string): string {
  switch (field) {
    case "buyer.taxId":
      return `the recipient's ${countryTemplate(destination).buyerTaxIdLabel ?? "customs or tax id"}`;
    case "buyer.phone":
      return "the recipient's phone number";
    case "buyer.email":
      return "the recipient's e-mail";
    case "buyer.postalCode":
      return "the postal code";
    case "buyer.region":
      return "the state/province";
    default:
      return field;
  }
}

/** A shipment's lines as its papers and the carrier's customs data show them. */
export function shipmentLines(
  items: Array<{
    allocation: { sku: string; quantity: number };
    line: { title: string; unitPrice: number };
    product?: {
      customsDescription: string | null;
      hsCode: string | null;
      originCountry: string | null;
      weightGrams: number | null;
    };
  }>,
  shippedFrom: string,
): ShipmentDocumentInput["lines"] {
  return items.map(({ allocation, line, product }) => ({
    sku: allocation.sku,
    description: line.title,
    customsDescription: product?.customsDescription ?? line.title,
    hsCode: product?.hsCode ?? "",
    originCountry: product?.originCountry ?? shippedFrom,
    quantity: allocation.quantity,
    unitValue: line.unitPrice,
    weightGrams: product?.weightGrams ?? 0,
  }));
}

/** Which papers a shipment needs: customs papers only across a border; CN22/CN23 on postal lanes. */
export function documentKindsFor(
  carrier: string,
  crossBorder: boolean,
  order: Pick<OrderRow, "currency">,
  input: Pick<ShipmentDocumentInput, "lines">,
): DocumentKind[] {
  if (!crossBorder) return ["packing_list", "customer_invoice"];
  const kinds: DocumentKind[] = ["commercial_invoice", "packing_list", "customer_invoice"];
  if (POSTAL_CARRIERS.has(carrier)) {
    const value = input.lines.reduce((sum, l) => sum + l.unitValue * l.quantity, 0);
    let inEur: number;
    try {
      inEur = convertMinorUnits(value, order.currency, "EUR", REFERENCE_FX_RATES).amount;
    } catch {
      inEur = Number.MAX_SAFE_INTEGER;
    }
    kinds.push(inEur <= CN22_LIMIT_EUR_CENTS ? "cn22" : "cn23");
  }
  return kinds;
}

export function documentInput(input: {
  order: OrderRow;
  tenantName: string;
  company: CompanyProfile;
  customer: { email: string; name: string; phone: string | null; locale: string | null } | null;
  warehouse: WarehouseRow;
  shipment: { id: string; carrier: string; service: string; trackingNumber: string | null; weightGrams: number | null };
  index: number;
  items: ShipmentDocumentInput["lines"];
  shipping: number;
  incoterm: "DDP" | "DAP";
  quote: LandedCostQuote | null;
  date: Date;
}): ShipmentDocumentInput {
  const { order, company, warehouse } = input;
  const address = order.shippingAddress;
  const sellerAddress = company.address ?? warehouse.address;
  const landedCost: LandedCostSummary | undefined = input.quote
    ? {
        duty: input.quote.duty,
        taxes: input.quote.taxRate
          ? [
              {
                label: `${input.quote.taxRate.taxName} ${input.quote.taxRate.ratePercent}%`,
                ratePercent: Number(input.quote.taxRate.ratePercent),
                amount: input.quote.tax,
              },
            ]
          : [],
        fees: input.quote.fees,
        regime: input.quote.regime,
        ...(input.quote.regime.startsWith("EU_IOSS") && company.iossNumber ? { iossNumber: company.iossNumber } : {}),
      }
    : undefined;
  return {
    documentNumber: `${order.externalId}${input.index > 0 ? `-${input.index + 1}` : ""}`,
    documentDate: input.date.toISOString().slice(0, 10),
    seller: {
      name: company.legalName ?? input.tenantName,
      address: {
        name: company.legalName ?? input.tenantName,
        lines: [sellerAddress.line1, sellerAddress.line2].filter((l): l is string => Boolean(l)),
        city: sellerAddress.city,
        region: sellerAddress.region,
        postalCode: sellerAddress.postalCode,
        country: sellerAddress.country,
      },
      email: company.email,
      phone: company.phone,
      vatNumbers: company.vatNumbers,
      eori: company.eori,
      iossNumber: company.iossNumber,
      taxIds: company.taxIds,
    },
    buyer: {
      name: address.name,
      company: address.company,
      lines: [address.line1, address.line2].filter((l): l is string => Boolean(l)),
      city: address.city,
      region: address.region,
      postalCode: address.postalCode,
      country: address.country,
      email: input.customer?.email,
      phone: address.phone ?? input.customer?.phone ?? undefined,
      ...(address.taxId ? { taxId: address.taxId } : {}),
    },
    shipFrom: {
      name: warehouse.name,
      lines: [warehouse.address.line1, warehouse.address.line2].filter((l): l is string => Boolean(l)),
      city: warehouse.address.city,
      region: warehouse.address.region,
      postalCode: warehouse.address.postalCode,
      country: warehouse.country,
    },
    orderReference: order.externalId,
    incoterm: input.incoterm,
    currency: order.currency,
    lines: input.items,
    shippingCharged: input.shipping,
    parcels: [
      { weightGrams: input.shipment.weightGrams ?? input.items.reduce((s, l) => s + l.weightGrams * l.quantity, 0) },
    ],
    carrier: {
      code: input.shipment.carrier,
      service: input.shipment.service,
      trackingNumber: input.shipment.trackingNumber ?? "",
    },
    reasonForExport: "sale",
    ...(landedCost ? { landedCost } : {}),
    locale: input.customer?.locale ?? "en-GB",
  };
}
