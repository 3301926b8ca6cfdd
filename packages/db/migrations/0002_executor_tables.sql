CREATE TABLE "executor_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "executor_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"kind" text NOT NULL,
	"step_id" text DEFAULT '' NOT NULL,
	"display_name" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"lock_token" text,
	"locked_until" timestamp with time zone,
	"claims" integer DEFAULT 0 NOT NULL,
	"wait_event" text,
	"wait_if" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"event_id" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"idempotency_key" text,
	"concurrency_key" text,
	"concurrency_limit" integer,
	"max_attempts" integer NOT NULL,
	"disable_immediate_execution" boolean DEFAULT false NOT NULL,
	"request_version" integer,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"output" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "executor_steps" (
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "executor_steps_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"op" text NOT NULL,
	"display_name" text,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "executor_steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "executor_queue" ADD CONSTRAINT "executor_queue_run_id_executor_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."executor_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executor_runs" ADD CONSTRAINT "executor_runs_event_id_executor_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."executor_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executor_steps" ADD CONSTRAINT "executor_steps_run_id_executor_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."executor_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "executor_events_dedupe_key" ON "executor_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "executor_events_name" ON "executor_events" USING btree ("name","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "executor_queue_pending" ON "executor_queue" USING btree ("run_id","kind","step_id") WHERE locked_by is null;--> statement-breakpoint
CREATE INDEX "executor_queue_due" ON "executor_queue" USING btree ("run_at");--> statement-breakpoint
CREATE INDEX "executor_queue_run" ON "executor_queue" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "executor_queue_wait_event" ON "executor_queue" USING btree ("wait_event") WHERE kind = 'wait';--> statement-breakpoint
CREATE UNIQUE INDEX "executor_runs_idempotency" ON "executor_runs" USING btree ("function_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "executor_runs_status" ON "executor_runs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "executor_runs_running_fn" ON "executor_runs" USING btree ("function_id") WHERE status = 'running';