import { assertCustomsFields, countryTemplate, sellerTaxIdsFor } from "../country-templates";
import { formatAmount, formatDate, formatHsCode } from "../format";
import { barcodePng, placeBarcode } from "../labels/barcode-image";
import { carrierLabelProfile } from "../labels/carriers";
import type { Column, Segment } from "../pdf/canvas";
import { shipmentTotals } from "../totals";
import type { ShipmentDocumentInput, ShipmentLine } from "../types";
import { a4Canvas, addressSegments, buyerSegments } from "./blocks";
import { POSTAL_CATEGORIES } from "./cn22";

const kg = (grams: number) => (grams / 1000).toFixed(3);

/** CN 23 (UPU) customs declaration for postal items above 300 SDR, laid out like the UPU form. */
export async function renderCn23(input: ShipmentDocumentInput): Promise<Buffer> {
  assertCustomsFields(input);
  const totals = shipmentTotals(input);
  const template = countryTemplate(input.buyer.country);
  const canvas = a4Canvas(input, "CN 23");
  const x = canvas.margin;
  const width = canvas.contentWidth;
  const half = width / 2;

  canvas.onNewPage(() => {
    canvas.text(`CN 23 customs declaration — item ${input.carrier.trackingNumber} (continued)`, x, canvas.y, width, {
      size: 9,
      bold: true,
    });
    canvas.y += 16;
  });

  const from: Segment[] = [
    ...addressSegments({
      ...input.seller.address,
      name: input.seller.name,
      phone: input.seller.phone,
      email: input.seller.email,
    }),
    ...sellerTaxIdsFor(input).map((id) => ({ text: `${id.label}: ${id.value}`, size: 8, bold: true })),
  ];
  const to = buyerSegments(input);
  const top = canvas.y;
  const fromHeight = Math.max(96, canvas.segmentsHeight(from, half - 8) + 20);
  const toHeight = Math.max(86, canvas.segmentsHeight(to, half - 8) + 20);

  canvas.labelledBox("From", from, x, top, half, fromHeight);
  canvas.rect(x + half, top, half, fromHeight);
  canvas.text("CUSTOMS DECLARATION", x + half + 6, top + 6, half - 60, { size: 12, bold: true });
  canvas.text("CN 23", x + half + 6, top + 6, half - 12, { size: 16, bold: true, align: "right" });
  canvas.text(
    `Designated operator: ${carrierLabelProfile(input.carrier.code).name}`,
    x + half + 6,
    top + 26,
    half - 12,
    {
      size: 8,
    },
  );
  canvas.text("No. of item (barcode, if any)", x + half + 6, top + 40, half - 12, { size: 6.5, color: "#444444" });
  canvas.text(input.carrier.trackingNumber, x + half + 6, top + 49, half - 12, { size: 12, bold: true });
  const itemBarcode = await barcodePng(
    { symbology: "code128", data: input.carrier.trackingNumber, humanReadable: "", purpose: "tracking" },
    8,
  );
  placeBarcode(canvas, itemBarcode, x + half + 6, top + 66, half - 12, fromHeight - 86);
  canvas.text("May be opened officially", x + half + 6, top + fromHeight - 14, half - 12, { size: 8, bold: true });

  const toTop = top + fromHeight;
  canvas.labelledBox("To", to, x, toTop, half, toHeight);
  canvas.rect(x + half, toTop, half, toHeight);
  canvas.text("Importer's reference (if any) (tax code/VAT no./importer code)", x + half + 6, toTop + 4, half - 12, {
    size: 6.5,
    color: "#444444",
  });
  const importerRef =
    input.customs?.importerReference ?? input.buyer.taxId ?? input.buyer.vatNumber ?? input.buyer.eori ?? "";
  canvas.text(importerRef || "—", x + half + 6, toTop + 14, half - 12, { size: 9 });
  canvas.text("Importer's telephone/fax/e-mail (if known)", x + half + 6, toTop + 34, half - 12, {
    size: 6.5,
    color: "#444444",
  });
  canvas.text(
    [input.buyer.phone, input.buyer.email].filter(Boolean).join("\n") || "—",
    x + half + 6,
    toTop + 44,
    half - 12,
    { size: 9 },
  );
  canvas.y = toTop + toHeight + 8;

  const columns: Column<ShipmentLine>[] = [
    {
      header: "Detailed description of contents (1)",
      width: 190,
      cell: (l) => [
        { text: l.customsDescription, bold: true },
        { text: l.description, size: 7.5 },
      ],
    },
    { header: "Quantity (2)", width: 48, align: "right", cell: (l) => String(l.quantity) },
    { header: "Net weight (kg) (3)", width: 62, align: "right", cell: (l) => kg(l.weightGrams * l.quantity) },
    {
      header: `Value (5) ${input.currency}`,
      width: 70,
      align: "right",
      cell: (l) => formatAmount(l.unitValue * l.quantity, input.currency),
    },
    { header: "HS tariff number (7)", width: 75, cell: (l) => formatHsCode(l.hsCode) },
    { header: "Country of origin (8)", width: 70, align: "center", cell: (l) => l.originCountry },
  ];
  canvas.table(input.lines, columns, { size: 8 });

  const third = width / 3;
  canvas.ensureSpace(30);
  const totalsTop = canvas.y;
  const totalsCells: Array<[string, string]> = [
    ["Total gross weight (kg) (4)", kg(totals.grossWeightGrams)],
    [`Total value (6) ${input.currency}`, formatAmount(totals.goods, input.currency)],
    [
      `Postal charges/Fees (9) ${input.currency}`,
      formatAmount(input.customs?.postalCharges ?? input.shippingCharged, input.currency),
    ],
  ];
  totalsCells.forEach(([label, value], i) => {
    canvas.rect(x + i * third, totalsTop, third, 28);
    canvas.text(label, x + i * third + 4, totalsTop + 3, third - 8, { size: 6.5, color: "#444444" });
    canvas.text(value, x + i * third + 4, totalsTop + 13, third - 8, { size: 10, bold: true });
  });
  canvas.y = totalsTop + 36;

  const explanation = input.explanation ?? "";
  const explanationHeight = canvas.heightOf(`Explanation: ${explanation || "—"}`, width - 8, { size: 8 });
  const categoryHeight = 34 + explanationHeight;
  canvas.ensureSpace(categoryHeight);
  const categoryTop = canvas.y;
  canvas.rect(x, categoryTop, width, categoryHeight);
  canvas.text("Category of item (10)", x + 4, categoryTop + 4, width - 8, { size: 6.5, color: "#444444" });
  // Each category gets its label's width plus an equal share of the spare room.
  const labelWidths = POSTAL_CATEGORIES.map((c) => canvas.widthOf(c.label, { size: 7.5 }) + 14);
  const spare = (width - 8 - labelWidths.reduce((a, b) => a + b, 0)) / POSTAL_CATEGORIES.length;
  let cx = x + 4;
  POSTAL_CATEGORIES.forEach((category, i) => {
    canvas.checkbox(cx, categoryTop + 15, category.reasons.includes(input.reasonForExport));
    canvas.text(category.label, cx + 10, categoryTop + 15, labelWidths[i]! - 10 + spare, { size: 7.5 });
    cx += labelWidths[i]! + spare;
  });
  canvas.text(`Explanation: ${explanation || "—"}`, x + 4, categoryTop + 29, width - 8, { size: 8 });
  canvas.y = categoryTop + categoryHeight + 6;

  const comments = template.customsDeclaration ?? "";
  const rows: Array<[string, string]> = [
    [
      "Comments (11): e.g. goods subject to quarantine, sanitary/phytosanitary inspection or other restrictions",
      comments || "—",
    ],
    ["Licence (12) — No(s). of licence(s)", (input.customs?.licenceNumbers ?? []).join(", ") || "—"],
    ["Certificate (13) — No(s). of certificate(s)", (input.customs?.certificateNumbers ?? []).join(", ") || "—"],
    ["Invoice (14) — No. of invoice", input.customs?.invoiceNumber ?? input.documentNumber],
    [
      "Office of origin / Date of posting",
      `${input.shipFrom.city} (${input.shipFrom.country}), ${formatDate(input.documentDate)}`,
    ],
  ];
  for (const [label, value] of rows) {
    const h =
      Math.max(canvas.heightOf(label, half - 8, { size: 7 }), canvas.heightOf(value, half - 8, { size: 8.5 })) + 8;
    canvas.ensureSpace(h);
    canvas.rect(x, canvas.y, width, h);
    canvas.text(label, x + 4, canvas.y + 4, half - 8, { size: 7, color: "#444444" });
    canvas.text(value, x + half + 4, canvas.y + 4, half - 8, { size: 8.5 });
    canvas.y += h;
  }
  canvas.y += 6;

  const declaration =
    "I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations. (15)";
  const declarationHeight = canvas.heightOf(declaration, width - 8, { size: 8 });
  canvas.ensureSpace(declarationHeight + 48);
  const declTop = canvas.y;
  canvas.text(declaration, x + 4, declTop + 4, width - 8, { size: 8 });
  const signTop = declTop + declarationHeight + 10;
  canvas.text("Date and sender's signature", x + 4, signTop, half - 8, { size: 6.5, color: "#444444" });
  canvas.text(`${formatDate(input.documentDate)}   ${input.seller.name}`, x + 4, signTop + 10, width - 8, {
    size: 10,
    bold: true,
  });
  canvas.rect(x, declTop, width, signTop + 28 - declTop);
  canvas.y = signTop + 32;
  return canvas.finish();
}
