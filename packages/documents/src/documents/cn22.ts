import { assertCustomsFields } from "../country-templates";
import { formatAmount, formatDate, formatHsCode } from "../format";
import { carrierLabelProfile } from "../labels/carriers";
import { type Column, PdfCanvas } from "../pdf/canvas";
import { shipmentTotals } from "../totals";
import type { ExportReason, ShipmentDocumentInput, ShipmentLine } from "../types";

/** The UPU category boxes and which export reason ticks each. */
export const POSTAL_CATEGORIES: Array<{ label: string; reasons: ExportReason[] }> = [
  { label: "Gift", reasons: ["gift"] },
  { label: "Commercial sample", reasons: ["sample"] },
  { label: "Documents", reasons: ["documents"] },
  { label: "Returned goods", reasons: ["return"] },
  { label: "Sale of goods", reasons: ["sale"] },
  { label: "Other", reasons: ["repair", "other"] },
];

const kg = (grams: number) => (grams / 1000).toFixed(3);

/**
 * CN 22 (UPU), for postal items up to 300 SDR: a 4×6 in form that prints on the label printer.
 * Whether the value allows a CN 22 or needs a CN 23 is the caller's choice (it knows the SDR rate).
 */
export async function renderCn22(input: ShipmentDocumentInput): Promise<Buffer> {
  assertCustomsFields(input);
  const totals = shipmentTotals(input);
  const canvas = new PdfCanvas({
    size: [288, 432],
    margin: 12,
    countryHint: input.buyer.country,
    title: `CN 22 ${input.carrier.trackingNumber}`,
    footer: null,
  });
  const x = canvas.margin;
  const width = canvas.contentWidth;

  const drawHeading = (continued: boolean) => {
    const top = canvas.y;
    canvas.text("CUSTOMS DECLARATION", x + 4, top + 4, width * 0.62, { size: 11, bold: true });
    canvas.text("CN 22", x + width * 0.62, top + 3, width * 0.38 - 4, { size: 16, bold: true, align: "right" });
    canvas.text(`Designated operator: ${carrierLabelProfile(input.carrier.code).name}`, x + 4, top + 19, width * 0.62, {
      size: 7,
    });
    canvas.text("May be opened officially", x + width * 0.55, top + 21, width * 0.45 - 4, { size: 7, align: "right" });
    canvas.text(
      `Item no. ${input.carrier.trackingNumber} · Ref ${input.orderReference}${continued ? " (continued)" : ""}`,
      x + 4,
      top + 29,
      width - 8,
      {
        size: 7,
        bold: true,
      },
    );
    canvas.rect(x, top, width, 40, { width: 1 });
    canvas.y = top + 40;
  };
  canvas.onNewPage(() => drawHeading(true));
  drawHeading(false);

  const boxTop = canvas.y;
  const colWidth = (width - 8) / 3;
  POSTAL_CATEGORIES.forEach((category, i) => {
    const cx = x + 4 + (i % 3) * colWidth;
    const cy = boxTop + 5 + Math.floor(i / 3) * 12;
    canvas.checkbox(cx, cy, category.reasons.includes(input.reasonForExport));
    canvas.text(category.label, cx + 10, cy, colWidth - 12, { size: 7 });
  });
  let boxBottom = boxTop + 30;
  if (input.explanation || input.reasonForExport === "other") {
    boxBottom +=
      canvas.text(`Explanation: ${input.explanation ?? "—"}`, x + 4, boxBottom, width - 8, { size: 6.5 }) + 3;
  }
  canvas.rect(x, boxTop, width, boxBottom - boxTop);
  canvas.y = boxBottom;

  const columns: Column<ShipmentLine>[] = [
    {
      header: "Quantity and detailed description of contents (1)",
      width: 96,
      cell: (l) => [{ text: `${l.quantity} × ${l.customsDescription}` }, { text: l.description, size: 6 }],
    },
    { header: "Weight (kg) (2)", width: 34, align: "right", cell: (l) => kg(l.weightGrams * l.quantity) },
    {
      header: `Value (3) ${input.currency}`,
      width: 42,
      align: "right",
      cell: (l) => formatAmount(l.unitValue * l.quantity, input.currency),
    },
    { header: "HS tariff no. (4)", width: 58, cell: (l) => formatHsCode(l.hsCode) },
    { header: "Origin (5)", width: 34, align: "center", cell: (l) => l.originCountry },
  ];
  canvas.table(input.lines, columns, { size: 6.5 });

  const declaration =
    "I, the undersigned, whose name and address are given on the item, certify that the particulars given in this declaration are correct and that this item does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations.";
  const declarationHeight = canvas.heightOf(declaration, width - 8, { size: 6 });
  canvas.ensureSpace(24 + declarationHeight + 44);

  const totalsTop = canvas.y;
  canvas.rect(x, totalsTop, width, 22);
  canvas.text("Total weight (kg) (6)", x + 4, totalsTop + 3, width / 2 - 8, { size: 6.5, color: "#444444" });
  canvas.text(kg(totals.grossWeightGrams), x + 4, totalsTop + 11, width / 2 - 8, { size: 8, bold: true });
  canvas.line(x + width / 2, totalsTop, x + width / 2, totalsTop + 22);
  canvas.text(`Total value (7) ${input.currency}`, x + width / 2 + 4, totalsTop + 3, width / 2 - 8, {
    size: 6.5,
    color: "#444444",
  });
  canvas.text(formatAmount(totals.goods, input.currency), x + width / 2 + 4, totalsTop + 11, width / 2 - 8, {
    size: 8,
    bold: true,
  });
  canvas.y = totalsTop + 22;

  const declTop = canvas.y;
  canvas.text(declaration, x + 4, declTop + 4, width - 8, { size: 6 });
  const signTop = declTop + 4 + declarationHeight + 4;
  canvas.text("Date and sender's signature (8)", x + 4, signTop, width - 8, { size: 6.5, color: "#444444" });
  canvas.text(`${formatDate(input.documentDate)}   ${input.seller.name}`, x + 4, signTop + 10, width - 8, {
    size: 8,
    bold: true,
  });
  canvas.rect(x, declTop, width, signTop + 24 - declTop);
  canvas.y = signTop + 28;
  return canvas.finish();
}
