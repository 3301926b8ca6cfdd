import { renderCn22 } from "./documents/cn22";
import { renderCn23 } from "./documents/cn23";
import { renderCommercialInvoice, renderProformaInvoice } from "./documents/commercial-invoice";
import { renderCustomerInvoice } from "./documents/customer-invoice";
import { renderPackingList } from "./documents/packing-list";
import { renderReturnLabelPdf, renderShippingLabelPdf } from "./labels/label-pdf";
import type { ShipmentDocumentInput } from "./types";

export const DOCUMENT_KINDS = [
  "commercial_invoice",
  "proforma_invoice",
  "packing_list",
  "cn22",
  "cn23",
  "customer_invoice",
  "shipping_label",
  "return_label",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const RENDERERS: Record<DocumentKind, (input: ShipmentDocumentInput) => Promise<Buffer>> = {
  commercial_invoice: renderCommercialInvoice,
  proforma_invoice: renderProformaInvoice,
  packing_list: renderPackingList,
  cn22: renderCn22,
  cn23: renderCn23,
  customer_invoice: renderCustomerInvoice,
  shipping_label: renderShippingLabelPdf,
  return_label: renderReturnLabelPdf,
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Render one document kind as PDF bytes. */
export function renderDocument(kind: DocumentKind, input: ShipmentDocumentInput): Promise<Buffer> {
  const render = RENDERERS[kind];
  if (!render) return Promise.reject(new Error(`Unknown document kind ${kind}`));
  return render(input);
}
