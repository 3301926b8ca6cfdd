export interface ParcelItem {
  sku: string;
  quantity: number;
  weightGrams?: number | null;
  dimensionsMm?: { length: number; width: number; height: number } | null;
}

export type ParcelEstimate =
  | { ok: true; weightGrams: number; dimensionsMm: { length: number; width: number; height: number }; method: string }
  | { ok: false; missing: string[]; reason: string };

/** Packing material per parcel, on top of the goods: a box and fill. */
const PACKAGING_GRAMS = 60;
const PADDING_MM = 20;

/**
 * One parcel for the given items: weight is the goods plus packaging; the box is the items
 * laid flat on their largest footprint and stacked, plus padding. A rough but stated
 * method — cartonization can replace it without changing callers.
 */
export function estimateParcel(items: readonly ParcelItem[]): ParcelEstimate {
  const missing = items.filter((i) => !i.weightGrams || !i.dimensionsMm).map((i) => i.sku);
  if (missing.length > 0) {
    return {
      ok: false,
      missing,
      reason: `Weight or dimensions missing in the catalog for ${[...new Set(missing)].join(", ")}`,
    };
  }
  let weight = PACKAGING_GRAMS;
  let length = 0;
  let width = 0;
  let height = 0;
  for (const item of items) {
    const [a, b, c] = [item.dimensionsMm!.length, item.dimensionsMm!.width, item.dimensionsMm!.height].sort(
      (x, y) => y - x,
    ) as [number, number, number];
    weight += item.weightGrams! * item.quantity;
    length = Math.max(length, a);
    width = Math.max(width, b);
    height += c * item.quantity;
  }
  const box = [length + PADDING_MM, width + PADDING_MM, height + PADDING_MM].sort((x, y) => y - x) as [
    number,
    number,
    number,
  ];
  return {
    ok: true,
    weightGrams: weight,
    dimensionsMm: { length: box[0], width: box[1], height: box[2] },
    method: `goods ${weight - PACKAGING_GRAMS} g + ${PACKAGING_GRAMS} g packaging; items flat and stacked, +${PADDING_MM} mm padding`,
  };
}
