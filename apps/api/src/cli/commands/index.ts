import { type Database, listDeadLettersAcrossTenants } from "@crossflow/db";
import type { ChannelGateway } from "@crossflow/pipeline";
import { type EventSender, type OrderFileParser, replayDeadLetter } from "@crossflow/pipeline/intake";
import { UsageError } from "../args";
import { importOrderFileCommand } from "./orders-import";
import { seedDemo } from "./seed-demo";
import { createKeyForTenant, createTenantWithKey } from "./tenants-create";

export interface CommandContext {
  db: Database;
  events: EventSender;
  channels: ChannelGateway;
  fileParser: OrderFileParser;
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
  "orders:import": importOrderFileCommand,
  async "dead-letters:replay"(ctx, args) {
    const onlyId = typeof args.id === "string" ? args.id.trim() : undefined;
    const letters = await listDeadLettersAcrossTenants(ctx.db, onlyId);
    if (onlyId && letters.length === 0) throw new UsageError(`No dead letter ${onlyId}`);
    const results = [];
    for (const letter of letters) {
      const result = await replayDeadLetter(ctx.db, ctx.events, {
        tenantId: letter.tenantId,
        deadLetterId: letter.deadLetterId,
        interpret: (channel, body, headers) => ctx.channels.interpret(channel, body, headers),
      });
      results.push({
        id: letter.deadLetterId,
        tenantId: letter.tenantId,
        ...(result ?? { status: "pending" as const, error: "not found" }),
      });
    }
    return {
      replayed: results.filter((r) => r.status === "replayed").length,
      stillFailing: results.filter((r) => r.status === "pending").length,
      results,
    };
  },
};
