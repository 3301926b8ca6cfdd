export type Symbology = "code128" | "gs1-128" | "datamatrix";

/** A GS1 element string: application identifier and its data, e.g. ["420", "10115"]. */
export type Gs1Element = [ai: string, data: string];

export interface CarrierLabelProfile {
  name: string;
  /** How the tracking number is encoded. USPS-style IMpb puts routing and tracking in one GS1-128. */
  tracking: Symbology;
  /** Separate sortation barcode: GS1-128 (420) postal code, or DHL's Code 128 "2L" routing code. */
  routing?: "gs1-420" | "dhl-2l";
  /** A 2D symbol with the tracking number beside the linear one (postal/eCommerce sorters). */
  twoD?: "datamatrix";
}

/** Barcode symbology per carrier code (the codes rating and the carrier adapters use). */
export const CARRIER_LABEL_PROFILES: Record<string, CarrierLabelProfile> = {
  dhl_express: { name: "DHL Express", tracking: "code128", routing: "dhl-2l" },
  dhl_ecommerce: { name: "DHL eCommerce", tracking: "code128", twoD: "datamatrix" },
  ups: { name: "UPS", tracking: "code128", routing: "gs1-420" },
  fedex: { name: "FedEx", tracking: "code128", routing: "gs1-420" },
  usps: { name: "USPS", tracking: "gs1-128" },
  fourpx: { name: "4PX", tracking: "code128" },
  // The rate cards and carrier adapters call it "4px".
  "4px": { name: "4PX", tracking: "code128" },
  yanwen: { name: "Yanwen", tracking: "code128", twoD: "datamatrix" },
  cainiao: { name: "Cainiao", tracking: "datamatrix" },
  demo: { name: "Demo Carrier", tracking: "code128" },
};

export function carrierLabelProfile(code: string): CarrierLabelProfile {
  return CARRIER_LABEL_PROFILES[code] ?? { name: code, tracking: "code128" };
}

export interface LabelBarcode {
  symbology: Symbology;
  /** Data as encoded (GS1: element strings without parentheses, FNC1 handled by the encoder). */
  data: string;
  /** GS1 element strings when the symbology is gs1-128. */
  gs1?: Gs1Element[];
  /** Human-readable interpretation printed under the bars. */
  humanReadable: string;
  purpose: "tracking" | "routing";
}

/** Postal code as carriers encode it: upper case, no spaces or dashes. */
export function compactPostalCode(postalCode: string | undefined): string {
  return (postalCode ?? "").toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** USPS tracking numbers start with the IMpb channel application identifier (92–95). */
function impbElements(trackingNumber: string, postalCode: string): Gs1Element[] {
  const tracking = trackingNumber.replace(/\s/g, "");
  const routing: Gs1Element[] = postalCode ? [["420", postalCode.slice(0, 9)]] : [];
  if (/^9[2-5]\d+$/.test(tracking)) return [...routing, [tracking.slice(0, 2), tracking.slice(2)]];
  return [...routing, ["92", tracking]];
}

export function gs1HumanReadable(elements: Gs1Element[]): string {
  return elements.map(([ai, data]) => `(${ai})${data}`).join("");
}

/** The barcodes a label of this carrier carries, routing first. */
export function labelBarcodes(
  carrierCode: string,
  trackingNumber: string,
  recipient: { postalCode?: string; country: string },
): LabelBarcode[] {
  const profile = carrierLabelProfile(carrierCode);
  const postal = compactPostalCode(recipient.postalCode);
  const barcodes: LabelBarcode[] = [];
  if (profile.routing === "gs1-420" && postal) {
    const gs1: Gs1Element[] = [["420", postal]];
    barcodes.push({
      symbology: "gs1-128",
      data: `420${postal}`,
      gs1,
      humanReadable: gs1HumanReadable(gs1),
      purpose: "routing",
    });
  }
  if (profile.routing === "dhl-2l") {
    const routing = `2L${recipient.country}${postal}`;
    barcodes.push({ symbology: "code128", data: routing, humanReadable: routing, purpose: "routing" });
  }
  if (profile.tracking === "gs1-128") {
    const gs1 = impbElements(trackingNumber, postal);
    barcodes.push({
      symbology: "gs1-128",
      data: gs1.map(([ai, data]) => ai + data).join(""),
      gs1,
      // USPS prints the tracking number in groups of four under the IMpb, not the element string.
      humanReadable: trackingNumber.replace(/\s/g, "").replace(/(.{4})(?=.)/g, "$1 "),
      purpose: "tracking",
    });
  } else {
    barcodes.push({
      symbology: profile.tracking,
      data: trackingNumber,
      humanReadable: trackingNumber,
      purpose: "tracking",
    });
  }
  if (profile.twoD === "datamatrix") {
    barcodes.push({ symbology: "datamatrix", data: trackingNumber, humanReadable: "", purpose: "tracking" });
  }
  return barcodes;
}
