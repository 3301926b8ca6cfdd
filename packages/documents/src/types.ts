/** Input of every shipment document and label. Pure data: the pipeline fills it from the DB. */

export interface PostalAddress {
  name: string;
  company?: string;
  /** Street lines in the order they are printed. */
  lines: string[];
  city: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  email?: string;
  phone?: string;
}

export interface SellerParty {
  name: string;
  address: PostalAddress;
  email?: string;
  phone?: string;
  /** Seller's VAT registrations keyed by country, e.g. `{ GB: "GB123456789", DE: "DE123456789" }`. */
  vatNumbers?: Record<string, string>;
  eori?: string;
  /** EU Import One-Stop Shop number (IM + 10 digits) when the seller is IOSS-registered. */
  iossNumber?: string;
  /** Other registrations by kind: `abn`, `arn` (AU), `nzGst`, `voec` (NO), `chVat`, … */
  taxIds?: Record<string, string>;
}

export interface BuyerParty extends PostalAddress {
  /** Recipient's tax or customs id where the destination requires one (BR CPF/CNPJ, KR PCCC…). */
  taxId?: string;
  /** Importer of record's EORI / VAT when the buyer is a business. */
  eori?: string;
  vatNumber?: string;
}

export type Incoterm = "DAP" | "DDP";

export type ExportReason = "sale" | "return" | "gift" | "sample" | "documents" | "repair" | "other";

export interface ShipmentLine {
  sku: string;
  /** Product name as sold; may be in any script (棉质T恤, 緑茶…). */
  description: string;
  /** Plain customs description in the customs language (English), e.g. "Men's cotton T-shirt, knitted". */
  customsDescription: string;
  hsCode: string;
  /** ISO 3166-1 alpha-2 country of origin. */
  originCountry: string;
  quantity: number;
  /** Price of one unit in minor units of `ShipmentDocumentInput.currency`. */
  unitValue: number;
  /** Net weight of one unit in grams. */
  weightGrams: number;
}

export interface Parcel {
  /** Gross weight in grams. */
  weightGrams: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
  /** Which lines (index into `lines`) and how many units are in this parcel; all lines when absent. */
  contents?: Array<{ lineIndex: number; quantity: number }>;
}

export interface CarrierInfo {
  /** Carrier code as used by rating and the carrier adapters: dhl_express, ups, fedex, usps, fourpx… */
  code: string;
  /** Human name of the service, e.g. "Express Worldwide". */
  service: string;
  trackingNumber: string;
  /** Carrier's account number printed on commercial invoices ("bill to"). */
  accountNumber?: string;
}

export interface TaxLine {
  /** As printed: "VAT 19%", "GST 10%". */
  label: string;
  /** Rate in percent, e.g. 19. */
  ratePercent: number;
  /** Minor units of the document currency. */
  amount: number;
}

export interface LandedCostSummary {
  duty: number;
  taxes: TaxLine[];
  fees?: number;
  /** Import regime from `quoteLandedCost`, e.g. EU_IOSS, UK_LOW_VALUE, AU_LOW_VALUE_GST, US_DE_MINIMIS. */
  regime: string;
  iossNumber?: string;
}

export interface ReturnLabelInfo {
  /** Return merchandise authorization number printed on the label. */
  rmaNumber: string;
  /** Tracking number of the return shipment; the outbound one when absent. */
  trackingNumber?: string;
  /** Where the return goes; the shipper (warehouse) address when absent. */
  returnTo?: PostalAddress;
  service?: string;
}

export interface ShipmentDocumentInput {
  documentNumber: string;
  /** ISO date (YYYY-MM-DD) or full timestamp; printed as a date. */
  documentDate: string;
  seller: SellerParty;
  buyer: BuyerParty;
  /** Where the goods leave from (the warehouse). */
  shipFrom: PostalAddress;
  orderReference: string;
  incoterm: Incoterm;
  /** ISO 4217; every amount in the input is in its minor units. */
  currency: string;
  lines: ShipmentLine[];
  shippingCharged: number;
  parcels: Parcel[];
  carrier: CarrierInfo;
  reasonForExport: ExportReason;
  /** Free text for CN23 "Explanation" or the commercial invoice remarks. */
  explanation?: string;
  landedCost?: LandedCostSummary;
  /** Invoice/certificate/licence numbers for CN23 and commercial invoices. */
  customs?: {
    importerReference?: string;
    licenceNumbers?: string[];
    certificateNumbers?: string[];
    invoiceNumber?: string;
    postalCharges?: number;
  };
  returnLabel?: ReturnLabelInfo;
  /** BCP 47 locale for number/date formatting; `en-GB` when absent. */
  locale?: string;
}
