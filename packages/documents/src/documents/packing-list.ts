import { formatDate, formatHsCode, formatWeightKg } from "../format";
import { carrierLabelProfile } from "../labels/carriers";
import type { Column } from "../pdf/canvas";
import { shipmentTotals } from "../totals";
import type { Parcel, ShipmentDocumentInput, ShipmentLine } from "../types";
import { a4Canvas, addressSegments, boxRow, documentHeader, factGrid, paragraph, totalsBlock } from "./blocks";

interface PackedRow {
  line: ShipmentLine;
  quantity: number;
}

/** Which lines and units each parcel holds: its `contents`, or everything in a single parcel. */
export function parcelContents(input: ShipmentDocumentInput, parcel: Parcel, index: number): PackedRow[] {
  if (parcel.contents) {
    return parcel.contents.map((c) => {
      const line = input.lines[c.lineIndex];
      if (!line) throw new Error(`Parcel ${index + 1} refers to line ${c.lineIndex}, which does not exist`);
      return { line, quantity: c.quantity };
    });
  }
  if (input.parcels.length === 1) return input.lines.map((line) => ({ line, quantity: line.quantity }));
  return [];
}

function dimensions(parcel: Parcel): string {
  if (!parcel.lengthCm || !parcel.widthCm || !parcel.heightCm) return "—";
  return `${parcel.lengthCm} × ${parcel.widthCm} × ${parcel.heightCm} cm`;
}

const columns: Column<PackedRow>[] = [
  { header: "SKU", width: 95, cell: (r) => r.line.sku },
  {
    header: "Description",
    width: 215,
    cell: (r) => [
      { text: r.line.description, bold: true },
      ...(r.line.customsDescription !== r.line.description ? [{ text: r.line.customsDescription, size: 7.5 }] : []),
    ],
  },
  { header: "HS code", width: 60, cell: (r) => formatHsCode(r.line.hsCode) },
  { header: "Origin", width: 40, align: "center", cell: (r) => r.line.originCountry },
  { header: "Qty", width: 35, align: "right", cell: (r) => String(r.quantity) },
  { header: "Net weight", width: 70, align: "right", cell: (r) => formatWeightKg(r.line.weightGrams * r.quantity) },
];

export async function renderPackingList(input: ShipmentDocumentInput): Promise<Buffer> {
  const totals = shipmentTotals(input);
  const canvas = a4Canvas(input, "Packing list");
  documentHeader(canvas, input, "Packing list", [
    ["Packing list no.", input.documentNumber],
    ["Date", formatDate(input.documentDate)],
    ["Order reference", input.orderReference],
    ["Carrier", `${carrierLabelProfile(input.carrier.code).name} · ${input.carrier.service}`],
    ["Tracking", input.carrier.trackingNumber],
  ]);
  boxRow(canvas, [
    { label: "Shipper", body: addressSegments(input.shipFrom) },
    { label: "Ship to", body: addressSegments(input.buyer) },
  ]);
  factGrid(canvas, [
    ["Packages", String(input.parcels.length)],
    ["Total units", String(totals.units)],
    ["Total net weight", formatWeightKg(totals.netWeightGrams)],
    ["Total gross weight", formatWeightKg(totals.grossWeightGrams)],
  ]);

  const unassigned = input.parcels.length > 1 && input.parcels.every((p) => !p.contents);
  for (const [index, parcel] of input.parcels.entries()) {
    const heading = `Package ${index + 1} of ${input.parcels.length} — gross ${formatWeightKg(parcel.weightGrams)} — ${dimensions(parcel)}`;
    canvas.ensureSpace(60);
    canvas.text(heading, canvas.margin, canvas.y, canvas.contentWidth, { size: 10, bold: true });
    canvas.y += 16;
    const rows = parcelContents(input, parcel, index);
    if (rows.length) {
      canvas.table(rows, columns, { zebra: true });
      canvas.y += 10;
    } else if (!unassigned) {
      paragraph(canvas, "Empty package.");
    }
  }
  if (unassigned) {
    canvas.text("Contents of the shipment (all packages)", canvas.margin, canvas.y, canvas.contentWidth, {
      size: 10,
      bold: true,
    });
    canvas.y += 16;
    canvas.table(
      input.lines.map((line) => ({ line, quantity: line.quantity })),
      columns,
      { zebra: true },
    );
    canvas.y += 10;
  }
  totalsBlock(
    canvas,
    [
      ["Total units", String(totals.units)],
      ["Total net weight", formatWeightKg(totals.netWeightGrams)],
      ["Total gross weight", formatWeightKg(totals.grossWeightGrams)],
    ],
    1,
  );
  return canvas.finish();
}
