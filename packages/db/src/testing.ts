import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "./client";

/** The PostgreSQL server tests run against (a superuser, so tests can create databases). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
  /** Closes the connections and drops the database. */
  destroy(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database on the real PostgreSQL server; never shares state with another test. */
export async function createTestDatabase(prefix = "cf_test"): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(TEST_SERVER_URL, name);
  const handle = await openDatabase(url);
  await handle.migrate();
  return {
    ...handle,
    url,
    name,
    async destroy() {
      await handle.close();
      const dropper = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
