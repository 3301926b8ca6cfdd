import type { Database } from "@crossflow/db";
import type { EmailSender } from "@crossflow/integrations";
import type { CrossflowInngest } from "../client";
import { emailQueued } from "../events";
import { deliverEmail } from "../notifications/notify";

/** Sends a queued customer e-mail through Resend, retrying rate limits and outages with backoff. */
export function createDeliverEmail(inngest: CrossflowInngest, db: Database, sender: EmailSender, fromAddress: string) {
  return inngest.createFunction(
    {
      id: "deliver-email",
      name: "Deliver a customer e-mail",
      triggers: [emailQueued],
      idempotency: "event.data.emailId",
      concurrency: { key: "event.data.tenantId", limit: 5 },
      retries: 8,
    },
    async ({ event, step }) => step.run("send", () => deliverEmail(db, sender, fromAddress, event.data)),
  );
}
