import { countryTemplate } from "../country-templates";
import { formatDate, formatMoney } from "../format";
import type { Column } from "../pdf/canvas";
import { shipmentTotals, TAX_COLLECTED_AT_SALE } from "../totals";
import type { ShipmentDocumentInput, ShipmentLine } from "../types";
import {
  a4Canvas,
  addressSegments,
  boxRow,
  buyerSegments,
  documentHeader,
  paragraph,
  sellerSegments,
  totalsBlock,
} from "./blocks";

/**
 * The shopper's invoice: what they paid, with the consumption tax lines the destination's rules
 * require (IOSS number under the EU IOSS, the seller's UK VAT number for UK ≤ £135, ARN for AU…).
 */
export async function renderCustomerInvoice(input: ShipmentDocumentInput): Promise<Buffer> {
  const totals = shipmentTotals(input);
  const money = (minor: number) => formatMoney(minor, input.currency, input.locale);
  const template = countryTemplate(input.buyer.country);
  const landed = input.landedCost;
  const canvas = a4Canvas(input, "Invoice");

  documentHeader(canvas, input, "Invoice", [
    ["Invoice no.", input.documentNumber],
    ["Invoice date", formatDate(input.documentDate)],
    ["Order reference", input.orderReference],
    ["Currency", input.currency],
    ...(landed?.regime === "EU_IOSS" && (landed.iossNumber ?? input.seller.iossNumber)
      ? ([["IOSS number", (landed.iossNumber ?? input.seller.iossNumber)!]] as Array<[string, string]>)
      : []),
  ]);

  boxRow(canvas, [
    { label: "Seller", body: sellerSegments(input) },
    { label: "Bill to", body: buyerSegments(input, "vat") },
    { label: "Ship to", body: addressSegments(input.buyer) },
  ]);

  const columns: Column<ShipmentLine>[] = [
    {
      header: "Item",
      width: 275,
      cell: (l) => [
        { text: l.description, bold: true },
        { text: `SKU ${l.sku}`, size: 7, color: "#555555" },
      ],
    },
    { header: "Qty", width: 50, align: "right", cell: (l) => String(l.quantity) },
    { header: "Unit price", width: 90, align: "right", cell: (l) => money(l.unitValue) },
    { header: "Amount", width: 100, align: "right", cell: (l) => money(l.unitValue * l.quantity) },
  ];
  canvas.table(input.lines, columns, { zebra: true, size: 9 });

  const rows: Array<[string, string]> = [
    ["Subtotal", money(totals.goods)],
    ["Shipping", money(totals.shipping)],
  ];
  if (totals.dutyCharged) rows.push(["Import duty", money(totals.dutyCharged)]);
  if (totals.feesCharged) rows.push(["Customs clearance fees", money(totals.feesCharged)]);
  for (const tax of totals.taxesCharged) rows.push([tax.label, money(tax.amount)]);
  rows.push(["Total paid", money(totals.customerTotal)]);
  totalsBlock(canvas, rows);

  if (input.incoterm === "DDP") {
    paragraph(canvas, "Duties and taxes paid (DDP): nothing more is due on delivery.", { bold: true, size: 9 });
  } else if (!landed || !TAX_COLLECTED_AT_SALE.has(landed.regime)) {
    paragraph(
      canvas,
      `Delivered at place (DAP): import duties and ${template.taxName} are not included and may be collected by the carrier on delivery.`,
      { size: 9 },
    );
  }
  const note = landed ? template.regimeNotes?.[landed.regime] : undefined;
  if (note) paragraph(canvas, note, { size: 9 });
  paragraph(
    canvas,
    `Questions about this invoice: ${input.seller.email ?? input.seller.address.email ?? input.seller.name}.`,
    {
      size: 8,
    },
  );
  return canvas.finish();
}
