import type { Database } from "@crossflow/db";
import type { InngestFunction } from "inngest";
import { type CrossflowInngest, inngest } from "../client";
import { createProcessOrder } from "./process-order";

/**
 * Every production function, served at /api/inngest and run by Inngest or the local
 * executor. They close over the database handle, so they are built at startup.
 */
export function createFunctions(db: Database, client: CrossflowInngest = inngest): InngestFunction.Any[] {
  return [createProcessOrder(client, db)];
}
