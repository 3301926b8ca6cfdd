import { needsUnicodeFont } from "../fonts";
import { addressLines, formatWeightKg } from "../format";
import type { ShipmentDocumentInput } from "../types";
import type { Gs1Element, LabelBarcode } from "./carriers";
import { type LabelModel, type LabelPiece, type LabelVariant, labelModel } from "./model";

/** 203 dpi, 4 × 6 in. */
const DPI = 203;
const WIDTH = 4 * DPI;
const HEIGHT = 6 * DPI;
const M = 24;
const W = WIDTH - 2 * M;

export interface ZplOptions {
  /**
   * Printer font used for text the built-in font 0 cannot show (CJK, Cyrillic…): a TrueType font
   * stored on the printer, e.g. Zebra's Andale "E:ANMDJ.TTF" or a downloaded Noto Sans CJK.
   */
  unicodeFont?: string;
}

const DEFAULT_UNICODE_FONT = "E:ANMDJ.TTF";

/** Field data under ^FH_: the ZPL control characters and the escape character itself as hex. */
function fieldData(text: string): string {
  return text.replace(/[_^~]/g, (ch) => `_${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function font(text: string, height: number, options: ZplOptions): string {
  return needsUnicodeFont(text)
    ? `^A@N,${height},${height},${options.unicodeFont ?? DEFAULT_UNICODE_FONT}`
    : `^A0N,${height},${Math.round(height * 0.9)}`;
}

/** A text field wrapped in a block of `width` dots and at most `lines` lines. */
function textField(
  text: string,
  x: number,
  y: number,
  height: number,
  options: ZplOptions,
  block: { width: number; lines?: number; align?: "L" | "C" | "R" } = { width: W },
): string {
  const width = Math.round(block.width);
  const lines = block.lines ?? 1;
  // Shrink a one-line field whose text would not fit (font 0 is about 0.55 em per character,
  // CJK glyphs a full em), so ^FB never overprints its last line.
  const em = needsUnicodeFont(text)
    ? [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0)
    : text.length * 0.55;
  const size = Math.max(14, Math.min(height, Math.floor((width * lines) / Math.max(em, 1))));
  const fb = `^FB${width},${lines},0,${block.align ?? "L"}`;
  return `^FO${Math.round(x)},${Math.round(y)}${font(text, size, options)}${fb}^FH_^FD${fieldData(text)}^FS`;
}

/** ZPL ^BC escapes: ">" starts an invocation code, so a literal one is "><". */
function code128Data(text: string): string {
  return text.replace(/>/g, "><");
}

// GS1 AIs whose data has a fixed length and therefore need no FNC1 separator after them.
const FIXED_LENGTH_AI = /^(0[0-4]|1[1-7]|20|3[1-6]\d\d|41\d)$/;

/**
 * GS1-128 field data for ^BC in normal mode: start in subset C (`>;`), FNC1 (`>8`) first and after
 * every variable-length element that is not the last, digit pairs in subset C, switching to B
 * (`>6`) for letters or an odd trailing digit and back to C (`>5`) for runs of four or more digits.
 */
export function gs1ZplData(elements: Gs1Element[]): string {
  type Token = { fnc1: true } | { ch: string };
  const tokens: Token[] = [{ fnc1: true }];
  elements.forEach(([ai, data], i) => {
    for (const ch of ai + data) tokens.push({ ch });
    if (i < elements.length - 1 && !FIXED_LENGTH_AI.test(ai)) tokens.push({ fnc1: true });
  });
  const digitRun = (from: number) => {
    let n = 0;
    while (from + n < tokens.length) {
      const t = tokens[from + n]!;
      if ("fnc1" in t || !/\d/.test(t.ch)) break;
      n++;
    }
    return n;
  };
  let out = ">;";
  let subset: "B" | "C" = "C";
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if ("fnc1" in token) {
      out += ">8";
      i++;
      continue;
    }
    const run = digitRun(i);
    if (subset === "B" && (run >= 4 || (run >= 2 && run % 2 === 0 && i + run === tokens.length))) {
      out += ">5";
      subset = "C";
    }
    if (subset === "C") {
      if (run >= 2) {
        const even = run - (run % 2);
        for (let k = 0; k < even; k++) out += (tokens[i + k] as { ch: string }).ch;
        i += even;
        continue;
      }
      out += ">6";
      subset = "B";
    }
    out += code128Data(token.ch);
    i++;
  }
  return out;
}

/**
 * Modules of a Code 128 symbol for data encoded the way ZPL's automatic mode does (runs of four or
 * more digits in subset C, the rest in B): start, data, mode switches, check (11 each) and stop (13).
 */
export function code128Modules(data: string): number {
  let symbols = 0;
  let subset: "B" | "C" | null = null;
  for (const run of data.match(/\d{4,}|[^\d]+|\d{1,3}/g) ?? []) {
    const digitRun = /^\d{4,}$/.test(run);
    const wanted = digitRun ? "C" : "B";
    if (subset !== null && subset !== wanted) symbols++;
    subset = wanted;
    if (digitRun) {
      symbols += Math.floor(run.length / 2);
      if (run.length % 2) symbols += 2; // the odd digit goes back to subset B
      if (run.length % 2) subset = "B";
    } else {
      symbols += run.length;
    }
  }
  return (symbols + 2) * 11 + 13;
}

/** Modules of the GS1-128 field data from gs1ZplData: every invocation or character is one symbol. */
function gs1Modules(fieldData: string): number {
  let symbols = 0;
  let subset = "C";
  for (let i = 0; i < fieldData.length; ) {
    if (fieldData[i] === ">") {
      const code = fieldData[i + 1];
      if (code === "5") subset = "C";
      if (code === "6") subset = "B";
      symbols++;
      i += 2;
    } else if (subset === "C") {
      symbols++;
      i += 2;
    } else {
      symbols++;
      i++;
    }
  }
  return (symbols + 1) * 11 + 13;
}

/** Module width in dots (1–4) leaving ten-module quiet zones, and the x that centres the symbol. */
function linearPlacement(modules: number, x: number, available: number): { by: number; x: number } {
  const by = Math.max(1, Math.min(4, Math.floor(available / (modules + 20))));
  return { by, x: Math.round(x + (available - modules * by) / 2) };
}

function barcodeField(barcode: LabelBarcode, x: number, y: number, height: number, available: number): string {
  switch (barcode.symbology) {
    case "code128": {
      const place = linearPlacement(code128Modules(barcode.data), x, available);
      return `^FO${place.x},${y}^BY${place.by},3,${height}^BCN,${height},N,N,N,A^FD${code128Data(barcode.data)}^FS`;
    }
    case "gs1-128": {
      const data = gs1ZplData(barcode.gs1 ?? [["92", barcode.data]]);
      const place = linearPlacement(gs1Modules(data), x, available);
      return `^FO${place.x},${y}^BY${place.by},3,${height}^BCN,${height},N,N,N,N^FD${data}^FS`;
    }
    case "datamatrix":
      return `^FO${Math.round(x)},${y}^BXN,10,200^FD${barcode.data}^FS`;
  }
}

function pieceZpl(model: LabelModel, piece: LabelPiece, options: ZplOptions): string {
  const out: string[] = ["^XA", "^CI28", `^PW${WIDTH}`, `^LL${HEIGHT}`, "^LH0,0"];
  const isReturn = model.variant === "return";
  let y = M;
  if (isReturn) {
    out.push(`^FO${M},${y}^GB${W},80,80^FS`);
    out.push(`^FO${M + 16},${y + 14}^A0N,56,56^FR^FDRETURN^FS`);
    out.push(
      `^FO${M + W / 2},${y + 24}^A0N,32,30^FB${W / 2 - 16},1,0,R^FR^FH_^FDRMA ${fieldData(model.rmaNumber ?? "")}^FS`,
    );
    y += 92;
  }
  out.push(textField(model.carrierName, M, y, 40, options, { width: W * 0.6 }));
  out.push(textField(model.date, M + W * 0.6, y, 24, options, { width: W * 0.4, align: "R" }));
  out.push(
    textField(`Parcel ${piece.index} of ${piece.count}`, M + W * 0.6, y + 30, 24, options, {
      width: W * 0.4,
      align: "R",
    }),
  );
  out.push(textField(model.service, M, y + 46, 24, options, { width: W * 0.6 }));
  y += 80;
  out.push(`^FO${M},${y}^GB${W},4,4^FS`);
  y += 12;

  out.push(textField(isReturn ? "FROM (CUSTOMER)" : "FROM", M, y, 18, options));
  y += 22;
  out.push(textField(addressLines(model.from).join(", "), M, y, 20, options, { width: W, lines: 3 }));
  y += 72;
  out.push(`^FO${M},${y}^GB${W},2,2^FS`);
  y += 10;

  out.push(textField(isReturn ? "RETURN TO" : "SHIP TO", M, y, 20, options));
  y += 26;
  const toLines = addressLines(model.to);
  const toBottom = y + (isReturn ? 250 : 320);
  toLines.forEach((line, i) => {
    const big = i === 0 || i >= toLines.length - 2;
    const h = big ? 40 : 32;
    if (y + h <= toBottom) out.push(textField(line, M, y, h, options, { width: W, lines: 1 }));
    y += h + 6;
  });
  if (model.to.phone) out.push(textField(model.to.phone, M, toBottom - 24, 20, options));
  y = toBottom;
  out.push(`^FO${M},${y}^GB${W},4,4^FS`);
  y += 14;

  const routing = model.barcodes.find((b) => b.purpose === "routing");
  if (routing) {
    out.push(barcodeField(routing, M, y, 90, W));
    y += 98;
    out.push(textField(routing.humanReadable, M, y, 24, options, { width: W, align: "C" }));
    y += 34;
  }

  const facts: Array<[string, string]> = [
    ["WEIGHT", formatWeightKg(piece.weightGrams)],
    ["ORDER", model.reference],
    isReturn ? ["RMA", model.rmaNumber ?? ""] : ["INVOICE", model.documentNumber],
  ];
  const cell = Math.floor(W / facts.length);
  facts.forEach(([label, value], i) => {
    out.push(textField(label, M + i * cell, y, 16, options, { width: cell - 8 }));
    out.push(textField(value, M + i * cell, y + 20, 26, options, { width: cell - 8 }));
  });
  y += 56;
  out.push(`^FO${M},${y}^GB${W},4,4^FS`);
  y += 16;

  const linear = model.barcodes.find((b) => b.purpose === "tracking" && b.symbology !== "datamatrix");
  const matrix = model.barcodes.find((b) => b.symbology === "datamatrix");
  if (linear && matrix) {
    out.push(barcodeField(matrix, M, y, 0, 0));
    out.push(barcodeField(linear, M + 200, y, 170, W - 200));
  } else if (linear) {
    out.push(barcodeField(linear, M, y, 200, W));
  } else if (matrix) {
    out.push(barcodeField(matrix, M + W / 2 - 80, y, 0, 0));
  }
  const readable = linear?.humanReadable ?? model.trackingNumber;
  out.push(textField(readable, M, HEIGHT - M - 44, 36, options, { width: W, align: "C" }));
  out.push("^PQ1", "^XZ");
  return out.join("\n");
}

/** One ^XA…^XZ label per parcel, ZPL II at 203 dpi, UTF-8 (^CI28). */
export function renderLabelZpl(
  input: ShipmentDocumentInput,
  variant: LabelVariant = "outbound",
  options: ZplOptions = {},
): string {
  const model = labelModel(input, variant);
  return `${model.pieces.map((piece) => pieceZpl(model, piece, options)).join("\n")}\n`;
}

export function renderShippingLabelZpl(input: ShipmentDocumentInput, options?: ZplOptions): string {
  return renderLabelZpl(input, "outbound", options);
}

export function renderReturnLabelZpl(input: ShipmentDocumentInput, options?: ZplOptions): string {
  return renderLabelZpl(input, "return", options);
}
