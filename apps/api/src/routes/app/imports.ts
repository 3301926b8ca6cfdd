import { createOrderImport, getOrderImport, listOrderImports, recordAudit } from "@crossflow/db";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";

/** Largest order file accepted from the console. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const ACCEPTED = /\.(csv|tsv|txt|xlsx)$/i;

/** CSV/XLSX order imports from the console: preview + column mapping, then a background job with progress. */
export const importRoutes = new Hono<AppEnv>();
for (const path of ["/imports", "/imports/*"]) importRoutes.use(path, sessionAuth, requireMerchant);

async function uploadedFile(c: { req: { parseBody(): Promise<Record<string, unknown>> } }) {
  const form = await c.req.parseBody().catch(() => {
    throw new ApiError("validation_failed", "Send the file as multipart/form-data", [
      { path: "file", message: "required" },
    ]);
  });
  const file = form.file;
  if (!(file instanceof File) || file.size === 0)
    throw new ApiError("validation_failed", "Choose a CSV or XLSX file", [{ path: "file", message: "required" }]);
  if (!ACCEPTED.test(file.name))
    throw new ApiError("validation_failed", "Only .csv and .xlsx files can be imported", [
      { path: "file", message: "a .csv or .xlsx file" },
    ]);
  if (file.size > MAX_IMPORT_BYTES)
    throw new ApiError("payload_too_large", `Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported`);
  return { file, bytes: new Uint8Array(await file.arrayBuffer()), form };
}

function parserOf(c: { var: AppEnv["Variables"] }) {
  const parser = c.var.deps.fileParser;
  if (!parser) throw new ApiError("invalid_state", "File imports are not configured on this server");
  return parser;
}

importRoutes.post("/imports/preview", requireOperator, async (c) => {
  const parser = parserOf(c);
  const { file, bytes } = await uploadedFile(c);
  try {
    return c.json(await parser.preview(bytes, file.name));
  } catch (error) {
    throw new ApiError("validation_failed", `The file could not be read: ${(error as Error).message}`, [
      { path: "file", message: (error as Error).message },
    ]);
  }
});

importRoutes.post("/imports", requireOperator, async (c) => {
  const parser = parserOf(c);
  const { file, bytes, form } = await uploadedFile(c);
  let mapping: Record<string, string> = {};
  if (typeof form.mapping === "string" && form.mapping.trim()) {
    try {
      const parsed = JSON.parse(form.mapping) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      mapping = Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).filter(
          (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
        ),
      );
    } catch {
      throw new ApiError("validation_failed", "The column mapping is not valid JSON", [
        { path: "mapping", message: 'an object like {"externalId": "Order number"}' },
      ]);
    }
  }
  // Fail fast on a mapping that misses required fields, before anything is stored.
  const preview = await parser.preview(bytes, file.name).catch((error: Error) => {
    throw new ApiError("validation_failed", `The file could not be read: ${error.message}`, [
      { path: "file", message: error.message },
    ]);
  });
  const effective = { ...preview.suggestedMapping, ...mapping };
  const missing = preview.fields.filter((f) => f.required && !effective[f.key]);
  if (missing.length)
    throw new ApiError(
      "validation_failed",
      "Map a column to every required field",
      missing.map((f) => ({ path: `mapping.${f.key}`, message: "required" })),
    );
  const unknownColumns = Object.entries(effective).filter(([, column]) => !preview.columns.includes(column));
  if (unknownColumns.length)
    throw new ApiError(
      "validation_failed",
      "The mapping names columns the file does not have",
      unknownColumns.map(([field, column]) => ({ path: `mapping.${field}`, message: `no column "${column}"` })),
    );

  const { tenant, deps } = c.var;
  const job = await tenant.run(async (tx) => {
    const created = await createOrderImport(tx, {
      tenantId: tenant.tenantId,
      fileName: file.name,
      contentBase64: Buffer.from(bytes).toString("base64"),
      mapping: effective,
      createdBy: tenant.actor,
    });
    await recordAudit(tx, {
      tenantId: tenant.tenantId,
      actor: tenant.actor,
      action: "orders.import_started",
      entity: "order_import",
      entityId: created.id,
      after: { fileName: file.name, bytes: bytes.length, mapping: effective },
    });
    return created;
  });
  await deps.events.send({ name: "orders/import.requested", data: { tenantId: tenant.tenantId, importId: job.id } });
  return c.json({ id: job.id, status: job.status, fileName: job.fileName }, 202);
});

importRoutes.get("/imports", async (c) => {
  return c.json({ imports: await c.var.tenant.run((tx) => listOrderImports(tx, 20)) });
});

importRoutes.get("/imports/:id", async (c) => {
  const id = c.req.param("id");
  const job = await c.var.tenant.run((tx) => getOrderImport(tx, id));
  if (!job) throw new ApiError("not_found", `No import ${id}`);
  const { contentBase64: _content, ...rest } = job;
  return c.json(rest);
});
