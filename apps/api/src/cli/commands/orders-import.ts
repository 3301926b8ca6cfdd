import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { listTenantsForOperator } from "@crossflow/db";
import { importParsedOrders } from "@crossflow/pipeline/intake";
import { UsageError } from "../args";
import type { CommandArgs, CommandContext } from "./index";

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A progress bar on stderr when it is a terminal, a line every 10 % otherwise. */
function progressPrinter(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done: number, total: number) => {
    const ratio = total === 0 ? 1 : done / total;
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
      if (done >= total) process.stderr.write("\n");
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${label} ${done}/${total} (${Math.round(ratio * 100)}%)\n`);
    }
  };
}

function parseMapping(text: string | boolean | undefined): Record<string, string> {
  if (typeof text !== "string" || !text.trim()) return {};
  const mapping: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [field, ...column] = pair.split("=");
    if (!field?.trim() || column.length === 0) throw new UsageError(`--map expects field=Column,… (got "${pair}")`);
    mapping[field.trim()] = column.join("=").trim();
  }
  return mapping;
}

async function resolveTenant(ctx: CommandContext, args: CommandArgs): Promise<string> {
  if (typeof args.tenant === "string" && args.tenant) return args.tenant;
  const tenants = await listTenantsForOperator(ctx.db);
  if (tenants.length === 1) return tenants[0]!.id;
  if (tenants.length === 0) throw new UsageError("No tenant yet: run seed:demo or tenants:create first");
  throw new UsageError(`Several tenants: pass --tenant ID (${tenants.map((t) => `${t.id} ${t.name}`).join("; ")})`);
}

/**
 * `orders:import FILE`: reads a CSV/XLSX order export, maps its columns (detected from the
 * headers; `--map field=Column` overrides), imports the rows that are valid and reports the
 * rest row by row. Importing the same file again creates nothing twice.
 */
export async function importOrderFileCommand(ctx: CommandContext, args: CommandArgs) {
  const file = typeof args.file === "string" ? args.file : "";
  if (!file) throw new UsageError("orders:import needs a FILE (.csv or .xlsx)");
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`Cannot read ${file}`);
  }
  if (size > MAX_FILE_BYTES) throw new UsageError(`${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const tenantId = await resolveTenant(ctx, args);
  const bytes = new Uint8Array(readFileSync(file));
  const parsed = await ctx.fileParser.parse(
    bytes,
    basename(file),
    parseMapping(args.map),
    progressPrinter("reading  "),
  );
  const progress = progressPrinter("importing");
  let done = parsed.errors.length ? new Set(parsed.errors.map((e) => e.row)).size : 0;
  progress(done, parsed.totalRows);
  const summary = await importParsedOrders(
    ctx.db,
    ctx.events,
    { tenantId, actor: "cli:orders:import", parsed },
    (step) => {
      done += step.processed;
      progress(Math.min(done, parsed.totalRows), parsed.totalRows);
    },
  );
  return {
    file: basename(file),
    tenantId,
    rows: summary.totalRows,
    orders: summary.orders,
    imported: summary.imported,
    duplicates: summary.duplicates,
    failedRows: summary.failedRows,
    errors: summary.errors.map((e) => `row ${e.row}${e.column ? ` [${e.column}]` : ""}: ${e.message}`),
  };
}
