import type { Tx } from "@crossflow/db";
import {
  type CatalogPageFilter,
  catalogCustomsColumns,
  catalogStockBySku,
  getProductBySku,
  listCatalogProducts,
  ordersHeldForSkuCustoms,
  type ProductCustomsPatch,
  type ProductRow,
  productToApi,
  recordAudit,
  type StockTotal,
  updateProductCustoms,
} from "@crossflow/db";
import {
  checkCustomsProfile,
  formatHsCode,
  HS_2022_SUBHEADING_TEXTS,
  isCountry,
  suggestHsCodes,
  validateHsCode,
} from "@crossflow/domain";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError, type ErrorDetail } from "../../errors";
import { requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";

/** The console's catalog: each product's customs profile, what it lacks, and HS code suggestions. */
export const catalogRoutes = new Hono<AppEnv>();
// Explicit paths: this router is mounted at /app next to public routes (the portal lookup).
for (const path of ["/products", "/products/*"]) catalogRoutes.use(path, sessionAuth, requireMerchant);

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
/** How many products one scan step reads while looking for those with issues. */
const SCAN_BATCH = 200;
const SUGGESTIONS = 5;

const Dimension = z.number().int().positive().max(10_000);
/** Empty strings clear a field, like null. */
const ClearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value === "" ? null : value));

const CustomsPatch = z
  .object({
    hsCode: ClearableText(32),
    originCountry: ClearableText(8),
    customsDescription: ClearableText(300),
    customsValue: z.number().int().positive().max(2_147_483_647).nullable().optional(),
    weightGrams: z.number().int().positive().max(1_000_000).nullable().optional(),
    dimensionsMm: z.object({ length: Dimension, width: Dimension, height: Dimension }).strict().nullable().optional(),
  })
  .strict();

const AcceptSuggestion = z.object({ hsCode: z.string().trim().min(1).max(32) }).strict();

async function body<T extends z.ZodType>(c: { req: { json(): Promise<unknown> } }, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid request", zodDetails(parsed.error));
  return parsed.data;
}

function encodeSkuCursor(sku: string): string {
  return Buffer.from(sku, "utf8").toString("base64url");
}

function decodeSkuCursor(cursor: string): string {
  const sku = Buffer.from(cursor, "base64url").toString("utf8");
  if (!sku || sku.length > 100) throw new ApiError("invalid_request", "The cursor is not one this API gave out");
  return sku;
}

function issuesOf(
  row: Pick<ProductRow, "hsCode" | "originCountry" | "customsDescription" | "customsValue" | "currency">,
) {
  return checkCustomsProfile({
    hsCode: row.hsCode,
    originCountry: row.originCountry,
    customsDescription: row.customsDescription,
    customsValue: row.customsValue,
    currency: row.currency,
  });
}

function catalogItem(row: ProductRow, stock: StockTotal | undefined) {
  return {
    ...productToApi(row),
    hsCodeFormatted: row.hsCode ? formatHsCode(row.hsCode) : null,
    issues: issuesOf(row),
    stock: stock ? { onHand: stock.onHand, reserved: stock.reserved, available: stock.available } : null,
  };
}

/** The six-digit subheadings of a heading that the shipped tariff table describes. */
function subheadingsOf(heading: string) {
  return Object.entries(HS_2022_SUBHEADING_TEXTS)
    .filter(([code]) => code.length === 6 && code.startsWith(heading))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([hsCode, description]) => ({ hsCode, formatted: formatHsCode(hsCode), description }));
}

function suggestionsFor(row: ProductRow) {
  return suggestHsCodes({ title: row.title, description: row.customsDescription }, { limit: SUGGESTIONS }).map(
    (suggestion) => {
      // A four-digit heading is a direction, not a code customs accepts: it needs its subheading,
      // so the subheadings the table knows are offered with it.
      const acceptable = validateHsCode(suggestion.hsCode).valid;
      return {
        ...suggestion,
        formatted: formatHsCode(suggestion.hsCode),
        acceptable,
        subheadings: acceptable ? [] : subheadingsOf(suggestion.heading),
      };
    },
  );
}

/** The product page: the product, what it lacks, suggestions, and the orders waiting for it. */
async function productView(tx: Tx, row: ProductRow) {
  const [stock, held] = await Promise.all([catalogStockBySku(tx, [row.sku]), ordersHeldForSkuCustoms(tx, row.sku)]);
  const hs = row.hsCode ? validateHsCode(row.hsCode) : null;
  return {
    product: catalogItem(row, stock.get(row.sku)),
    hs: hs
      ? {
          valid: hs.valid,
          edition: hs.edition,
          chapterTitle: hs.chapterTitle,
          headingText: hs.headingText,
          subheadingText: hs.subheadingText,
          nationalExtension: hs.nationalExtension,
        }
      : null,
    suggestions: suggestionsFor(row),
    heldOrders: held,
  };
}

catalogRoutes.get("/products", async (c) => {
  const { tenant } = c.var;
  const q = (c.req.query("q") ?? "").trim().slice(0, 100) || undefined;
  const onlyIssues = ["1", "true", "yes"].includes(c.req.query("issues") ?? "");
  const limitText = c.req.query("limit");
  const limit = limitText ? Number.parseInt(limitText, 10) : DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
    throw new ApiError("validation_failed", "Invalid request", [
      { path: "limit", message: `limit must be a whole number from 1 to ${MAX_PAGE}` },
    ]);
  const cursorText = c.req.query("cursor");
  const afterSku = cursorText ? decodeSkuCursor(cursorText) : undefined;

  const result = await tenant.run(async (tx) => {
    // Issues come from the domain's customs check, not from SQL, so with the filter on, the
    // catalog is read in SKU order until a page of products with issues is found.
    const found: ProductRow[] = [];
    let scanFrom = afterSku;
    let more = false;
    for (;;) {
      const filter: CatalogPageFilter = { q, limit: onlyIssues ? SCAN_BATCH : limit + 1 };
      if (scanFrom !== undefined) filter.afterSku = scanFrom;
      const batch = await listCatalogProducts(tx, filter);
      for (const row of batch) {
        if (onlyIssues && issuesOf(row).length === 0) continue;
        if (found.length === limit) {
          more = true;
          break;
        }
        found.push(row);
      }
      if (more || !onlyIssues || batch.length < SCAN_BATCH) break;
      scanFrom = batch[batch.length - 1]!.sku;
    }
    const [stock, columns] = await Promise.all([
      catalogStockBySku(
        tx,
        found.map((row) => row.sku),
      ),
      catalogCustomsColumns(tx),
    ]);
    return {
      data: found.map((row) => catalogItem(row, stock.get(row.sku))),
      nextCursor: more ? encodeSkuCursor(found[found.length - 1]!.sku) : null,
      summary: { total: columns.length, withIssues: columns.filter((row) => issuesOf(row).length > 0).length },
    };
  });
  return c.json(result);
});

/** ISO 3166-1 alpha-2 codes, for the console's country-of-origin picker. */
const COUNTRY_CODES: string[] = [];
for (let a = 65; a <= 90; a++)
  for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    if (isCountry(code)) COUNTRY_CODES.push(code);
  }

catalogRoutes.get("/products/:sku", async (c) => {
  const sku = c.req.param("sku");
  const view = await c.var.tenant.run(async (tx) => {
    const row = await getProductBySku(tx, sku);
    return row ? productView(tx, row) : null;
  });
  if (!view) throw new ApiError("not_found", `No product with SKU ${sku}`);
  return c.json({ ...view, countries: COUNTRY_CODES });
});

/** Checks the fields the request sets; cleared fields (null) are allowed and show up as issues. */
function checkedPatch(input: z.infer<typeof CustomsPatch>): ProductCustomsPatch {
  const details: ErrorDetail[] = [];
  const patch: ProductCustomsPatch = {};
  if (input.hsCode !== undefined) {
    if (input.hsCode === null) patch.hsCode = null;
    else {
      const hs = validateHsCode(input.hsCode);
      if (hs.valid) patch.hsCode = hs.normalized;
      else details.push({ path: "hsCode", message: hs.issues.map((issue) => issue.message).join("; ") });
    }
  }
  if (input.originCountry !== undefined) {
    const origin = input.originCountry?.toUpperCase() ?? null;
    if (origin !== null && !isCountry(origin))
      details.push({
        path: "originCountry",
        message: `Country of origin "${input.originCountry}" is not an ISO 3166-1 alpha-2 code (e.g. CN)`,
      });
    else patch.originCountry = origin;
  }
  if (input.customsDescription !== undefined) {
    const description = input.customsDescription;
    const problem =
      description === null
        ? undefined
        : checkCustomsProfile({ customsDescription: description }).find(
            (issue) => issue.field === "customsDescription",
          );
    if (problem) details.push({ path: "customsDescription", message: problem.message });
    else patch.customsDescription = description;
  }
  if (input.customsValue !== undefined) patch.customsValue = input.customsValue;
  if (input.weightGrams !== undefined) patch.weightGrams = input.weightGrams;
  if (input.dimensionsMm !== undefined) patch.dimensionsMm = input.dimensionsMm;
  if (details.length) throw new ApiError("validation_failed", "Some customs fields are wrong", details);
  if (Object.keys(patch).length === 0)
    throw new ApiError("validation_failed", "Nothing to change", [
      { path: "(body)", message: "Give at least one field to change" },
    ]);
  return patch;
}

catalogRoutes.patch("/products/:sku", requireOperator, async (c) => {
  const patch = checkedPatch(await body(c, CustomsPatch));
  const { tenant } = c.var;
  const sku = c.req.param("sku");
  const view = await tenant.run(async (tx) => {
    const before = await getProductBySku(tx, sku);
    if (!before) return null;
    const after = await updateProductCustoms(tx, before.id, patch);
    await recordAudit(tx, {
      tenantId: tenant.tenantId,
      actor: tenant.actor,
      action: "product.customs_updated",
      entity: "product",
      entityId: before.id,
      before: productToApi(before),
      after: productToApi(after),
    });
    return productView(tx, after);
  });
  if (!view) throw new ApiError("not_found", `No product with SKU ${sku}`);
  return c.json(view);
});

/**
 * One-click accept: stores a code the suggester offers for this product right now (or a
 * subheading offered under a suggested heading), and audits why it was offered.
 */
catalogRoutes.post("/products/:sku/accept-suggestion", requireOperator, async (c) => {
  const input = await body(c, AcceptSuggestion);
  const { tenant } = c.var;
  const sku = c.req.param("sku");
  const code = input.hsCode.replace(/[\s.-]/g, "");
  const view = await tenant.run(async (tx) => {
    const before = await getProductBySku(tx, sku);
    if (!before) return null;
    const suggestion = suggestionsFor(before).find(
      (s) => s.hsCode === code || s.subheadings.some((sub) => sub.hsCode === code),
    );
    if (!suggestion)
      throw new ApiError("validation_failed", "That code is not among this product's suggestions", [
        {
          path: "hsCode",
          message: `HS code "${input.hsCode}" is not among the current suggestions for ${sku}; enter it in the form instead`,
        },
      ]);
    const hs = validateHsCode(code);
    if (!hs.valid || !hs.normalized)
      throw new ApiError("validation_failed", "The suggestion is a heading, not a full code", [
        { path: "hsCode", message: hs.issues.map((issue) => issue.message).join("; ") },
      ]);
    const after = await updateProductCustoms(tx, before.id, { hsCode: hs.normalized });
    await recordAudit(tx, {
      tenantId: tenant.tenantId,
      actor: tenant.actor,
      action: "product.hs_code_accepted",
      entity: "product",
      entityId: before.id,
      before: { hsCode: before.hsCode },
      after: {
        hsCode: hs.normalized,
        suggested: suggestion.hsCode,
        matchedWords: suggestion.matchedWords,
        score: suggestion.score,
        explanation: suggestion.explanation,
        headingText: suggestion.headingText,
      },
    });
    return productView(tx, after);
  });
  if (!view) throw new ApiError("not_found", `No product with SKU ${sku}`);
  return c.json(view);
});
