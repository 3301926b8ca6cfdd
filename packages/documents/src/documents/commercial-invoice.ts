import { assertCustomsFields, countryTemplate } from "../country-templates";
import { countryName, formatDate, formatHsCode, formatMoney, formatWeightKg, reasonLabel } from "../format";
import { carrierLabelProfile } from "../labels/carriers";
import type { Column } from "../pdf/canvas";
import { originCountries, shipmentTotals } from "../totals";
import type { ShipmentDocumentInput, ShipmentLine } from "../types";
import {
  a4Canvas,
  addressSegments,
  boxRow,
  buyerSegments,
  documentHeader,
  factGrid,
  incotermText,
  paragraph,
  sellerSegments,
  signatureBlock,
  totalsBlock,
} from "./blocks";

type InvoiceVariant = "commercial" | "proforma";

const TITLES: Record<InvoiceVariant, string> = { commercial: "Commercial invoice", proforma: "Pro forma invoice" };

export function invoiceLineColumns(input: ShipmentDocumentInput): Column<ShipmentLine>[] {
  const money = (minor: number) => formatMoney(minor, input.currency, input.locale);
  return [
    { header: "#", width: 18, cell: (_l, i) => String(i + 1) },
    {
      header: "Description of goods",
      width: 175,
      cell: (l) => [
        { text: l.customsDescription, bold: true },
        ...(l.description !== l.customsDescription ? [{ text: l.description }] : []),
        { text: `SKU ${l.sku}`, size: 7, color: "#555555" },
      ],
    },
    { header: "HS code", width: 58, cell: (l) => formatHsCode(l.hsCode) },
    { header: "Origin", width: 38, align: "center", cell: (l) => l.originCountry },
    { header: "Qty", width: 30, align: "right", cell: (l) => String(l.quantity) },
    { header: "Net wt / unit", width: 52, align: "right", cell: (l) => formatWeightKg(l.weightGrams) },
    { header: "Unit value", width: 70, align: "right", cell: (l) => money(l.unitValue) },
    { header: "Total value", width: 74, align: "right", cell: (l) => money(l.unitValue * l.quantity) },
  ];
}

async function renderInvoice(input: ShipmentDocumentInput, variant: InvoiceVariant): Promise<Buffer> {
  assertCustomsFields(input);
  const title = TITLES[variant];
  const totals = shipmentTotals(input);
  const money = (minor: number) => formatMoney(minor, input.currency, input.locale);
  const canvas = a4Canvas(input, title);
  const template = countryTemplate(input.buyer.country);

  documentHeader(
    canvas,
    input,
    title,
    [
      ["Invoice no.", input.customs?.invoiceNumber ?? input.documentNumber],
      ["Date", formatDate(input.documentDate)],
      ["Order reference", input.orderReference],
      ["Incoterm", incotermText(input)],
      ["Currency", input.currency],
      ...(input.customs?.importerReference
        ? ([["Importer's reference", input.customs.importerReference]] as Array<[string, string]>)
        : []),
    ],
    variant === "proforma" ? "Issued for customs purposes only; no payment is due." : undefined,
  );

  boxRow(canvas, [
    { label: "Exporter / seller", body: sellerSegments(input) },
    { label: "Consignee / importer", body: buyerSegments(input) },
    { label: "Ship from", body: addressSegments(input.shipFrom) },
  ]);

  factGrid(canvas, [
    ["Carrier / service", `${carrierLabelProfile(input.carrier.code).name} · ${input.carrier.service}`],
    ["Tracking / AWB", input.carrier.trackingNumber],
    ["Reason for export", reasonLabel(input.reasonForExport)],
    [
      "Terms of delivery",
      input.incoterm === "DDP" ? "DDP – duties and taxes paid by seller" : "DAP – duties and taxes payable by receiver",
    ],
    ["Country of origin", originCountries(input).map(countryName).join(", ")],
    ["Country of destination", countryName(input.buyer.country)],
    ["Packages", String(input.parcels.length)],
    ["Gross / net weight", `${formatWeightKg(totals.grossWeightGrams)} / ${formatWeightKg(totals.netWeightGrams)}`],
  ]);

  canvas.table(input.lines, invoiceLineColumns(input), { zebra: true });

  const rows: Array<[string, string]> = [
    [`Goods value (${totals.units} units)`, money(totals.goods)],
    ["Freight", money(totals.shipping)],
    ["Insurance", money(0)],
  ];
  rows.push([`Total invoice value (${input.currency})`, money(totals.invoiceTotal)]);
  totalsBlock(canvas, rows);

  if (input.incoterm === "DDP") {
    const landed = input.landedCost;
    const paid = landed
      ? [`duty ${money(landed.duty)}`, ...landed.taxes.map((t) => `${t.label} ${money(t.amount)}`)].join(", ")
      : "";
    paragraph(
      canvas,
      `Duties and taxes paid by the seller (DDP)${paid ? `: ${paid}` : ""}. Bill duties and taxes to the shipper.`,
      { bold: true },
    );
  }

  if (input.explanation) paragraph(canvas, `Remarks: ${input.explanation}`);
  const licences = input.customs?.licenceNumbers ?? [];
  const certificates = input.customs?.certificateNumbers ?? [];
  if (licences.length) paragraph(canvas, `Licence no(s).: ${licences.join(", ")}`);
  if (certificates.length) paragraph(canvas, `Certificate no(s).: ${certificates.join(", ")}`);
  if (template.customsDeclaration) paragraph(canvas, template.customsDeclaration);
  paragraph(
    canvas,
    variant === "proforma"
      ? "I declare that the goods are not sold; the values above are their fair market value for customs purposes, and all information in this pro forma invoice is true and correct."
      : "I declare that all the information contained in this invoice is true and correct, and that the goods are of the origin shown above.",
  );
  signatureBlock(canvas, input);
  return canvas.finish();
}

export function renderCommercialInvoice(input: ShipmentDocumentInput): Promise<Buffer> {
  return renderInvoice(input, "commercial");
}

export function renderProformaInvoice(input: ShipmentDocumentInput): Promise<Buffer> {
  return renderInvoice(input, "proforma");
}
