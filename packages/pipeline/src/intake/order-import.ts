import {
  type Database,
  finishOrderImport,
  getOrderImport,
  type ImportRowError,
  type NewOrder,
  recordImportProgress,
  startOrderImport,
  withTenant,
} from "@crossflow/db";
import { type EventSender, receiveOrder } from "./receive-order";

/** The channel name of orders that came from a file. */
export const FILE_IMPORT_CHANNEL = "csv";

export interface ImportPreview {
  fileName: string;
  columns: string[];
  sampleRows: string[][];
  fields: Array<{ key: string; required: boolean }>;
  suggestedMapping: Record<string, string>;
}

export interface ParsedOrderFile {
  /** Data rows in the file (header excluded). */
  totalRows: number;
  /** Orders that mapped, with the file rows they came from (1-based, as a spreadsheet shows them). */
  orders: Array<{ rows: number[]; order: NewOrder }>;
  /** Rows that did not: row, column and why. */
  errors: ImportRowError[];
}

/** Reads CSV/XLSX order files; implemented over the file-import channel of @crossflow/integrations. */
export interface OrderFileParser {
  preview(bytes: Uint8Array, fileName: string): Promise<ImportPreview>;
  parse(
    bytes: Uint8Array,
    fileName: string,
    mapping: Record<string, string>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ParsedOrderFile>;
}

export interface ImportSummary {
  totalRows: number;
  orders: number;
  imported: number;
  duplicates: number;
  failedRows: number;
  errors: ImportRowError[];
}

/**
 * Takes a parsed file's orders through intake one by one: rows that failed are reported,
 * rows that passed are imported, and importing the same file again creates nothing twice.
 */
export async function importParsedOrders(
  db: Database,
  events: EventSender,
  input: { tenantId: string; actor: string; parsed: ParsedOrderFile },
  onProgress?: (progress: {
    processed: number;
    imported: number;
    duplicates: number;
    errors: ImportRowError[];
  }) => Promise<void> | void,
): Promise<ImportSummary> {
  let imported = 0;
  let duplicates = 0;
  const errors: ImportRowError[] = [...input.parsed.errors];
  const batch = { processed: 0, imported: 0, duplicates: 0, errors: [] as ImportRowError[] };
  const flush = async () => {
    if (batch.processed === 0) return;
    await onProgress?.({ ...batch, errors: batch.errors });
    Object.assign(batch, { processed: 0, imported: 0, duplicates: 0, errors: [] });
  };
  for (const { rows, order } of input.parsed.orders) {
    try {
      const result = await receiveOrder(
        db,
        events,
        input.tenantId,
        { ...order, channel: FILE_IMPORT_CHANNEL },
        input.actor,
      );
      if (result.created) {
        imported++;
        batch.imported++;
      } else {
        duplicates++;
        batch.duplicates++;
      }
    } catch (error) {
      const failure = { row: rows[0] ?? 0, column: null, message: (error as Error).message.slice(0, 300) };
      errors.push(failure);
      batch.errors.push(failure);
    }
    batch.processed += rows.length;
    if (batch.processed >= 20) await flush();
  }
  await flush();
  const failedRows = new Set(errors.map((e) => e.row)).size;
  return {
    totalRows: input.parsed.totalRows,
    orders: input.parsed.orders.length,
    imported,
    duplicates,
    failedRows,
    errors,
  };
}

/** The console's import job: parse the stored file with its mapping, import, record progress as it goes. */
export async function runStoredImport(
  db: Database,
  events: EventSender,
  parser: OrderFileParser,
  input: { tenantId: string; importId: string },
) {
  const job = await withTenant(db, input.tenantId, (tx) => getOrderImport(tx, input.importId));
  if (!job || job.status === "done" || job.status === "failed") return { skipped: true };
  if (!job.contentBase64) {
    await withTenant(db, input.tenantId, (tx) =>
      finishOrderImport(tx, input.importId, { error: "The file is no longer stored" }),
    );
    return { skipped: true };
  }
  let parsed: ParsedOrderFile;
  try {
    parsed = await parser.parse(Buffer.from(job.contentBase64, "base64"), job.fileName, job.mapping);
  } catch (error) {
    await withTenant(db, input.tenantId, (tx) =>
      finishOrderImport(tx, input.importId, { error: `The file could not be read: ${(error as Error).message}` }),
    );
    return { failed: true };
  }
  const parseFailedRows = new Set(parsed.errors.map((e) => e.row)).size;
  await withTenant(db, input.tenantId, (tx) =>
    startOrderImport(tx, input.importId, {
      total: parsed.totalRows,
      errors: parsed.errors,
      failedRows: parseFailedRows,
    }),
  );
  // Rows that failed to parse count as processed from the start.
  if (parseFailedRows > 0)
    await withTenant(db, input.tenantId, (tx) =>
      recordImportProgress(tx, input.importId, { processed: parseFailedRows, imported: 0, duplicates: 0 }),
    );
  const summary = await importParsedOrders(
    db,
    events,
    { tenantId: input.tenantId, actor: job.createdBy, parsed: { ...parsed, errors: [] } },
    (progress) =>
      withTenant(db, input.tenantId, (tx) =>
        recordImportProgress(tx, input.importId, {
          processed: progress.processed,
          imported: progress.imported,
          duplicates: progress.duplicates,
          failedRows: new Set(progress.errors.map((e) => e.row)).size,
          errors: progress.errors,
        }),
      ),
  );
  await withTenant(db, input.tenantId, (tx) => finishOrderImport(tx, input.importId, {}));
  return {
    imported: summary.imported,
    duplicates: summary.duplicates,
    failedRows: summary.failedRows + parseFailedRows,
  };
}
