import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { tenantId, updatedAt } from "./columns";
import { tenants } from "./tenants";

export interface CompanyProfile {
  legalName?: string;
  address?: {
    name: string;
    line1: string;
    line2?: string;
    city: string;
    region?: string;
    postalCode?: string;
    country: string;
  };
  email?: string;
  phone?: string;
  vatNumbers?: Record<string, string>;
  eori?: string;
  iossNumber?: string;
  taxIds?: Record<string, string>;
}

/** Per-tenant automation settings (risk screening config, payment policy), validated by the domain's schemas. */
export const tenantSettings = pgTable("tenant_settings", {
  tenantId: tenantId()
    .primaryKey()
    .references(() => tenants.id),
  risk: jsonb("risk").$type<Record<string, unknown>>().notNull().default({}),
  payment: jsonb("payment").$type<Record<string, unknown>>().notNull().default({}),
  /** Who sells: legal name, address, tax registrations (VAT per country, EORI, IOSS) for documents. */
  company: jsonb("company").$type<CompanyProfile>().notNull().default({}),
  /** Return policy: window, reasons, excluded SKUs, who pays, restocking fee, four-eyes threshold. */
  returns: jsonb("returns").$type<Record<string, unknown>>().notNull().default({}),
  /** Customer e-mails: branding (logo, colour, sender name) and which events send one. */
  notifications: jsonb("notifications").$type<Record<string, unknown>>().notNull().default({}),
  /** Customs defaults: incoterm, duty-rate overrides. */
  customs: jsonb("customs").$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text("updated_by"),
  updatedAt: updatedAt(),
});
