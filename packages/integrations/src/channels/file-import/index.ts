import { validateChannelOrder } from "@crossflow/domain";
import type { ChannelAdapter } from "../types";
import { FILE_IMPORT_CHANNEL } from "./import";

export {
  type ColumnMapping,
  detectColumnMapping,
  IMPORT_FIELDS,
  type ImportFieldKey,
  normalizeHeader,
} from "./columns";
export { type CsvTable, detectDelimiter, parseCsv } from "./csv";
export {
  createOrderFileParser,
  FILE_IMPORT_CHANNEL,
  type FileImportOptions,
  type FileImportResult,
  type ImportPreview,
  type ImportRowError,
  importOrderFile,
  importOrderRows,
  importOrdersCsv,
  importOrdersXlsx,
  previewOrderFile,
  requiredFields,
} from "./import";

/**
 * Files are read by importOrderFile, which yields normalized orders; what a dead letter keeps
 * for a file order is that normalized order, so mapping it again is validating it again.
 */
export const fileImportAdapter: ChannelAdapter = {
  channel: FILE_IMPORT_CHANNEL,
  displayName: "CSV / XLSX upload",
  credentialFields: [],
  mapOrder(payload) {
    const result = validateChannelOrder(payload);
    if (result.ok && result.order.channel !== FILE_IMPORT_CHANNEL) {
      return { ok: false, errors: [{ path: "channel", message: `must be ${FILE_IMPORT_CHANNEL}` }] };
    }
    return result;
  },
};
