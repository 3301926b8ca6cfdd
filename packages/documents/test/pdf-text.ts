import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "crossflow-documents-"));
let counter = 0;

/** Write the PDF to a temp file and return `pdftotext -layout` of it. */
export function pdfText(pdf: Buffer, name = "document"): string {
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const file = path.join(dir, `${name}-${++counter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

export function pdfPageCount(pdf: Buffer): number {
  const file = path.join(dir, `pages-${++counter}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Fonts embedded in the PDF (`pdffonts`), to prove CJK text is not left to a viewer's fallback. */
export function pdfFonts(pdf: Buffer): string {
  const file = path.join(dir, `fonts-${++counter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdffonts", [file], { encoding: "utf8" });
}

/** Collapse runs of whitespace, for values a layout may split with extra spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ");
}
