import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt } from "./columns";
import { tenants } from "./tenants";

export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    hsCode: text("hs_code"),
    originCountry: text("origin_country"),
    customsDescription: text("customs_description"),
    customsValue: integer("customs_value"),
    currency: text("currency").notNull(),
    weightGrams: integer("weight_grams"),
    lengthMm: integer("length_mm"),
    widthMm: integer("width_mm"),
    heightMm: integer("height_mm"),
    tags: text("tags").array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("products_tenant_sku").on(t.tenantId, t.sku)],
);
