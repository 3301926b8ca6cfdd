import PDFDocument from "pdfkit";
import { CJK_FAMILIES, type CjkFace, type CjkFont, cjkFaceFor, needsUnicodeFont, requireCjkFont } from "../fonts";

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: "left" | "right" | "center";
  lineGap?: number;
}

/** One styled run stacked under the previous one inside a box or table cell. */
export interface Segment extends TextStyle {
  text: string;
}

export type CellContent = string | Segment[];

export interface Column<R> {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
  cell: (row: R, index: number) => CellContent;
}

export interface CanvasOptions {
  /** [width, height] in points or a pdfkit size name. */
  size: [number, number] | string;
  margin: number;
  /** Destination country: picks the regional CJK face for Han-only text. */
  countryHint?: string;
  title: string;
  /** Printed at the bottom of every page with "Page n of m"; null for forms without a footer. */
  footer?: string | null;
  fontSize?: number;
}

const LATIN = { regular: "Helvetica", bold: "Helvetica-Bold" };

/**
 * A thin layer over pdfkit that picks a font per string (standard Helvetica when it can show the
 * text, the embedded Noto Sans CJK otherwise), keeps a cursor, breaks pages before content runs
 * off them and repeats table headers on each new page.
 */
export class PdfCanvas {
  readonly doc: PDFKit.PDFDocument;
  readonly margin: number;
  y: number;
  private readonly registered = new Set<string>();
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly pageListeners: Array<() => void> = [];
  private readonly options: CanvasOptions;

  constructor(options: CanvasOptions) {
    this.options = options;
    this.margin = options.margin;
    this.doc = new PDFDocument({
      size: options.size,
      margin: options.margin,
      bufferPages: true,
      autoFirstPage: true,
      info: { Title: options.title, Producer: "Crossflow", Creator: "Crossflow documents" },
    });
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
    this.y = options.margin;
    this.doc.fontSize(options.fontSize ?? 9);
  }

  get pageWidth(): number {
    return this.doc.page.width;
  }

  get pageHeight(): number {
    return this.doc.page.height;
  }

  get contentWidth(): number {
    return this.doc.page.width - 2 * this.margin;
  }

  /** Lowest y content may reach; the footer lives below it. */
  get bottom(): number {
    return this.doc.page.height - this.margin - (this.options.footer === null ? 0 : 14);
  }

  /** Select the font able to show `text` in the given weight and size. */
  useFont(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9;
    if (!needsUnicodeFont(text)) {
      this.doc.font(style.bold ? LATIN.bold : LATIN.regular).fontSize(size);
      return;
    }
    const face: CjkFace = cjkFaceFor(text, this.options.countryHint);
    const font = requireCjkFont(text);
    const weight = style.bold && font.bold ? "bold" : "regular";
    const name = `cjk-${face}-${weight}`;
    if (!this.registered.has(name)) this.registerCjk(name, face, weight, font);
    this.doc.font(name).fontSize(size);
  }

  /**
   * Register one face of the CJK font under `name`. A collection (.ttc) needs the face's
   * PostScript name; when a configured collection lacks the wanted regional face (say a Bold-only
   * or a Simplified-Chinese-only file), the other Noto CJK faces are tried before giving up.
   */
  private registerCjk(name: string, face: CjkFace, weight: "regular" | "bold", font: CjkFont): void {
    const buffer = weight === "bold" ? font.bold! : font.regular;
    if (!font.collection) {
      this.doc.registerFont(name, buffer);
      this.registered.add(name);
      return;
    }
    const faces: CjkFace[] = [face, ...(Object.keys(CJK_FAMILIES) as CjkFace[]).filter((f) => f !== face)];
    const families = faces.flatMap((f) => [
      CJK_FAMILIES[f][weight],
      CJK_FAMILIES[f][weight === "bold" ? "regular" : "bold"],
    ]);
    for (const family of families) {
      try {
        this.doc.registerFont(name, buffer, family);
        this.doc.font(name);
        this.registered.add(name);
        return;
      } catch {
        // Not in this collection: try the next face.
      }
    }
    throw new Error(`${font.path} is a font collection without a Noto Sans CJK face (${families.join(", ")})`);
  }

  heightOf(text: string, width: number, style: TextStyle = {}): number {
    if (text === "") return 0;
    this.useFont(text, style);
    return this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0.5 });
  }

  widthOf(text: string, style: TextStyle = {}): number {
    this.useFont(text, style);
    return this.doc.widthOfString(text);
  }

  /** Draw wrapped text in a box of `width` at (x, y); returns the height used. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    if (text === "") return 0;
    this.useFont(text, style);
    const height = this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0.5 });
    this.doc.fillColor(style.color ?? "#000000");
    this.doc.text(text, x, y, { width, align: style.align ?? "left", lineGap: style.lineGap ?? 0.5 });
    this.doc.fillColor("#000000");
    return height;
  }

  /** Text on one line, shrunk until it fits `width` (tracking numbers, codes). */
  fitText(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    let size = style.size ?? 9;
    while (size > 5 && this.widthOf(text, { ...style, size }) > width) size -= 0.5;
    this.useFont(text, { ...style, size });
    this.doc.fillColor(style.color ?? "#000000");
    this.doc.text(text, x, y, { width, align: style.align ?? "left", lineBreak: false });
    this.doc.fillColor("#000000");
    return this.doc.currentLineHeight(true);
  }

  segmentsHeight(segments: CellContent, width: number): number {
    const list = typeof segments === "string" ? [{ text: segments }] : segments;
    let height = 0;
    for (const segment of list) height += this.heightOf(segment.text, width, segment);
    return height;
  }

  drawSegments(segments: CellContent, x: number, y: number, width: number, base: TextStyle = {}): number {
    const list = typeof segments === "string" ? [{ text: segments }] : segments;
    let offset = 0;
    for (const segment of list) offset += this.text(segment.text, x, y + offset, width, { ...base, ...segment });
    return offset;
  }

  /** Run `listener` after every page break this canvas makes (running headers). */
  onNewPage(listener: () => void): void {
    this.pageListeners.push(listener);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.margin;
    for (const listener of this.pageListeners) listener();
  }

  /** Break the page when `height` more points do not fit. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, color = "#000000"): void {
    this.doc.save().lineWidth(width).strokeColor(color).moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
  }

  rect(x: number, y: number, w: number, h: number, options: { fill?: string; stroke?: string; width?: number } = {}) {
    this.doc.save().lineWidth(options.width ?? 0.5);
    if (options.fill && options.stroke) this.doc.rect(x, y, w, h).fillAndStroke(options.fill, options.stroke);
    else if (options.fill) this.doc.rect(x, y, w, h).fill(options.fill);
    else this.doc.rect(x, y, w, h).stroke(options.stroke ?? "#000000");
    this.doc.restore();
  }

  /** A box, crossed with a text "X" when checked (so the tick survives text extraction). */
  checkbox(x: number, y: number, checked: boolean, size = 7): void {
    this.rect(x, y, size, size);
    if (checked) {
      this.doc.font(LATIN.bold).fontSize(size);
      this.doc.text("X", x, y + 0.6, { width: size, align: "center", lineBreak: false });
    }
  }

  /** A titled box whose body is a list of lines; returns its height. */
  labelledBox(
    label: string,
    body: CellContent,
    x: number,
    y: number,
    width: number,
    minHeight = 0,
    bodyStyle: TextStyle = {},
  ): number {
    const pad = 4;
    const labelHeight = this.heightOf(label, width - 2 * pad, { size: 6.5, bold: true });
    const bodyHeight = this.segmentsHeight(withStyle(body, bodyStyle), width - 2 * pad);
    const height = Math.max(minHeight, pad + labelHeight + 2 + bodyHeight + pad);
    this.rect(x, y, width, height);
    this.text(label.toUpperCase(), x + pad, y + pad, width - 2 * pad, { size: 6.5, bold: true, color: "#444444" });
    this.drawSegments(withStyle(body, bodyStyle), x + pad, y + pad + labelHeight + 2, width - 2 * pad);
    return height;
  }

  /**
   * A table from the cursor down, wrapping cells, breaking pages between rows and repeating the
   * header row on each page. Returns the y after the last row.
   */
  table<R>(rows: readonly R[], columns: Column<R>[], options: { x?: number; size?: number; zebra?: boolean } = {}) {
    const x0 = options.x ?? this.margin;
    const size = options.size ?? 8;
    const pad = 3;
    const drawHeader = () => {
      const height =
        Math.max(...columns.map((c) => this.heightOf(c.header, c.width - 2 * pad, { size, bold: true }))) + 2 * pad;
      this.rect(x0, this.y, sum(columns.map((c) => c.width)), height, { fill: "#e8ecf1", stroke: "#000000" });
      let x = x0;
      for (const column of columns) {
        this.text(column.header, x + pad, this.y + pad, column.width - 2 * pad, {
          size,
          bold: true,
          align: column.align ?? "left",
        });
        x += column.width;
      }
      this.y += height;
    };
    this.ensureSpace(40);
    drawHeader();
    rows.forEach((row, index) => {
      const cells = columns.map((c) => withStyle(c.cell(row, index), { size, align: c.align ?? "left" }));
      const height =
        Math.max(...cells.map((cell, i) => this.segmentsHeight(cell, columns[i]!.width - 2 * pad))) + 2 * pad;
      if (this.y + height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      if (options.zebra && index % 2 === 1) {
        this.rect(x0, this.y, sum(columns.map((c) => c.width)), height, { fill: "#f6f7f9" });
      }
      let x = x0;
      for (const [i, column] of columns.entries()) {
        this.drawSegments(cells[i]!, x + pad, this.y + pad, column.width - 2 * pad);
        this.line(x, this.y, x, this.y + height, 0.3, "#888888");
        x += column.width;
      }
      this.line(x, this.y, x, this.y + height, 0.3, "#888888");
      this.line(x0, this.y + height, x, this.y + height, 0.3, "#888888");
      this.y += height;
    });
    return this.y;
  }

  image(png: Buffer, x: number, y: number, options: { width?: number; height?: number; fit?: [number, number] }) {
    this.doc.image(png, x, y, options);
  }

  /** Write footers, close the document and return its bytes. */
  async finish(): Promise<Buffer> {
    const footer = this.options.footer;
    if (footer !== null) {
      const range = this.doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i);
        const saved = this.doc.page.margins.bottom;
        this.doc.page.margins.bottom = 0;
        const y = this.doc.page.height - this.margin + 2;
        this.line(this.margin, y - 4, this.pageWidth - this.margin, y - 4, 0.3, "#999999");
        if (footer) this.text(footer, this.margin, y, this.contentWidth * 0.7, { size: 7, color: "#555555" });
        this.text(`Page ${i - range.start + 1} of ${range.count}`, this.margin, y, this.contentWidth, {
          size: 7,
          align: "right",
          color: "#555555",
        });
        this.doc.page.margins.bottom = saved;
      }
    }
    this.doc.end();
    return this.done;
  }
}

function withStyle(content: CellContent, style: TextStyle): Segment[] {
  const list = typeof content === "string" ? [{ text: content }] : content;
  return list.map((segment) => ({ ...style, ...segment }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
