import type { Database } from "@crossflow/db";
import type { CrossflowInngest } from "../client";
import { orderReceived } from "../events";
import { allocateOrder, type StepOutcome, validateOrder } from "../steps/order-steps";

/** How many times one order may be held and released before the run stops waiting. */
const MAX_REVIEW_ROUNDS = 10;

/**
 * The order pipeline as far as it goes today: validate (catalog + payment + screening) →
 * reserve stock → allocated. Each step is idempotent on the order's status, so a retried
 * or resumed run never does a step's work twice; Inngest's idempotency key on
 * tenant + order makes a repeated order/received start nothing new. A held order waits for
 * a person to release it (order/hold.released) and continues where it stopped; cancelling
 * it ends the run.
 */
export function createProcessOrder(inngest: CrossflowInngest, db: Database) {
  return inngest.createFunction(
    {
      id: "process-order",
      name: "Process order",
      triggers: [orderReceived],
      idempotency: "event.data.tenantId + '-' + event.data.orderId",
      concurrency: { key: "event.data.tenantId", limit: 10 },
      cancelOn: [{ event: "order/cancelled", match: "data.orderId" }],
      retries: 5,
    },
    async ({ event, step }) => {
      const ref = { tenantId: event.data.tenantId, orderId: event.data.orderId };
      let overrides: string[] = [];
      for (let round = 0; round < MAX_REVIEW_ROUNDS; round++) {
        const suffix = round === 0 ? "" : `-${round}`;
        let outcome: StepOutcome = await step.run(`validate${suffix}`, () => validateOrder(db, ref, overrides));
        const readyToAllocate =
          outcome.outcome === "advanced" || (outcome.outcome === "skipped" && outcome.status === "screened");
        if (readyToAllocate) outcome = await step.run(`reserve-stock${suffix}`, () => allocateOrder(db, ref));
        if (outcome.outcome !== "held") return { status: outcome.status };
        const release = await step.waitForEvent(`await-review${suffix}`, {
          event: "order/hold.released",
          timeout: "30d",
          if: "async.data.orderId == event.data.orderId",
        });
        if (!release) return { status: "on_hold", holds: outcome.holds, note: "no review within 30 days" };
        overrides = release.data.overrides ?? [];
      }
      return { status: "on_hold", note: `held ${MAX_REVIEW_ROUNDS} times; continue by hand` };
    },
  );
}
