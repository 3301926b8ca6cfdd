import bwipjs from "bwip-js/node";
import type { PdfCanvas } from "../pdf/canvas";
import type { LabelBarcode } from "./carriers";

const SCALE = 4;

const BWIP_IDS: Record<LabelBarcode["symbology"], string> = {
  code128: "code128",
  "gs1-128": "gs1-128",
  datamatrix: "datamatrix",
};

export async function barcodePng(barcode: LabelBarcode, heightMm: number): Promise<Buffer> {
  const text =
    barcode.symbology === "gs1-128" && barcode.gs1
      ? barcode.gs1.map(([ai, data]) => `(${ai})${data}`).join("")
      : barcode.data;
  return bwipjs.toBuffer({
    bcid: BWIP_IDS[barcode.symbology],
    text,
    scale: SCALE,
    ...(barcode.symbology === "datamatrix" ? {} : { height: heightMm }),
    includetext: false,
    paddingwidth: 0,
    paddingheight: 0,
  });
}

/**
 * Draw a barcode PNG centred in a box. 2D symbols keep their square; linear ones are stretched
 * vertically to the box height (harmless for bars) with a module width of at most 1.5 pt,
 * leaving a ten-module quiet zone each side.
 */
export function placeBarcode(canvas: PdfCanvas, png: Buffer, x: number, y: number, width: number, height: number) {
  const pixelWidth = png.readUInt32BE(16);
  const pixelHeight = png.readUInt32BE(20);
  if (Math.abs(pixelWidth - pixelHeight) < SCALE * 2) {
    canvas.doc.image(png, x, y, { fit: [width, height], align: "center", valign: "center" });
    return;
  }
  const modules = pixelWidth / SCALE;
  const moduleWidth = Math.min(1.5, width / (modules + 20));
  const barWidth = modules * moduleWidth;
  canvas.doc.image(png, x + (width - barWidth) / 2, y, { width: barWidth, height });
}
