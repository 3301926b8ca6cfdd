import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { tenants } from "./tenants";
import { users } from "./users";

export const MEMBER_ROLES = ["owner", "admin", "operator", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const members = pgTable(
  "members",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("members_tenant_user").on(t.tenantId, t.userId)],
);
