import { getDocument, type Tx } from "@crossflow/db";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";

/** Streams one stored document of the caller's tenant (RLS: another tenant's id is a 404). */
export async function sendDocument(c: Context<AppEnv>, id: string, run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>) {
  const row = await run((tx) => getDocument(tx, id));
  if (!row) throw new ApiError("not_found", `No document ${id}`);
  const stored = await c.var.deps.documentStorage?.get(row.storageKey);
  if (!stored) throw new ApiError("not_found", `The file of document ${id} is not available`);
  const extension = row.contentType === "application/pdf" ? "pdf" : row.contentType.includes("zpl") ? "zpl" : "bin";
  const disposition = c.req.query("download") === "1" ? "attachment" : "inline";
  return c.body(new Uint8Array(stored.bytes), 200, {
    "content-type": row.contentType,
    "content-disposition": `${disposition}; filename="${row.kind}-${row.orderId ?? row.id}.${extension}"`,
    "cache-control": "private, max-age=300",
  });
}
