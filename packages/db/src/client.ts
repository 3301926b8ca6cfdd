import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index";

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: the two drivers differ only in their result HKT
export type Database = PgDatabase<PgQueryResultHKT, Schema, any>;
// biome-ignore lint/suspicious/noExplicitAny: see Database
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** Applies pending migrations as the connecting (owner) role. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = resolve(here, "../migrations");
export const REPO_ROOT = resolve(here, "../../..");
export const DEFAULT_PGLITE_DIR = resolve(REPO_ROOT, ".data/pglite");

/**
 * Opens the database named by DATABASE_URL (PostgreSQL or Neon), or the embedded PGlite
 * in .data/ when it is unset. `pglite:memory` gives a throwaway in-memory database.
 */
export async function openDatabase(url: string | undefined = process.env.DATABASE_URL): Promise<DatabaseHandle> {
  if (!url || url.startsWith("pglite:")) {
    const location = url?.slice("pglite:".length) || DEFAULT_PGLITE_DIR;
    const inMemory = location === "memory";
    if (!inMemory) mkdirSync(location, { recursive: true });
    const client = inMemory ? new PGlite() : new PGlite(location);
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      driver: "pglite",
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => client.close(),
    };
  }
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connection: { application_name: "crossflow" },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    driver: "postgres",
    migrate: () => migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.end({ timeout: 5 }),
  };
}

export async function pingDatabase(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
