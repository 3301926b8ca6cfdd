import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  clerkUserId: text("clerk_user_id").unique(),
  locale: text("locale").notNull().default("en"),
  createdAt: createdAt(),
});
