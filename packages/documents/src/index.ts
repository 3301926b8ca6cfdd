export * from "./country-templates";
export { renderCn22 } from "./documents/cn22";
export { renderCn23 } from "./documents/cn23";
export { renderCommercialInvoice, renderProformaInvoice } from "./documents/commercial-invoice";
export { renderCustomerInvoice } from "./documents/customer-invoice";
export { renderPackingList } from "./documents/packing-list";
export { FontUnavailableError, loadCjkFont, resetFontCache } from "./fonts";
export { formatMoney } from "./format";
export {
  CARRIER_LABEL_PROFILES,
  type CarrierLabelProfile,
  carrierLabelProfile,
  type Symbology,
} from "./labels/carriers";
export { LABEL_SIZE, renderLabelPdf, renderReturnLabelPdf, renderShippingLabelPdf } from "./labels/label-pdf";
export {
  gs1ZplData,
  renderLabelZpl,
  renderReturnLabelZpl,
  renderShippingLabelZpl,
  type ZplOptions,
} from "./labels/label-zpl";
export { type LabelVariant, ReturnLabelUnavailableError } from "./labels/model";
export { DOCUMENT_KINDS, type DocumentKind, isDocumentKind, renderDocument } from "./render";
export * from "./storage/index";
export * from "./types";
