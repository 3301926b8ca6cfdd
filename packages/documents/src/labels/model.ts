import { formatDate } from "../format";
import type { PostalAddress, ShipmentDocumentInput } from "../types";
import { carrierLabelProfile, type LabelBarcode, labelBarcodes } from "./carriers";

export type LabelVariant = "outbound" | "return";

export interface LabelPiece {
  index: number;
  count: number;
  weightGrams: number;
}

/** Everything a label shows, resolved once for the PDF and the ZPL renderer. */
export interface LabelModel {
  variant: LabelVariant;
  carrierCode: string;
  carrierName: string;
  service: string;
  trackingNumber: string;
  date: string;
  from: PostalAddress;
  to: PostalAddress;
  reference: string;
  documentNumber: string;
  rmaNumber?: string;
  pieces: LabelPiece[];
  barcodes: LabelBarcode[];
}

export class ReturnLabelUnavailableError extends Error {
  constructor(orderReference: string) {
    super(`Order ${orderReference} has no return authorization (returnLabel.rmaNumber); cannot print a return label`);
    this.name = "ReturnLabelUnavailableError";
  }
}

export function labelModel(input: ShipmentDocumentInput, variant: LabelVariant): LabelModel {
  const warehouse: PostalAddress = { ...input.shipFrom, name: input.seller.name, company: input.shipFrom.name };
  let from: PostalAddress = warehouse;
  let to: PostalAddress = input.buyer;
  let trackingNumber = input.carrier.trackingNumber;
  let service = input.carrier.service;
  let rmaNumber: string | undefined;
  if (variant === "return") {
    const info = input.returnLabel;
    if (!info?.rmaNumber) throw new ReturnLabelUnavailableError(input.orderReference);
    from = input.buyer;
    to = info.returnTo ?? warehouse;
    trackingNumber = info.trackingNumber ?? trackingNumber;
    service = info.service ?? service;
    rmaNumber = info.rmaNumber;
  }
  // A return comes back as one parcel; outbound labels are one page per parcel.
  const total = input.parcels.reduce((sum, p) => sum + p.weightGrams, 0);
  const parcels = variant === "return" || input.parcels.length === 0 ? [{ weightGrams: total }] : input.parcels;
  return {
    variant,
    carrierCode: input.carrier.code,
    carrierName: carrierLabelProfile(input.carrier.code).name,
    service,
    trackingNumber,
    date: formatDate(input.documentDate),
    from,
    to,
    reference: input.orderReference,
    documentNumber: input.documentNumber,
    rmaNumber,
    pieces: parcels.map((p, index) => ({ index: index + 1, count: parcels.length, weightGrams: p.weightGrams })),
    barcodes: labelBarcodes(input.carrier.code, trackingNumber, to),
  };
}
