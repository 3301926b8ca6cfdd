import type { ClerkConfig, SessionPrincipal } from "@crossflow/auth";
import type { Database, Tx } from "@crossflow/db";

export interface OrderEventSender {
  send(event: { name: string; data: Record<string, unknown>; id?: string }): Promise<void>;
}

export interface AppDeps {
  db: Database;
  events: OrderEventSender;
  sessionSecret: string;
  clerk: ClerkConfig | null;
  /** Largest accepted request body, bytes. */
  maxBodyBytes?: number;
  /** Serve cookies with Secure (production behind HTTPS). */
  secureCookies?: boolean;
}

export interface TenantScope {
  tenantId: string;
  actor: string;
  /** Runs fn in a transaction that can only see this tenant's rows. */
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    tenant: TenantScope;
    session: SessionPrincipal;
  };
};
