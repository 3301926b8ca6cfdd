import { text, timestamp } from "drizzle-orm/pg-core";

export const tenantId = () => text("tenant_id").notNull();
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const utc = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export interface Address {
  name: string;
  company?: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
  phone?: string;
  /** The recipient's customs or tax id where the destination asks for one (KR PCCC, BR CPF, CL RUT…). */
  taxId?: string;
}
