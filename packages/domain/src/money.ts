import { isCurrency } from "./currency";

/** An amount in integer minor units of its ISO 4217 currency. Never a float. */
export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new Error(`Money amount must be an integer in minor units, got ${amount}`);
  if (!isCurrency(currency)) throw new Error(`Unknown currency ${currency}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`Cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

/** unitPrice × quantity summed over lines, in minor units. */
export function linesSubtotal(lines: ReadonlyArray<{ quantity: number; unitPrice: number }>): number {
  let total = 0;
  for (const line of lines) total += line.unitPrice * line.quantity;
  if (!Number.isSafeInteger(total)) throw new Error("Order subtotal overflows a safe integer");
  return total;
}
