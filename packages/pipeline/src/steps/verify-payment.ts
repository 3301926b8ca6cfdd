import { type Database, getOrderRow, withTenant } from "@crossflow/db";
import { isVerifiablePaymentProvider, normalizeProvider, type PaymentVerification } from "@crossflow/domain";
import type { RoutedPaymentVerifier } from "@crossflow/integrations";
import type { OrderRef } from "./common";

export interface PaymentEvidence {
  /** What the payment source said; null when it was not asked. */
  verification: PaymentVerification | null;
  /** False when the order's processor has no credentials here, so only the claimed status is known. */
  connected: boolean;
}

/**
 * Asks the payment source about an order that is still being received. Runs outside any
 * database transaction (it is a network call); a retryable failure throws so the step retries.
 */
export async function fetchPaymentEvidence(
  db: Database,
  verifier: RoutedPaymentVerifier,
  ref: OrderRef,
): Promise<PaymentEvidence | null> {
  const order = await withTenant(db, ref.tenantId, (tx) => getOrderRow(tx, ref.orderId));
  if (order?.status !== "received") return null;
  const provider = normalizeProvider(order.payment.provider);
  if (isVerifiablePaymentProvider(provider) && !verifier.connected[provider as keyof typeof verifier.connected]) {
    return { verification: null, connected: false };
  }
  const verification = await verifier.verify({
    provider,
    reference: order.payment.reference,
    expectedAmount: order.total,
    currency: order.currency,
    statusClaimed: order.payment.status,
  });
  return { verification, connected: true };
}
