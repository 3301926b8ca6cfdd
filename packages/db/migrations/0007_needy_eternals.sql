CREATE TABLE "channel_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"channel" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stock_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"credentials_sealed" text NOT NULL,
	"cursor" text,
	"last_sync_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_events" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"delivery_id" text,
	"topic" text,
	"outcome" text NOT NULL,
	"order_id" text,
	"error" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_stock_levels" (
	"tenant_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"sku" text NOT NULL,
	"wanted" integer NOT NULL,
	"pushed" integer,
	"pushed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_stock_levels_tenant_id_connection_id_sku_pk" PRIMARY KEY("tenant_id","connection_id","sku")
);
--> statement-breakpoint
ALTER TABLE "dead_letters" ADD COLUMN "connection_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "review_directives" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_connections" ADD CONSTRAINT "channel_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_events" ADD CONSTRAINT "channel_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_events" ADD CONSTRAINT "channel_events_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_stock_levels" ADD CONSTRAINT "channel_stock_levels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_stock_levels" ADD CONSTRAINT "channel_stock_levels_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_connections_tenant" ON "channel_connections" USING btree ("tenant_id","channel");--> statement-breakpoint
CREATE INDEX "channel_events_connection" ON "channel_events" USING btree ("tenant_id","connection_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_events_delivery" ON "channel_events" USING btree ("connection_id","delivery_id");