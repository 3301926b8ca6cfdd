import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const tenants = pgTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  clerkOrgId: text("clerk_org_id").unique(),
  plan: text("plan").notNull().default("dev"),
  createdAt: createdAt(),
});
