import { countryTemplate, sellerTaxIdsFor } from "../country-templates";
import { addressLines, formatDate } from "../format";
import { type CellContent, PdfCanvas, type Segment } from "../pdf/canvas";
import type { BuyerParty, PostalAddress, ShipmentDocumentInput } from "../types";

export const A4_MARGIN = 40;

export function a4Canvas(input: ShipmentDocumentInput, title: string): PdfCanvas {
  return new PdfCanvas({
    size: "A4",
    margin: A4_MARGIN,
    countryHint: input.buyer.country,
    title: `${title} ${input.documentNumber}`,
    footer: `${title} ${input.documentNumber} · Order ${input.orderReference} · ${input.seller.name}`,
  });
}

/**
 * Title on the left, the reference grid on the right; on later pages a one-line running header
 * so a loose page still says what it belongs to.
 */
export function documentHeader(
  canvas: PdfCanvas,
  input: ShipmentDocumentInput,
  title: string,
  references: Array<[string, string]>,
  subtitle?: string,
): void {
  const x = canvas.margin;
  const width = canvas.contentWidth;
  const top = canvas.y;
  canvas.text(title.toUpperCase(), x, top, width * 0.55, { size: 18, bold: true });
  let leftY = top + 24;
  if (subtitle) leftY += canvas.text(subtitle, x, leftY, width * 0.55, { size: 8, color: "#444444" }) + 2;
  leftY += canvas.text(input.seller.name, x, leftY, width * 0.55, { size: 10, bold: true });

  const gridX = x + width * 0.58;
  const gridWidth = width * 0.42;
  const labelWidth = gridWidth * 0.42;
  let rightY = top;
  for (const [label, value] of references) {
    const h = Math.max(
      canvas.heightOf(label, labelWidth, { size: 8 }),
      canvas.heightOf(value, gridWidth - labelWidth, { size: 8, bold: true }),
    );
    canvas.text(label, gridX, rightY, labelWidth, { size: 8, color: "#444444" });
    canvas.text(value, gridX + labelWidth, rightY, gridWidth - labelWidth, { size: 8, bold: true });
    rightY += h + 2;
  }
  canvas.y = Math.max(leftY, rightY) + 8;
  canvas.line(x, canvas.y, x + width, canvas.y, 1);
  canvas.y += 8;

  canvas.onNewPage(() => {
    canvas.text(`${title} ${input.documentNumber} (continued)`, x, canvas.y, width, { size: 9, bold: true });
    canvas.text(`Order ${input.orderReference} · ${formatDate(input.documentDate)}`, x, canvas.y, width, {
      size: 8,
      align: "right",
    });
    canvas.y += 16;
  });
}

export function sellerSegments(input: ShipmentDocumentInput, options: { taxIds?: boolean } = {}): Segment[] {
  const seller = input.seller;
  const lines = addressLines({ ...seller.address, name: seller.name });
  const segments: Segment[] = [{ text: lines[0]!, bold: true }, ...lines.slice(1).map((text) => ({ text }))];
  const contact = [seller.phone ?? seller.address.phone, seller.email ?? seller.address.email].filter(Boolean);
  for (const text of contact) segments.push({ text: text!, size: 7.5, color: "#333333" });
  if (options.taxIds !== false) {
    for (const id of sellerTaxIdsFor(input)) segments.push({ text: `${id.label}: ${id.value}`, bold: true, size: 8 });
  }
  return segments;
}

/**
 * An address block. Customs documents show the recipient's ids (`ids: "customs"`); the shopper's
 * own invoice shows only a business VAT number (`"vat"`); a plain delivery address none.
 */
export function addressSegments(
  address: PostalAddress | BuyerParty,
  options: { ids?: "customs" | "vat" | "none"; taxIdLabel?: string } = {},
): Segment[] {
  const lines = addressLines(address);
  const segments: Segment[] = [{ text: lines[0]!, bold: true }, ...lines.slice(1).map((text) => ({ text }))];
  const contact = [address.phone, address.email].filter(Boolean);
  for (const text of contact) segments.push({ text: text!, size: 7.5, color: "#333333" });
  const buyer = address as BuyerParty;
  const ids = options.ids ?? "none";
  if (ids === "customs" && buyer.taxId)
    segments.push({ text: `${options.taxIdLabel ?? "Tax ID"}: ${buyer.taxId}`, size: 8 });
  if (ids === "customs" && buyer.eori) segments.push({ text: `EORI: ${buyer.eori}`, size: 8 });
  if (ids !== "none" && buyer.vatNumber) segments.push({ text: `VAT: ${buyer.vatNumber}`, size: 8 });
  return segments;
}

export function buyerSegments(input: ShipmentDocumentInput, ids: "customs" | "vat" = "customs"): Segment[] {
  return addressSegments(input.buyer, { ids, taxIdLabel: countryTemplate(input.buyer.country).buyerTaxIdLabel });
}

/** Boxes side by side, all as tall as the tallest. */
export function boxRow(canvas: PdfCanvas, boxes: Array<{ label: string; body: CellContent }>, gap = 8): void {
  const width = (canvas.contentWidth - gap * (boxes.length - 1)) / boxes.length;
  const pad = 4;
  const height = Math.max(
    ...boxes.map(
      (b) =>
        canvas.heightOf(b.label, width - 2 * pad, { size: 6.5, bold: true }) +
        canvas.segmentsHeight(b.body, width - 2 * pad) +
        2 * pad +
        2,
    ),
  );
  canvas.ensureSpace(height);
  boxes.forEach((box, i) => {
    canvas.labelledBox(box.label, box.body, canvas.margin + i * (width + gap), canvas.y, width, height);
  });
  canvas.y += height + 8;
}

/** Label/value pairs in a grid of `columns` cells. */
export function factGrid(canvas: PdfCanvas, facts: Array<[string, string]>, columns = 4): void {
  const width = canvas.contentWidth / columns;
  const pad = 4;
  for (let start = 0; start < facts.length; start += columns) {
    const row = facts.slice(start, start + columns);
    const height =
      Math.max(
        ...row.map(
          ([label, value]) =>
            canvas.heightOf(label, width - 2 * pad, { size: 6.5, bold: true }) +
            canvas.heightOf(value || "—", width - 2 * pad, { size: 8.5 }),
        ),
      ) +
      2 * pad +
      1;
    canvas.ensureSpace(height);
    row.forEach(([label, value], i) => {
      const x = canvas.margin + i * width;
      canvas.rect(x, canvas.y, width, height, { stroke: "#999999" });
      const lh = canvas.text(label.toUpperCase(), x + pad, canvas.y + pad, width - 2 * pad, {
        size: 6.5,
        bold: true,
        color: "#444444",
      });
      canvas.text(value || "—", x + pad, canvas.y + pad + lh + 1, width - 2 * pad, { size: 8.5 });
    });
    canvas.y += height;
  }
  canvas.y += 8;
}

/** Right-aligned label/amount rows; the last `emphasis` rows in bold above a rule. */
export function totalsBlock(canvas: PdfCanvas, rows: Array<[string, string]>, emphasis = 1): void {
  const width = 240;
  const x = canvas.margin + canvas.contentWidth - width;
  canvas.ensureSpace(rows.length * 14 + 10);
  canvas.y += 4;
  rows.forEach(([label, value], i) => {
    const strong = i >= rows.length - emphasis;
    if (strong && i === rows.length - emphasis) {
      canvas.line(x, canvas.y, x + width, canvas.y, 0.8);
      canvas.y += 3;
    }
    const style = { size: strong ? 10 : 9, bold: strong };
    const h = Math.max(canvas.heightOf(label, width * 0.6, style), canvas.heightOf(value, width * 0.4, style));
    canvas.text(label, x, canvas.y, width * 0.6, style);
    canvas.text(value, x + width * 0.6, canvas.y, width * 0.4, { ...style, align: "right" });
    canvas.y += h + 3;
  });
  canvas.y += 6;
}

/** A paragraph across the page (declarations, notes). */
export function paragraph(canvas: PdfCanvas, text: string, style: { size?: number; bold?: boolean } = {}): void {
  const h = canvas.heightOf(text, canvas.contentWidth, { size: style.size ?? 8, bold: style.bold });
  canvas.ensureSpace(h + 4);
  canvas.text(text, canvas.margin, canvas.y, canvas.contentWidth, { size: style.size ?? 8, bold: style.bold });
  canvas.y += h + 6;
}

export function signatureBlock(canvas: PdfCanvas, input: ShipmentDocumentInput, place?: string): void {
  canvas.ensureSpace(58);
  const x = canvas.margin;
  const third = canvas.contentWidth / 3;
  const y = canvas.y + 10;
  const cells: Array<[string, string]> = [
    ["Name of signatory", input.seller.name],
    ["Place and date", `${place ?? input.shipFrom.city}, ${formatDate(input.documentDate)}`],
    ["Signature", ""],
  ];
  cells.forEach(([label, value], i) => {
    const cx = x + i * third;
    canvas.text(value, cx, y + 8, third - 12, { size: 9 });
    canvas.line(cx, y + 26, cx + third - 12, y + 26, 0.5);
    canvas.text(label, cx, y + 29, third - 12, { size: 7, color: "#444444" });
  });
  canvas.y = y + 46;
}

export function incotermText(input: ShipmentDocumentInput): string {
  return `${input.incoterm} ${input.buyer.city}`;
}
