export interface Hold {
  code: string;
  message: string;
}

export interface PaymentFacts {
  provider: string;
  reference?: string;
  status: string;
}

export type PaymentCheck = { verified: true; reason: string } | { verified: false; hold: Hold };

/**
 * Whether an order's payment allows it to proceed. Until provider verification (Stripe,
 * PayPal) is wired in, the status attested by the channel or API caller is what we have,
 * and the decision says so.
 */
export function checkPayment(payment: PaymentFacts): PaymentCheck {
  const source = payment.reference ? `${payment.provider} ${payment.reference}` : payment.provider;
  if (payment.status === "paid" || payment.status === "authorized") {
    return {
      verified: true,
      reason: `Payment ${payment.status} as reported by ${source} (attested by the order source)`,
    };
  }
  if (payment.provider === "cod" && payment.status === "pending") {
    return { verified: true, reason: "Cash on delivery: payment is collected by the carrier" };
  }
  return {
    verified: false,
    hold: {
      code: "payment_not_confirmed",
      message: `Payment is ${payment.status} (${source}); nothing ships until it is paid`,
    },
  };
}

/** Lines whose SKU is not in the catalog cannot be allocated, classified or documented. */
export function unknownSkuHold(lineSkus: readonly string[], catalogSkus: ReadonlySet<string>): Hold | null {
  const unknown = [...new Set(lineSkus.filter((sku) => !catalogSkus.has(sku)))];
  if (unknown.length === 0) return null;
  return { code: "unknown_sku", message: `Not in the catalog: ${unknown.join(", ")}` };
}
