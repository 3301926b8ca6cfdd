import {
  type Database,
  getOrderLines,
  getProductsBySkus,
  getTenantSettings,
  recordDecision,
  transitionOrder,
} from "@crossflow/db";
import {
  assessPayment,
  checkAddress,
  checkPayment,
  type Hold,
  type PaymentAssessment,
  paymentPolicySchema,
  paymentProviderName,
  unknownSkuHold,
} from "@crossflow/domain";
import { blockingHolds, holdOrder, type OrderRef, orderStep, PIPELINE_ACTOR, type StepOutcome } from "./common";
import type { PaymentEvidence } from "./verify-payment";

export type ValidateOutcome = StepOutcome | { outcome: "wait"; until: string; reason: string };

/**
 * received → payment_verified: every SKU is in the catalog, the shipping address is
 * deliverable as written, and the payment allows the order to go on. Anything else is a
 * hold with the reasons, unless a reviewer accepted that hold's code.
 */
export function validateOrder(
  db: Database,
  ref: OrderRef,
  overrides: readonly string[] = [],
  evidence: PaymentEvidence | null = null,
  now: Date = new Date(),
): Promise<ValidateOutcome> {
  return orderStep<ValidateOutcome>(db, ref, "received", async (tx, order) => {
    const lines = await getOrderLines(tx, ref.orderId);
    const skus = lines.map((l) => l.sku);
    const catalog = new Set((await getProductsBySkus(tx, skus)).map((p) => p.sku));
    const skuHold = unknownSkuHold(skus, catalog);

    const address = checkAddress(order.shippingAddress);
    const addressErrors = address.issues.filter((i) => i.severity === "error");
    await recordDecision(tx, {
      ...ref,
      kind: "address",
      outcome: {
        ok: addressErrors.length === 0,
        issues: address.issues.map((i) => ({ code: i.code, field: i.field, severity: i.severity })),
      },
      reason: addressErrors.length
        ? addressErrors.map((i) => i.message).join("; ")
        : address.issues.length
          ? `Deliverable, with notes: ${address.issues.map((i) => i.message).join("; ")}`
          : "The address is complete and well-formed for its country",
      facts: { address: order.shippingAddress },
    });
    const addressHold: Hold | null = addressErrors.length
      ? {
          code: "address_invalid",
          message: `Address needs attention: ${addressErrors.map((i) => i.message).join("; ")}`,
        }
      : null;

    const settings = await getTenantSettings(tx);
    const policy = paymentPolicySchema.parse(settings?.payment ?? {});
    let assessment: PaymentAssessment;
    if (evidence && !evidence.connected && !policy.requireVerification) {
      // The processor is not connected here: what the order source reported is all there is,
      // and the decision says so rather than claiming a verification that did not happen.
      const claimed = checkPayment(order.payment);
      const source = paymentProviderName(order.payment.provider);
      assessment = claimed.verified
        ? {
            verdict: "verified",
            reason: `${claimed.reason}; ${source} is not connected, so it was not checked with ${source}`,
          }
        : { verdict: "hold", reason: claimed.hold.message, holdCode: "payment_not_confirmed" };
    } else {
      assessment = assessPayment({
        order: {
          total: order.total,
          currency: order.currency,
          placedAt: order.placedAt,
          provider: order.payment.provider,
          reference: order.payment.reference,
          statusClaimed: order.payment.status,
        },
        verification: evidence?.verification ?? null,
        now,
        policy,
      });
    }
    if (assessment.verdict === "wait" && !skuHold && !addressHold) {
      return { outcome: "wait", until: assessment.waitUntil, reason: assessment.reason };
    }
    const paymentHold: Hold | null =
      assessment.verdict === "hold"
        ? { code: assessment.holdCode, message: assessment.reason }
        : assessment.verdict === "wait"
          ? { code: "payment_not_confirmed", message: assessment.reason }
          : null;
    const paymentAccepted = paymentHold !== null && overrides.includes(paymentHold.code);
    const reason = paymentAccepted ? `${assessment.reason} — accepted by a reviewer` : assessment.reason;
    await recordDecision(tx, {
      ...ref,
      kind: "payment",
      outcome: {
        verified: paymentHold === null || paymentAccepted,
        verdict: assessment.verdict,
        status: order.payment.status,
      },
      reason,
      facts: {
        provider: order.payment.provider,
        reference: order.payment.reference ?? null,
        claimedStatus: order.payment.status,
        total: order.total,
        currency: order.currency,
        connected: evidence?.connected ?? null,
        verification: evidence?.verification ?? null,
      },
    });

    const holds = blockingHolds([skuHold, addressHold, paymentHold], overrides);
    if (holds.length > 0) return holdOrder(tx, ref, holds);
    await transitionOrder(tx, { ...ref, to: "payment_verified", actor: PIPELINE_ACTOR, message: reason });
    return { outcome: "advanced", status: "payment_verified" };
  });
}
