import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { tenants } from "./tenants";

export const IMPORT_STATUSES = ["queued", "running", "done", "failed"] as const;

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

/** A CSV/XLSX order file and its progress; the file is kept (base64) until it has been processed. */
export const orderImports = pgTable(
  "order_imports",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    fileName: text("file_name").notNull(),
    contentBase64: text("content_base64"),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull().default({}),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("queued"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    failedRows: integer("failed_rows").notNull().default(0),
    errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
    error: text("error"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    finishedAt: utc("finished_at"),
  },
  (t) => [index("order_imports_tenant").on(t.tenantId, t.createdAt)],
);
