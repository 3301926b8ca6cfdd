import { z } from "zod";

/** The customer e-mails Crossflow sends, in the order a shopper meets them. */
export const CUSTOMER_EMAIL_EVENTS = [
  "order_confirmed",
  "shipped",
  "customs_hold",
  "out_for_delivery",
  "failed_attempt",
  "delivered",
  "return_approved",
  "refund_issued",
] as const;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), { message: "an http(s) URL" });

/**
 * A tenant's customer e-mail settings: the branding of every message and the events switched
 * off (all are on by default). Stored in tenant_settings.notifications.
 */
export const notificationSettingsSchema = z.object({
  brand: z
    .object({
      name: z.string().trim().min(1).max(120).optional(),
      senderName: z.string().trim().min(1).max(120).optional(),
      color: z
        .string()
        .trim()
        .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, { message: "a hex colour like #4f46e5" })
        .optional(),
      logoUrl: httpUrl.optional(),
      replyTo: z.string().trim().email({ message: "an e-mail address" }).optional(),
    })
    .default({}),
  disabled: z.array(z.enum(CUSTOMER_EMAIL_EVENTS)).default([]),
});

export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
