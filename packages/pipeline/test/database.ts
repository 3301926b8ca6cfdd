import { randomBytes } from "node:crypto";
import { type DatabaseHandle, openDatabase } from "@crossflow/db";
import { sql } from "drizzle-orm";

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  handle: DatabaseHandle;
  /** Closes the handle and drops the database. */
  drop(): Promise<void>;
}

/** Tables the test functions write their side effects to (the executor's own tables stay untouched). */
async function createEffectTables(handle: DatabaseHandle) {
  await handle.db.execute(sql`create table if not exists test_effects (
    run_id text not null, step text not null, primary key (run_id, step))`);
  await handle.db.execute(sql`create table if not exists test_calls (
    id serial primary key, run_id text not null, step text not null, attempt int not null,
    at timestamptz not null default clock_timestamp())`);
}

/** A fresh, migrated PostgreSQL database (cf_test_exec_<random>) on the local server. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `cf_test_exec_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase(POSTGRES_URL);
  await admin.db.execute(sql.raw(`create database ${name}`));
  const base = new URL(POSTGRES_URL);
  base.pathname = `/${name}`;
  const url = base.toString();
  const handle = await openDatabase(url);
  await handle.migrate();
  await createEffectTables(handle);
  return {
    url,
    handle,
    async drop() {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

export async function createPgliteDatabase(): Promise<TestDatabase> {
  const handle = await openDatabase("pglite:memory");
  await handle.migrate();
  await createEffectTables(handle);
  return { url: "pglite:memory", handle, drop: () => handle.close() };
}
