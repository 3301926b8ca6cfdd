import {
  type ChannelOrder,
  type ChannelOrderInput,
  type ChannelPaymentStatus,
  type IntakeOrder,
  isCurrency,
  toNewOrder,
  validateChannelOrder,
} from "@crossflow/domain";
import { type ColumnMapping, detectColumnMapping, IMPORT_FIELDS, type ImportFieldKey, isImportField } from "./columns";
import { parseCsv } from "./csv";
import {
  type Cell,
  cellText,
  parseAmountCell,
  parseCountryCell,
  parseDateCell,
  parsePaymentStatusCell,
  parseQuantityCell,
} from "./values";

/** The channel name of orders imported from a file. */
export const FILE_IMPORT_CHANNEL = "csv";

export interface ImportRowError {
  /** 1-based row as a spreadsheet shows it: the header is row 1, the first order line row 2. */
  row: number;
  /** The file's column header, or null when the problem is not one cell's. */
  column: string | null;
  message: string;
}

export interface FileImportOptions {
  /** Field → column header; overrides what was detected from the headers. */
  mapping?: ColumnMapping;
  /** Used where the file has no value (no currency column in a single-currency shop's export). */
  defaults?: { currency?: string; paymentStatus?: ChannelPaymentStatus; paymentProvider?: string };
  onProgress?: (done: number, total: number) => void;
  /** placedAt for rows without an order date. */
  now?: Date;
}

export interface FileImportResult {
  columns: string[];
  /** The mapping used: detected, then overridden. */
  mapping: ColumnMapping;
  /** Data rows (header excluded). */
  totalRows: number;
  orders: Array<{ rows: number[]; order: ChannelOrder }>;
  errors: ImportRowError[];
}

export interface SheetTable {
  headers: string[];
  rows: Cell[][];
}

const PATH_FIELD: Record<string, ImportFieldKey> = {
  externalId: "externalId",
  currency: "currency",
  placedAt: "placedAt",
  shippingPaid: "shippingPaid",
  "buyer.email": "email",
  "buyer.name": "customerName",
  "buyer.phone": "phone",
  "buyer.locale": "locale",
  "shippingAddress.name": "shipName",
  "shippingAddress.company": "company",
  "shippingAddress.line1": "line1",
  "shippingAddress.line2": "line2",
  "shippingAddress.city": "city",
  "shippingAddress.region": "region",
  "shippingAddress.postalCode": "postalCode",
  "shippingAddress.country": "country",
  "shippingAddress.phone": "phone",
  "payment.status": "paymentStatus",
  "payment.provider": "paymentProvider",
  "payment.reference": "paymentReference",
};

export function requiredFields(options: FileImportOptions = {}): ImportFieldKey[] {
  return IMPORT_FIELDS.filter((f) => f.required && !(f.key === "currency" && options.defaults?.currency)).map(
    (f) => f.key,
  );
}

/**
 * Spreadsheet rows (one per order line) as normalized orders, grouped by order number. A
 * row that fails is reported with its column; an order with a failing row is not imported
 * (shipping it without that line would be wrong), and its other rows say why. Everything
 * else is kept.
 */
export function importOrderRows(
  table: SheetTable,
  options: FileImportOptions = {},
  decimalComma = false,
): FileImportResult {
  const headers = table.headers.map((h) => cellText(h));
  const mapping: ColumnMapping = { ...detectColumnMapping(headers), ...options.mapping };
  const total = table.rows.length;
  const result: FileImportResult = { columns: headers, mapping, totalRows: total, orders: [], errors: [] };

  for (const [field, column] of Object.entries(mapping)) {
    if (!isImportField(field)) {
      result.errors.push({
        row: 1,
        column: column ?? null,
        message: `${field} is not a field orders can be imported into`,
      });
    } else if (column !== undefined && !headers.includes(column)) {
      result.errors.push({ row: 1, column, message: `the mapping for ${field} names a column the file does not have` });
    }
  }
  const missing = requiredFields(options).filter((key) => !mapping[key] || !headers.includes(mapping[key]!));
  for (const key of missing) {
    result.errors.push({ row: 1, column: null, message: `no column is mapped to ${key}` });
  }
  if (result.errors.length > 0) {
    options.onProgress?.(total, total);
    return result;
  }

  const index = new Map<ImportFieldKey, number>();
  for (const [field, column] of Object.entries(mapping) as Array<[ImportFieldKey, string]>) {
    index.set(field, headers.indexOf(column));
  }
  const cell = (row: Cell[], field: ImportFieldKey): Cell => {
    const i = index.get(field);
    return i === undefined ? undefined : row[i];
  };
  const has = (row: Cell[], field: ImportFieldKey) => cellText(cell(row, field)) !== "";

  // Group rows by order number, keeping file order.
  const groups = new Map<string, number[]>();
  table.rows.forEach((row, i) => {
    const id = cellText(cell(row, "externalId"));
    if (!id) {
      result.errors.push({ row: i + 2, column: mapping.externalId!, message: "the order number is empty" });
      return;
    }
    groups.set(id, [...(groups.get(id) ?? []), i]);
  });

  let done = result.errors.length;
  for (const [externalId, indexes] of groups) {
    const errors: ImportRowError[] = [];
    const rowsOf = indexes.map((i) => table.rows[i]!);
    const first = (field: ImportFieldKey): { value: Cell; row: number } | undefined => {
      const at = indexes.findIndex((i) => has(table.rows[i]!, field));
      return at < 0 ? undefined : { value: cell(rowsOf[at]!, field), row: indexes[at]! + 2 };
    };
    const fail = (row: number, field: ImportFieldKey | null, message: string) =>
      errors.push({ row, column: field ? (mapping[field] ?? null) : null, message });
    const firstRow = indexes[0]! + 2;

    const currencyCell = first("currency");
    const currency = (currencyCell ? cellText(currencyCell.value) : (options.defaults?.currency ?? "")).toUpperCase();
    const currencyOk = isCurrency(currency);
    if (!currencyOk) {
      fail(currencyCell?.row ?? firstRow, "currency", currency ? `${currency} is not a currency code` : "is required");
    }

    const lines = indexes.map((i) => {
      const row = table.rows[i]!;
      const rowNumber = i + 2;
      const amount = (field: ImportFieldKey, required: boolean) => {
        if (!has(row, field)) {
          if (required) fail(rowNumber, field, "is required");
          return 0;
        }
        if (!currencyOk) return 0;
        const parsed = parseAmountCell(cell(row, field), currency, decimalComma);
        if (!parsed.ok) fail(rowNumber, field, parsed.message);
        return parsed.ok ? parsed.value : 0;
      };
      let quantity = 0;
      if (!has(row, "quantity")) fail(rowNumber, "quantity", "is required");
      else {
        const parsed = parseQuantityCell(cell(row, "quantity"));
        if (parsed.ok) quantity = parsed.value;
        else fail(rowNumber, "quantity", parsed.message);
      }
      const title = cellText(cell(row, "title"));
      return {
        sku: cellText(cell(row, "sku")),
        ...(title ? { title } : {}),
        quantity,
        unitPrice: amount("unitPrice", true),
        tax: amount("tax", false),
        discount: amount("discount", false),
      };
    });

    const text = (field: ImportFieldKey) => {
      const found = first(field);
      const value = found ? cellText(found.value) : "";
      return value === "" ? undefined : value;
    };
    const parsedOrFail = <T>(
      field: ImportFieldKey,
      parse: (c: Cell) => { ok: true; value: T } | { ok: false; message: string },
    ): T | undefined => {
      const found = first(field);
      if (!found) return undefined;
      const parsed = parse(found.value);
      if (!parsed.ok) {
        fail(found.row, field, parsed.message);
        return undefined;
      }
      return parsed.value;
    };
    const country = parsedOrFail("country", parseCountryCell);
    const placedAt = parsedOrFail("placedAt", parseDateCell) ?? options.now ?? new Date();
    const paymentStatus =
      parsedOrFail("paymentStatus", parsePaymentStatusCell) ?? options.defaults?.paymentStatus ?? "paid";
    const shipping = first("shippingPaid");
    let shippingPaid = 0;
    if (shipping && currencyOk) {
      const parsed = parseAmountCell(shipping.value, currency, decimalComma);
      if (parsed.ok) shippingPaid = parsed.value;
      else fail(shipping.row, "shippingPaid", parsed.message);
    }
    const shipName = text("shipName") ?? text("customerName") ?? "";
    const reference = text("paymentReference");
    const input: ChannelOrderInput = {
      channel: FILE_IMPORT_CHANNEL,
      externalId,
      status: paymentStatus === "paid" || paymentStatus === "authorized" ? "open" : "pending",
      currency,
      buyer: {
        email: text("email"),
        name: text("customerName") ?? shipName,
        phone: text("phone"),
        locale: text("locale"),
      },
      shippingAddress: {
        name: shipName,
        company: text("company"),
        line1: text("line1") ?? "",
        line2: text("line2"),
        city: text("city") ?? "",
        region: text("region"),
        postalCode: text("postalCode"),
        country: country ?? "",
        phone: text("phone"),
      },
      lines,
      shippingPaid,
      shippingTax: 0,
      taxesIncluded: true,
      payment: {
        provider: text("paymentProvider")?.toLowerCase() ?? options.defaults?.paymentProvider ?? "manual",
        ...(reference ? { reference } : {}),
        status: paymentStatus,
      },
      placedAt,
      flags: {},
    };

    if (errors.length === 0) {
      const validated = validateChannelOrder(input);
      if (validated.ok) {
        result.orders.push({ rows: indexes.map((i) => i + 2), order: validated.order });
      } else {
        for (const error of validated.errors) {
          const line = /^lines\[(\d+)\]\.?(\w*)/.exec(error.path);
          if (line) {
            const field = (line[2] || null) as ImportFieldKey | null;
            fail(
              indexes[Number(line[1])]! + 2,
              field && index.has(field) ? field : null,
              `${line[2] || "line"} ${error.message}`,
            );
          } else {
            const field = PATH_FIELD[error.path];
            const at = field ? (first(field)?.row ?? firstRow) : firstRow;
            fail(at, field ?? null, field && mapping[field] ? error.message : `${error.path} ${error.message}`);
          }
        }
      }
    }
    if (errors.length > 0) {
      const failed = new Set(errors.map((e) => e.row));
      const failedList = [...failed].sort((a, b) => a - b).join(", ");
      for (const i of indexes) {
        if (!failed.has(i + 2)) {
          errors.push({
            row: i + 2,
            column: null,
            message: `order ${externalId} was not imported: row ${failedList} of the same order has errors`,
          });
        }
      }
      result.errors.push(...errors.sort((a, b) => a.row - b.row));
    }
    done += indexes.length;
    options.onProgress?.(done, total);
  }
  if (groups.size === 0) options.onProgress?.(total, total);
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

export function importOrdersCsv(input: Uint8Array | string, options: FileImportOptions = {}): FileImportResult {
  const { delimiter, rows } = parseCsv(input);
  const [headers = [], ...data] = rows;
  return importOrderRows({ headers, rows: data }, options, delimiter === ";");
}

async function readXlsx(input: Uint8Array): Promise<SheetTable> {
  const { readSheet } = await import("read-excel-file/node");
  const rows = (await readSheet(Buffer.from(input))) as unknown as Cell[][];
  const [headers = [], ...data] = rows;
  const isBlank = (row: Cell[]) => row.every((c) => cellText(c) === "");
  return { headers: headers.map(cellText), rows: data.filter((row) => !isBlank(row)) };
}

export async function importOrdersXlsx(input: Uint8Array, options: FileImportOptions = {}): Promise<FileImportResult> {
  return importOrderRows(await readXlsx(input), options);
}

/** XLSX is a zip ("PK\x03\x04"); anything else is read as delimited text. */
export function isXlsx(input: Uint8Array, fileName = ""): boolean {
  return (
    /\.xlsx$/i.test(fileName) || (input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03 && input[3] === 0x04)
  );
}

export async function importOrderFile(
  input: Uint8Array,
  fileName: string,
  options: FileImportOptions = {},
): Promise<FileImportResult> {
  return isXlsx(input, fileName) ? importOrdersXlsx(input, options) : importOrdersCsv(input, options);
}

export interface ImportPreview {
  fileName: string;
  columns: string[];
  sampleRows: string[][];
  fields: Array<{ key: string; required: boolean }>;
  suggestedMapping: Record<string, string>;
}

export async function previewOrderFile(input: Uint8Array, fileName: string, sampleSize = 5): Promise<ImportPreview> {
  let table: SheetTable;
  if (isXlsx(input, fileName)) table = await readXlsx(input);
  else {
    const [headers = [], ...rows] = parseCsv(input).rows;
    table = { headers, rows };
  }
  const suggested = detectColumnMapping(table.headers);
  return {
    fileName,
    columns: table.headers,
    sampleRows: table.rows.slice(0, sampleSize).map((row) => table.headers.map((_, i) => cellText(row[i]))),
    fields: IMPORT_FIELDS.map((f) => ({ key: f.key, required: f.required })),
    suggestedMapping: Object.fromEntries(Object.entries(suggested).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
  };
}

/**
 * The console's and CLI's file parser: preview (columns, samples, detected mapping) and
 * parse into intake inputs (`NewOrder` shape) with the rows each came from.
 */
export function createOrderFileParser(defaults: Omit<FileImportOptions, "mapping" | "onProgress"> = {}) {
  return {
    preview: (bytes: Uint8Array, fileName: string) => previewOrderFile(bytes, fileName),
    async parse(
      bytes: Uint8Array,
      fileName: string,
      mapping: Record<string, string>,
      onProgress?: (done: number, total: number) => void,
    ): Promise<{ totalRows: number; orders: Array<{ rows: number[]; order: IntakeOrder }>; errors: ImportRowError[] }> {
      const result = await importOrderFile(bytes, fileName, { ...defaults, mapping, onProgress });
      return {
        totalRows: result.totalRows,
        orders: result.orders.map(({ rows, order }) => ({ rows, order: toNewOrder(order) })),
        errors: result.errors,
      };
    },
  };
}
