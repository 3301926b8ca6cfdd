import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { tenants } from "./tenants";

export const EMAIL_STATUSES = ["queued", "sent", "outbox", "failed", "disabled"] as const;

/**
 * Every customer e-mail the pipeline decided to send, rendered. With Resend configured it is
 * sent and marked `sent`; in the embedded default it stays here as `outbox`, shown in the console.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id"),
    event: text("event").notNull(),
    /** One message per order and event (and shipment): the dedupe key. */
    dedupeKey: text("dedupe_key").notNull(),
    toAddress: text("to_address").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("queued"),
    providerId: text("provider_id"),
    error: text("error"),
    createdAt: createdAt(),
    sentAt: utc("sent_at"),
  },
  (t) => [
    uniqueIndex("email_outbox_dedupe").on(t.tenantId, t.dedupeKey),
    index("email_outbox_created").on(t.tenantId, t.createdAt),
  ],
);
