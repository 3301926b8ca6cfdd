/** Render every document kind for the test fixtures into a directory as PDF, PNG (60 dpi) and ZPL. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DOCUMENT_KINDS, renderDocument, renderLabelZpl } from "../src/index";
import { chineseOrder, germanOrder, manyLinesOrder, ukOrder } from "../test/fixtures";

const outDir = process.argv[2] ?? "/tmp/doc-previews";
mkdirSync(outDir, { recursive: true });
const orders = { de: germanOrder, cn: chineseOrder, uk: ukOrder, many: manyLinesOrder };
for (const [name, input] of Object.entries(orders)) {
  for (const kind of DOCUMENT_KINDS) {
    if (kind === "return_label" && !input.returnLabel) continue;
    const file = path.join(outDir, `${name}-${kind}.pdf`);
    writeFileSync(file, await renderDocument(kind, input));
    execFileSync("pdftoppm", ["-png", "-r", "60", file, file.replace(/\.pdf$/, "")]);
  }
  writeFileSync(path.join(outDir, `${name}-label.zpl`), renderLabelZpl(input, "outbound"));
}
console.log(`previews in ${outDir}`);
