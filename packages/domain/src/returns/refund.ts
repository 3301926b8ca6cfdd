import { REFERENCE_FX_RATES } from "../fx/reference-rates";
import { convertMinorUnits } from "../shipping/fx";
import {
  isMerchantFault,
  type ReturnCondition,
  type ReturnPolicy,
  returnShippingPayer,
  type ShippingPayer,
} from "./policy";

export interface RefundLineInput {
  sku: string;
  quantity: number;
  unitPrice: number;
  reason: string;
}

export interface InspectionLine {
  sku: string;
  receivedQuantity: number;
  condition: ReturnCondition;
}

export interface RefundLine {
  sku: string;
  reason: string;
  condition: ReturnCondition;
  quantity: number;
  receivedQuantity: number;
  unitPrice: number;
  /** Received units × unit price. */
  gross: number;
  /** Share of the gross refunded for the condition found. */
  conditionPercent: number;
  conditionDeduction: number;
  restockingFee: number;
  /** What this line refunds: gross − condition deduction − restocking fee. */
  amount: number;
  explanation: string;
}

export interface RefundBreakdown {
  currency: string;
  lines: RefundLine[];
  linesTotal: number;
  restockingFee: number;
  originalShipping: number;
  returnShippingPaidBy: ShippingPayer;
  returnShippingDeduction: number;
  total: number;
  merchantAtFault: boolean;
  /** Why each amount is what it is, in order. */
  reasons: string[];
}

export interface RefundInput {
  lines: readonly RefundLineInput[];
  inspection: readonly InspectionLine[];
  order: {
    currency: string;
    /** Shipping the shopper paid on the order, minor units. */
    shippingPaid: number;
    /** Original shipping already given back by earlier returns. */
    shippingRefunded?: number;
  };
  policy: ReturnPolicy;
  /** What the return label costs the shopper when they pay; default: the policy's fee for the currency. */
  returnShippingCost?: number;
}

function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}

/** Field errors of an inspection against the return's lines (path: lines.N.field). */
export function checkInspection(
  lines: readonly Pick<RefundLineInput, "sku" | "quantity">[],
  inspection: readonly InspectionLine[],
): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>();
  inspection.forEach((line, index) => {
    const returned = lines.find((l) => l.sku === line.sku);
    if (!returned) issues.push({ path: `lines.${index}.sku`, message: `${line.sku} is not part of this return` });
    else if (!Number.isInteger(line.receivedQuantity) || line.receivedQuantity < 0)
      issues.push({ path: `lines.${index}.receivedQuantity`, message: "A whole number, 0 or more" });
    else if (line.receivedQuantity > returned.quantity)
      issues.push({
        path: `lines.${index}.receivedQuantity`,
        message: `At most ${returned.quantity} unit(s) of ${line.sku} were announced`,
      });
    if (seen.has(line.sku)) issues.push({ path: `lines.${index}.sku`, message: `${line.sku} is inspected twice` });
    seen.add(line.sku);
  });
  for (const line of lines) {
    if (!seen.has(line.sku)) issues.push({ path: "lines", message: `Inspect ${line.sku} too` });
  }
  return issues;
}

/**
 * The refund for an inspected return, in integer minor units: each line refunds what arrived
 * at its unit price, less the condition deduction (a merchant-fault reason always refunds in
 * full; otherwise the policy's share for the condition) and the restocking fee for its reason;
 * the original shipping comes back when the merchant was at fault; a return label the shopper
 * pays for is deducted. The total never goes below zero.
 */
export function computeRefund(input: RefundInput): RefundBreakdown {
  const { policy, order } = input;
  const reasons: string[] = [];
  const lines: RefundLine[] = input.lines.map((line) => {
    const inspected = input.inspection.find((i) => i.sku === line.sku);
    const receivedQuantity = Math.max(0, Math.min(line.quantity, inspected?.receivedQuantity ?? 0));
    const condition: ReturnCondition = inspected?.condition ?? "missing";
    const gross = receivedQuantity * line.unitPrice;
    const merchantFault = isMerchantFault(line.reason, policy);
    const conditionPercent =
      receivedQuantity === 0 || condition === "missing"
        ? 0
        : merchantFault
          ? 100
          : policy.conditionRefundPercent[condition];
    const afterCondition = percentOf(gross, conditionPercent);
    const conditionDeduction = gross - afterCondition;
    const restocking =
      !merchantFault && (policy.restockingFeeReasons as readonly string[]).includes(line.reason)
        ? percentOf(afterCondition, policy.restockingFeePercent)
        : 0;
    const amount = afterCondition - restocking;
    const notes = [`${receivedQuantity} of ${line.quantity} received × ${line.unitPrice}`];
    if (conditionDeduction > 0)
      notes.push(`${condition.replace("_", " ")}: ${conditionPercent}% refunded (−${conditionDeduction})`);
    if (restocking > 0) notes.push(`restocking fee ${policy.restockingFeePercent}% (−${restocking})`);
    return {
      sku: line.sku,
      reason: line.reason,
      condition,
      quantity: line.quantity,
      receivedQuantity,
      unitPrice: line.unitPrice,
      gross,
      conditionPercent,
      conditionDeduction,
      restockingFee: restocking,
      amount,
      explanation: notes.join("; "),
    };
  });
  for (const line of lines) reasons.push(`${line.sku}: ${line.explanation} = ${line.amount}`);

  const linesTotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const restockingFee = lines.reduce((sum, l) => sum + l.restockingFee, 0);
  const anythingBack = lines.some((l) => l.receivedQuantity > 0);
  const merchantAtFault = lines.some((l) => l.receivedQuantity > 0 && isMerchantFault(l.reason, policy));
  const returnShippingPaidBy = returnShippingPayer(
    input.lines.map((l) => l.reason),
    policy,
  );

  let originalShipping = 0;
  if (merchantAtFault && policy.refundOriginalShippingWhenMerchantAtFault) {
    originalShipping = Math.max(0, order.shippingPaid - (order.shippingRefunded ?? 0));
    reasons.push(
      originalShipping > 0
        ? `Original shipping refunded: the merchant was at fault (+${originalShipping})`
        : "Original shipping already refunded",
    );
  } else if (order.shippingPaid > 0) {
    reasons.push(
      merchantAtFault
        ? "Original shipping not refunded (policy)"
        : "Original shipping not refunded: not a merchant fault",
    );
  }

  let returnShippingDeduction = 0;
  if (returnShippingPaidBy === "customer" && anythingBack) {
    const fee = input.returnShippingCost ?? policy.returnShippingFee[order.currency] ?? 0;
    const available = linesTotal + originalShipping;
    returnShippingDeduction = Math.min(Math.max(0, Math.round(fee)), Math.max(0, available));
    reasons.push(
      returnShippingDeduction < fee
        ? `Return shipping paid by the customer: ${fee}, capped at the refund (−${returnShippingDeduction})`
        : `Return shipping paid by the customer (−${returnShippingDeduction})`,
    );
  } else {
    reasons.push("Return shipping paid by the merchant");
  }

  const total = Math.max(0, linesTotal + originalShipping - returnShippingDeduction);
  return {
    currency: order.currency,
    lines,
    linesTotal,
    restockingFee,
    originalShipping,
    returnShippingPaidBy,
    returnShippingDeduction,
    total,
    merchantAtFault,
    reasons,
  };
}

/**
 * Whether a refund waits for a second approver: at or above the policy's threshold for the
 * currency; for a currency without its own threshold, the EUR one at reference rates; and
 * when neither applies, always (a refund no rule covers is not waved through).
 */
export function needsSecondApproval(amount: number, currency: string, policy: ReturnPolicy): boolean {
  const own = policy.fourEyesThreshold[currency];
  if (own !== undefined) return amount >= own;
  const eur = policy.fourEyesThreshold.EUR;
  if (eur === undefined) return true;
  try {
    return convertMinorUnits(amount, currency, "EUR", REFERENCE_FX_RATES).amount >= eur;
  } catch {
    return true;
  }
}
