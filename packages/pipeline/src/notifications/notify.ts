import {
  type Database,
  getCurrentTenant,
  getEmail,
  getOrderDetail,
  getTenantSettings,
  markEmail,
  queueEmail,
  withTenant,
} from "@crossflow/db";
import { carrierDisplayName } from "@crossflow/domain";
import {
  type CustomerEmailData,
  type EmailBrand,
  EmailSendError,
  type EmailSender,
  formatFromAddress,
  renderCustomerEmail,
} from "@crossflow/integrations";
import type { EventSender } from "../intake/receive-order";
import type { CustomerEmailEvent, CustomerNotice, CustomerNotifier } from "./types";

/** The tenant's e-mail settings as stored in tenant_settings.notifications. */
interface NotificationSettings {
  brand?: Partial<EmailBrand>;
  /** Events switched off (all are on by default). */
  disabled?: CustomerEmailEvent[];
}

export interface CustomerNotifierDeps {
  db: Database;
  sender: EmailSender;
  /** The portal page of an order (a signed link). */
  portalUrl: (tenantId: string, orderId: string) => string;
  /** The From address; the tenant's sender name is put in front of it. */
  fromAddress: string;
  /** Hands a queued message to the delivery function (with retries); only used when the sender is Resend. */
  events?: EventSender;
}

/**
 * Turns notices into e-mails: the order and its shipment in the shopper's language and the
 * tenant's branding, queued once per notice key. Without Resend they stay in the outbox the
 * console shows; with it, the delivery function sends them (retrying transient failures).
 */
export function createCustomerNotifier(deps: CustomerNotifierDeps): CustomerNotifier {
  return async (notices: CustomerNotice[]) => {
    for (const notice of notices) {
      // An e-mail that cannot be rendered or queued must never hold up an order or its tracking.
      const queued = await queueNotice(deps, notice).catch((error: Error) => {
        console.warn(`[notify] ${notice.event} for ${notice.orderId} not queued: ${error.message}`);
        return null;
      });
      if (queued && deps.sender.mode === "resend") {
        if (deps.events)
          await deps.events.send({
            name: "email/queued",
            id: `email:${queued}`,
            data: { tenantId: notice.tenantId, emailId: queued },
          });
        else await deliverEmail(deps.db, deps.sender, deps.fromAddress, { tenantId: notice.tenantId, emailId: queued });
      }
    }
  };
}

async function queueNotice(deps: CustomerNotifierDeps, notice: CustomerNotice): Promise<string | null> {
  const context = await withTenant(deps.db, notice.tenantId, async (tx) => {
    const [order, settings, tenant] = await Promise.all([
      getOrderDetail(tx, notice.orderId),
      getTenantSettings(tx),
      getCurrentTenant(tx, notice.tenantId),
    ]);
    return { order, settings: (settings?.notifications ?? {}) as NotificationSettings, tenantName: tenant?.name ?? "" };
  });
  const { order, settings } = context;
  if (!order) return null;
  if (settings.disabled?.includes(notice.event)) return null;
  // A channel that withheld the buyer's e-mail (Amazon without PII access) gets nothing from us.
  if (!order.customer.email || order.customer.email.endsWith("@buyer.invalid")) return null;

  const shipment = notice.shipmentId ? order.shipments.find((s) => s.id === notice.shipmentId) : order.shipments[0];
  const tracking = shipment?.tracking ?? [];
  const customsSince = [...tracking].reverse().find((e) => e.status === "customs_hold");
  const failed = [...tracking].reverse().find((e) => e.status === "failed_attempt");
  const data: CustomerEmailData = {
    orderNumber: order.externalId,
    customerName: order.customer.name,
    items: order.lines.map((l) => ({ title: l.title, quantity: l.quantity })),
    total: { amount: order.total, currency: order.currency },
    trackingUrl: deps.portalUrl(notice.tenantId, order.id),
    ...(shipment?.trackingNumber
      ? {
          carrier: {
            name: carrierDisplayName(shipment.carrier),
            trackingNumber: shipment.trackingNumber,
          },
        }
      : {}),
    ...(shipment?.estimatedDelivery ? { estimatedDelivery: shipment.estimatedDelivery } : {}),
    ...(notice.event === "customs_hold" && customsSince
      ? {
          customsHold: {
            since: customsSince.at,
            country: customsSince.location?.country ?? order.shippingAddress.country,
          },
        }
      : {}),
    ...(notice.event === "failed_attempt" ? { failedAttempt: { reason: failed?.description } } : {}),
  };
  const brand: EmailBrand = {
    name: settings.brand?.name ?? context.tenantName,
    color: settings.brand?.color ?? "#4f46e5",
    senderName: settings.brand?.senderName ?? context.tenantName,
    ...(settings.brand?.logoUrl ? { logoUrl: settings.brand.logoUrl } : {}),
    ...(settings.brand?.replyTo ? { replyTo: settings.brand.replyTo } : {}),
  };
  const rendered = await renderCustomerEmail(notice.event, data, { locale: order.customer.locale ?? "en", brand });
  const row = await withTenant(deps.db, notice.tenantId, (tx) =>
    queueEmail(tx, {
      tenantId: notice.tenantId,
      orderId: order.id,
      event: notice.event,
      dedupeKey: notice.dedupeKey,
      toAddress: order.customer.email,
      locale: rendered.locale,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      status: deps.sender.mode === "resend" ? "queued" : "outbox",
    }),
  );
  return row?.id ?? null;
}

/** Sends one queued e-mail through the sender; a transient failure throws so the caller retries. */
export async function deliverEmail(
  db: Database,
  sender: EmailSender,
  fromAddress: string,
  ref: { tenantId: string; emailId: string },
) {
  const email = await withTenant(db, ref.tenantId, (tx) => getEmail(tx, ref.emailId));
  if (!email || email.status !== "queued") return { skipped: true };
  const settings = await withTenant(db, ref.tenantId, async (tx) => ({
    settings: ((await getTenantSettings(tx))?.notifications ?? {}) as NotificationSettings,
    tenant: await getCurrentTenant(tx, ref.tenantId),
  }));
  const senderName = settings.settings.brand?.senderName ?? settings.tenant?.name ?? "Orders";
  try {
    const sent = await sender.send({
      from: formatFromAddress(senderName, fromAddress),
      to: email.toAddress,
      subject: email.subject,
      html: email.html,
      text: email.text,
      ...(settings.settings.brand?.replyTo ? { replyTo: settings.settings.brand.replyTo } : {}),
      tags: [{ name: "event", value: email.event }],
      idempotencyKey: email.id,
    });
    await withTenant(db, ref.tenantId, (tx) => markEmail(tx, email.id, { status: "sent", providerId: sent.id }));
    return { sent: true };
  } catch (error) {
    if (error instanceof EmailSendError && error.retryable) throw error;
    await withTenant(db, ref.tenantId, (tx) =>
      markEmail(tx, email.id, { status: "failed", error: (error as Error).message.slice(0, 500) }),
    );
    return { failed: true };
  }
}
