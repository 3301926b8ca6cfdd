import type { Database } from "@crossflow/db";
import type { CrossflowInngest } from "../client";
import { orderReceived } from "../events";
import { allocateOrder, validateOrder } from "../steps/order-steps";

/**
 * The order pipeline as far as it goes today: validate (catalog + payment + screening) →
 * reserve stock → allocated. Each step is idempotent on the order's status, so a retried
 * or resumed run never does a step's work twice; Inngest's idempotency key on
 * tenant + order makes a repeated order/received start nothing new.
 */
export function createProcessOrder(inngest: CrossflowInngest, db: Database) {
  return inngest.createFunction(
    {
      id: "process-order",
      name: "Process order",
      triggers: [orderReceived],
      idempotency: "event.data.tenantId + '-' + event.data.orderId",
      concurrency: { key: "event.data.tenantId", limit: 10 },
      retries: 5,
    },
    async ({ event, step }) => {
      const ref = { tenantId: event.data.tenantId, orderId: event.data.orderId };
      const validated = await step.run("validate", () => validateOrder(db, ref));
      if (validated.outcome === "held") return { status: "on_hold", holds: validated.holds };
      if (validated.outcome === "skipped" && validated.status !== "screened") return { status: validated.status };
      const allocated = await step.run("reserve-stock", () => allocateOrder(db, ref));
      if (allocated.outcome === "held") return { status: "on_hold", holds: allocated.holds };
      return { status: allocated.status };
    },
  );
}
