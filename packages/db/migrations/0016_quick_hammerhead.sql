CREATE TABLE "returns" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"rma" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"lines" jsonb NOT NULL,
	"currency" text NOT NULL,
	"shipping_paid_by" text NOT NULL,
	"warehouse_id" text,
	"carrier" text,
	"tracking_number" text,
	"refund" jsonb,
	"refund_amount" integer,
	"refund_reference" text,
	"requested_by" text NOT NULL,
	"approved_by" text,
	"refund_requested_by" text,
	"refund_approved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refunded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "returns" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "notifications" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "returns_rma" ON "returns" USING btree ("tenant_id","rma");--> statement-breakpoint
CREATE INDEX "returns_order" ON "returns" USING btree ("tenant_id","order_id");