import { normalizeClaimedPaymentStatus, paymentProviderName } from "@crossflow/domain";
import type { PaymentVerifier, Verification } from "./types";

/**
 * Marketplaces, the sales channel itself, manual entries and cash on delivery: there is no
 * processor to ask, so no call is made. The verification restates the claim and is marked
 * `attested`, so nobody mistakes it for a processor's record; the domain decides on the claim.
 */
export function createChannelAttestedVerifier(): PaymentVerifier {
  return {
    async verify(input): Promise<Verification> {
      const claimed = input.statusClaimed ?? "unknown";
      return {
        status: normalizeClaimedPaymentStatus(claimed) ?? "pending",
        amount: input.expectedAmount,
        currency: input.currency.toUpperCase(),
        source: `${paymentProviderName(input.provider)} (attested by the order source${input.reference ? `, ${input.reference}` : ""})`,
        providerStatus: claimed,
        attested: true,
      };
    },
  };
}
