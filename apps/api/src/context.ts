import type { ClerkConfig, SecretBox, SessionPrincipal } from "@crossflow/auth";
import type { Database, Tx } from "@crossflow/db";
import type { DocumentStorage } from "@crossflow/documents";
import type { ConnectedCarrier, RefundClient } from "@crossflow/integrations";
import type { ChannelGateway, CustomerNotifier } from "@crossflow/pipeline";
import type { OrderFileParser } from "@crossflow/pipeline/intake";

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
  /** Seals channel credentials at rest; default: a key that lives as long as this process (tests). */
  secretBox?: SecretBox;
  /** The sales channels (adapters); without it, channel webhooks answer 404. */
  channels?: ChannelGateway;
  /** Carriers by code (live or demo), for carrier webhooks. */
  carriers?: Record<string, ConnectedCarrier>;
  /** Turns tracking changes into customer e-mails. */
  notify?: CustomerNotifier;
  /** Where the pipeline stored rendered documents; without it, downloads answer 404. */
  documentStorage?: DocumentStorage;
  /** Reads CSV/XLSX order files for console imports. */
  fileParser?: OrderFileParser;
  /** This server's public origin, for the webhook URLs shown to merchants. */
  publicOrigin?: string;
  /** Refunds of Stripe payments (STRIPE_SECRET_KEY); absent: they are flagged "Stripe not connected". */
  stripeRefunds?: RefundClient | null;
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
