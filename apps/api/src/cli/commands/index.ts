import type { Database } from "@crossflow/db";
import type { EventSender } from "@crossflow/pipeline/intake";
import { UsageError } from "../args";
import { seedDemo } from "./seed-demo";
import { createKeyForTenant, createTenantWithKey } from "./tenants-create";

export interface CommandContext {
  db: Database;
  events: EventSender;
}

export type CommandArgs = Record<string, string | boolean | undefined>;

/**
 * The commands that work on data. They run in the CLI's own process, or — when the embedded
 * database is held by a running server — inside that server (see server-handoff.ts).
 */
export const DATA_COMMANDS: Record<
  string,
  (ctx: CommandContext, args: CommandArgs) => Promise<Record<string, unknown>>
> = {
  async "tenants:create"(ctx, args) {
    const name = typeof args.name === "string" ? args.name.trim() : "";
    if (!name) throw new UsageError("tenants:create needs --name NAME");
    const ownerEmail = typeof args["owner-email"] === "string" ? args["owner-email"] : undefined;
    const created = await createTenantWithKey(ctx.db, { name, ownerEmail });
    return { tenantId: created.tenantId, apiKey: created.apiKey };
  },
  async "api-keys:create"(ctx, args) {
    const tenantId = typeof args.tenant === "string" ? args.tenant : "";
    if (!tenantId) throw new UsageError("api-keys:create needs --tenant ID");
    const key = await createKeyForTenant(ctx.db, tenantId, typeof args.name === "string" ? args.name : "CLI key");
    if (!key) throw new UsageError(`No tenant ${tenantId}`);
    return { apiKey: key.apiKey };
  },
  async "seed:demo"(ctx) {
    return seedDemo(ctx.db, ctx.events);
  },
};
