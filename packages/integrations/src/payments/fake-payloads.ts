import paypalCaptureFixture from "../../fixtures/payments/paypal/capture.json" with { type: "json" };
import paypalOrderFixture from "../../fixtures/payments/paypal/order.json" with { type: "json" };
import paypalPendingOrderFixture from "../../fixtures/payments/paypal/order_payer_action_required.json" with {
  type: "json",
};
import stripeChargeFixture from "../../fixtures/payments/stripe/charge.json" with { type: "json" };
import stripeRefundedChargeFixture from "../../fixtures/payments/stripe/charge_refunded.json" with { type: "json" };
import stripePaymentIntentFixture from "../../fixtures/payments/stripe/payment_intent.json" with { type: "json" };

/**
 * Vendor payloads for the fake server and for tests: the recorded examples in
 * fixtures/payments with only ids, amounts, currencies, statuses and times replaced, so
 * every other field stays exactly as the vendor publishes it.
 */
export type Payload = Record<string, unknown>;

function suffixOf(id: string): string {
  return id.replace(/^[a-z]+_/, "");
}

export interface StripePaymentIntentInit {
  id: string;
  /** Minor units, as Stripe counts them. */
  amount: number;
  currency: string;
  status:
    | "succeeded"
    | "requires_capture"
    | "processing"
    | "requires_action"
    | "requires_confirmation"
    | "requires_payment_method"
    | "canceled";
  /** Default: a charge id for statuses that have one, else null. */
  latestCharge?: string | null;
  amountReceived?: number;
  amountCapturable?: number;
  /** A decline, as Stripe reports it after a failed attempt. */
  lastPaymentError?: { code: string; declineCode?: string; message: string } | null;
  cancellationReason?: string | null;
  created?: number;
}

export function stripePaymentIntentPayload(init: StripePaymentIntentInit): Payload {
  const intent: Payload = structuredClone(stripePaymentIntentFixture);
  const hasCharge = ["succeeded", "requires_capture", "processing"].includes(init.status);
  Object.assign(intent, {
    id: init.id,
    amount: init.amount,
    currency: init.currency.toLowerCase(),
    status: init.status,
    amount_received: init.amountReceived ?? (init.status === "succeeded" ? init.amount : 0),
    amount_capturable: init.amountCapturable ?? (init.status === "requires_capture" ? init.amount : 0),
    capture_method: init.status === "requires_capture" ? "manual" : "automatic",
    client_secret: `${init.id}_secret_YrKJUKribcBjcG8HVhfZluoGH`,
    latest_charge: init.latestCharge !== undefined ? init.latestCharge : hasCharge ? `ch_${suffixOf(init.id)}` : null,
    canceled_at: init.status === "canceled" ? (init.created ?? 1680800504) + 600 : null,
    cancellation_reason: init.cancellationReason ?? (init.status === "canceled" ? "abandoned" : null),
    created: init.created ?? 1680800504,
    payment_method: init.status === "requires_payment_method" ? null : intent.payment_method,
    next_action:
      init.status === "requires_action"
        ? {
            type: "redirect_to_url",
            redirect_to_url: {
              return_url: "https://example.com/checkout/complete",
              url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${init.id}`,
            },
          }
        : null,
    last_payment_error: init.lastPaymentError
      ? {
          code: init.lastPaymentError.code,
          decline_code: init.lastPaymentError.declineCode,
          doc_url: `https://stripe.com/docs/error-codes/${init.lastPaymentError.code.replaceAll("_", "-")}`,
          message: init.lastPaymentError.message,
          type: "card_error",
        }
      : null,
  });
  return intent;
}

export interface StripeChargeInit {
  id: string;
  amount: number;
  currency: string;
  status?: "succeeded" | "pending" | "failed";
  /** False: authorized, not captured. Default true for a succeeded charge. */
  captured?: boolean;
  /** Minor units refunded; the charge is `refunded` when it equals the amount. */
  amountRefunded?: number;
  disputed?: boolean;
  paymentIntent?: string | null;
  failureCode?: string;
  failureMessage?: string;
  created?: number;
}

export function stripeChargePayload(init: StripeChargeInit): Payload {
  const refundedAmount = init.amountRefunded ?? 0;
  const charge: Payload = structuredClone(refundedAmount > 0 ? stripeRefundedChargeFixture : stripeChargeFixture);
  const status = init.status ?? "succeeded";
  const captured = status === "succeeded" && (init.captured ?? true);
  const created = init.created ?? 1680800505;
  Object.assign(charge, {
    id: init.id,
    amount: init.amount,
    amount_captured: captured ? init.amount : 0,
    amount_refunded: refundedAmount,
    refunded: refundedAmount > 0 && refundedAmount >= init.amount,
    captured,
    currency: init.currency.toLowerCase(),
    status,
    paid: status === "succeeded",
    disputed: init.disputed ?? false,
    payment_intent: init.paymentIntent === undefined ? `pi_${suffixOf(init.id)}` : init.paymentIntent,
    failure_code: status === "failed" ? (init.failureCode ?? "card_declined") : null,
    failure_message: status === "failed" ? (init.failureMessage ?? "Your card was declined.") : null,
    created,
  });
  if (status === "failed") {
    charge.outcome = {
      network_status: "declined_by_network",
      reason: "generic_decline",
      risk_level: "normal",
      risk_score: 41,
      seller_message: "The bank did not return any further details with this decline.",
      type: "issuer_declined",
    };
  }
  if (refundedAmount > 0) {
    const refunds = charge.refunds as { data: Payload[]; url: string };
    const refund = refunds.data[0]!;
    Object.assign(refund, {
      amount: refundedAmount,
      charge: init.id,
      currency: init.currency.toLowerCase(),
      payment_intent: charge.payment_intent,
      created: created + 3600,
    });
    refunds.url = `/v1/charges/${init.id}/refunds`;
  }
  return charge;
}

export interface PayPalCaptureInit {
  id: string;
  /** A decimal string, exactly as PayPal writes amounts: "44.97", "1500", "1.234". */
  value: string;
  currency: string;
  status?: "COMPLETED" | "PENDING" | "DECLINED" | "FAILED" | "REFUNDED" | "PARTIALLY_REFUNDED";
  /** status_details.reason, e.g. PENDING_REVIEW, ECHECK, CHARGEBACK, BUYER_COMPLAINT. */
  reason?: string;
  createTime?: string;
}

const LINK_HOST = "https://api-m.paypal.com";

export function paypalCapturePayload(init: PayPalCaptureInit): Payload {
  const capture: Payload = structuredClone(paypalCaptureFixture);
  const status = init.status ?? "COMPLETED";
  const money = { currency_code: init.currency, value: init.value };
  const time = init.createTime ?? "2026-03-02T10:01:00Z";
  Object.assign(capture, {
    id: init.id,
    status,
    status_details: init.reason ? { reason: init.reason } : {},
    amount: money,
    create_time: time,
    update_time: time,
    links: [
      { href: `${LINK_HOST}/v2/payments/captures/${init.id}`, rel: "self", method: "GET" },
      { href: `${LINK_HOST}/v2/payments/captures/${init.id}/refund`, rel: "refund", method: "POST" },
    ],
  });
  // PayPal leaves the fee breakdown out while a capture is pending.
  if (status === "PENDING") delete capture.seller_receivable_breakdown;
  else (capture.seller_receivable_breakdown as Payload).gross_amount = money;
  return capture;
}

export interface PayPalOrderInit {
  id: string;
  status?: "CREATED" | "SAVED" | "APPROVED" | "VOIDED" | "COMPLETED" | "PAYER_ACTION_REQUIRED";
  intent?: "CAPTURE" | "AUTHORIZE";
  units: Array<{
    value: string;
    currency: string;
    captures?: Array<Omit<PayPalCaptureInit, "value" | "currency"> & { value?: string }>;
    authorizations?: Array<{ id: string; status: string; value?: string }>;
  }>;
}

export function paypalOrderPayload(init: PayPalOrderInit): Payload {
  const paid = init.units.some((unit) => unit.captures?.length || unit.authorizations?.length);
  const order: Payload = structuredClone(paid ? paypalOrderFixture : paypalPendingOrderFixture);
  const template = (order.purchase_units as Payload[])[0]!;
  const units = init.units.map((unit, index) => {
    const money = { currency_code: unit.currency, value: unit.value };
    const purchaseUnit: Payload = { ...structuredClone(template), amount: money };
    if (index > 0) purchaseUnit.reference_id = `${String(template.reference_id)}-${index}`;
    delete purchaseUnit.payments;
    const payments: Payload = {};
    if (unit.captures?.length) {
      payments.captures = unit.captures.map((capture) => ({
        ...paypalCapturePayload({ ...capture, value: capture.value ?? unit.value, currency: unit.currency }),
        links: [
          { href: `${LINK_HOST}/v2/payments/captures/${capture.id}`, rel: "self", method: "GET" },
          { href: `${LINK_HOST}/v2/checkout/orders/${init.id}`, rel: "up", method: "GET" },
        ],
      }));
    }
    if (unit.authorizations?.length) {
      payments.authorizations = unit.authorizations.map((authorization) => ({
        id: authorization.id,
        status: authorization.status,
        amount: { currency_code: unit.currency, value: authorization.value ?? unit.value },
        seller_protection: {
          status: "ELIGIBLE",
          dispute_categories: ["ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION"],
        },
        expiration_time: "2026-04-01T10:01:00Z",
        create_time: "2026-03-02T10:01:00Z",
        update_time: "2026-03-02T10:01:00Z",
        links: [{ href: `${LINK_HOST}/v2/payments/authorizations/${authorization.id}`, rel: "self", method: "GET" }],
      }));
    }
    if (paid) purchaseUnit.payments = payments;
    return purchaseUnit;
  });
  Object.assign(order, {
    id: init.id,
    intent: init.intent ?? (init.units.some((u) => u.authorizations?.length) ? "AUTHORIZE" : "CAPTURE"),
    status: init.status ?? (paid ? "COMPLETED" : "PAYER_ACTION_REQUIRED"),
    purchase_units: units,
    links: (order.links as Array<Payload & { href: string }>).map((link) => ({
      ...link,
      href: link.href.replace(/[A-Z0-9]{17}$/, init.id),
    })),
  });
  return order;
}
