import { addressLines, formatWeightKg } from "../format";
import { PdfCanvas } from "../pdf/canvas";
import type { ShipmentDocumentInput } from "../types";
import { barcodePng, placeBarcode } from "./barcode-image";
import type { LabelBarcode } from "./carriers";
import { type LabelModel, type LabelPiece, type LabelVariant, labelModel } from "./model";

/** 4 × 6 in, the thermal label size every carrier here accepts. */
export const LABEL_SIZE: [number, number] = [288, 432];
const M = 10;
const W = LABEL_SIZE[0] - 2 * M;

function drawPiece(canvas: PdfCanvas, model: LabelModel, piece: LabelPiece, pngs: Map<LabelBarcode, Buffer>) {
  let y = M;
  const isReturn = model.variant === "return";

  // Header: carrier, service, date; a black RETURN banner on return labels.
  if (isReturn) {
    canvas.rect(M, y, W, 30, { fill: "#000000" });
    canvas.text("RETURN", M + 6, y + 5, W / 2, { size: 20, bold: true, color: "#ffffff" });
    canvas.text(`RMA ${model.rmaNumber}`, M + W / 2, y + 10, W / 2 - 6, {
      size: 11,
      bold: true,
      color: "#ffffff",
      align: "right",
    });
    y += 34;
  }
  canvas.text(model.carrierName, M, y, W * 0.6, { size: 14, bold: true });
  canvas.text(model.date, M + W * 0.6, y + 2, W * 0.4, { size: 8, align: "right" });
  canvas.text(model.service, M, y + 17, W * 0.65, { size: 8.5 });
  canvas.text(`Parcel ${piece.index} of ${piece.count}`, M + W * 0.6, y + 12, W * 0.4, {
    size: 8,
    bold: true,
    align: "right",
  });
  y += 30;
  canvas.line(M, y, M + W, y, 1.5);
  y += 4;

  // Sender, small.
  canvas.text(isReturn ? "FROM (CUSTOMER)" : "FROM", M, y, W, { size: 6, bold: true, color: "#444444" });
  y += 8;
  const fromText = addressLines(model.from).join(", ");
  y += canvas.text(fromText, M, y, W, { size: 7 }) + 4;
  canvas.line(M, y, M + W, y, 0.8);
  y += 4;

  // Recipient, large; the font shrinks until the block fits its slot.
  const toLines = addressLines(model.to);
  const slot = isReturn ? 104 : 126;
  canvas.text(isReturn ? "RETURN TO" : "SHIP TO", M, y, W, { size: 7, bold: true, color: "#444444" });
  y += 10;
  // Name, city line and country stand out; street lines are one step smaller.
  const styleFor = (i: number, s: number) => {
    const emphasised = i === 0 || i >= toLines.length - 2;
    return { size: i === 0 || i === toLines.length - 1 ? s + 1 : s, bold: emphasised };
  };
  const blockHeight = (s: number) => toLines.reduce((h, line, i) => h + canvas.heightOf(line, W, styleFor(i, s)), 0);
  let size = 13;
  while (size > 7 && blockHeight(size) > slot - 10) size -= 0.5;
  const toTop = y;
  toLines.forEach((line, i) => {
    y += canvas.text(line, M, y, W, styleFor(i, size));
  });
  if (model.to.phone) canvas.text(model.to.phone, M, Math.max(y, toTop + slot - 9), W, { size: 7 });
  y = toTop + slot + 2;
  canvas.line(M, y, M + W, y, 1.5);
  y += 4;

  // Routing barcode (GS1 (420) postal code or DHL 2L) under the address.
  const routing = model.barcodes.find((b) => b.purpose === "routing");
  if (routing) {
    placeBarcode(canvas, pngs.get(routing)!, M + 20, y, W - 40, 34);
    y += 36;
    canvas.text(routing.humanReadable, M, y, W, { size: 8, bold: true, align: "center" });
    y += 12;
    canvas.line(M, y, M + W, y, 0.8);
    y += 4;
  }

  // Facts row.
  const facts: Array<[string, string]> = [
    ["WEIGHT", formatWeightKg(piece.weightGrams)],
    ["ORDER", model.reference],
    isReturn ? ["RMA", model.rmaNumber ?? ""] : ["INVOICE", model.documentNumber],
  ];
  const cell = W / facts.length;
  facts.forEach(([label, value], i) => {
    canvas.text(label, M + i * cell + 2, y, cell - 4, { size: 6, bold: true, color: "#444444" });
    canvas.fitText(value, M + i * cell + 2, y + 8, cell - 4, { size: 9, bold: true });
  });
  y += 24;
  canvas.line(M, y, M + W, y, 1.5);
  y += 6;

  // Tracking barcode(s).
  const linear = model.barcodes.find((b) => b.purpose === "tracking" && b.symbology !== "datamatrix");
  const matrix = model.barcodes.find((b) => b.symbology === "datamatrix");
  // Human-readable tracking number anchored at the bottom; the barcode takes the space above it.
  const readableTop = LABEL_SIZE[1] - M - 24;
  const barHeight = Math.min(110, readableTop - 6 - y);
  if (linear && matrix) {
    placeBarcode(canvas, pngs.get(matrix)!, M, y, 72, Math.min(72, barHeight));
    placeBarcode(canvas, pngs.get(linear)!, M + 80, y, W - 80, barHeight);
  } else if (linear) {
    placeBarcode(canvas, pngs.get(linear)!, M, y, W, barHeight);
  } else if (matrix) {
    placeBarcode(canvas, pngs.get(matrix)!, M, y, W, barHeight);
  }
  const humanReadable = linear?.humanReadable ?? model.trackingNumber;
  canvas.text("TRACKING NUMBER", M, readableTop, W, { size: 6, bold: true, color: "#444444", align: "center" });
  canvas.fitText(humanReadable, M, readableTop + 8, W, { size: 13, bold: true, align: "center" });
}

export async function renderLabelPdf(
  input: ShipmentDocumentInput,
  variant: LabelVariant = "outbound",
): Promise<Buffer> {
  const model = labelModel(input, variant);
  const pngs = new Map<LabelBarcode, Buffer>();
  for (const barcode of model.barcodes) {
    pngs.set(barcode, await barcodePng(barcode, barcode.purpose === "routing" ? 10 : 20));
  }
  const canvas = new PdfCanvas({
    size: LABEL_SIZE,
    margin: M,
    countryHint: model.to.country,
    title: `${variant === "return" ? "Return label" : "Shipping label"} ${model.trackingNumber}`,
    footer: null,
  });
  model.pieces.forEach((piece, i) => {
    if (i > 0) canvas.newPage();
    drawPiece(canvas, model, piece, pngs);
  });
  return canvas.finish();
}

export function renderShippingLabelPdf(input: ShipmentDocumentInput): Promise<Buffer> {
  return renderLabelPdf(input, "outbound");
}

export function renderReturnLabelPdf(input: ShipmentDocumentInput): Promise<Buffer> {
  return renderLabelPdf(input, "return");
}
