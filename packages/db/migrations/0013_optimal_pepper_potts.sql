ALTER TABLE "tenant_settings" ADD COLUMN "company" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "customs" jsonb DEFAULT '{}'::jsonb NOT NULL;