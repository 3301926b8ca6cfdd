import type { Database } from "@crossflow/db";
import { createPaymentVerifier, type RoutedPaymentVerifier } from "@crossflow/integrations";
import type { InngestFunction } from "inngest";
import { type CrossflowInngest, inngest } from "../client";
import { createProcessOrder } from "./process-order";

export interface FunctionDeps {
  client?: CrossflowInngest;
  /** Payment sources; default: configured from the environment (STRIPE_SECRET_KEY, PAYPAL_*). */
  paymentVerifier?: RoutedPaymentVerifier;
}

/**
 * Every production function, served at /api/inngest and run by Inngest or the local
 * executor. They close over the database handle and integrations, so they are built at startup.
 */
export function createFunctions(db: Database, deps: FunctionDeps = {}): InngestFunction.Any[] {
  return [createProcessOrder(deps.client ?? inngest, db, deps.paymentVerifier ?? createPaymentVerifier())];
}
