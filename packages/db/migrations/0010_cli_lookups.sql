-- `pnpm crossflow dead-letters:replay` works across tenants: this lists what is waiting (ids only).
CREATE OR REPLACE FUNCTION cf_pending_dead_letters(only_id text)
  RETURNS TABLE (tenant_id text, dead_letter_id text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT d.tenant_id, d.id FROM dead_letters d
        WHERE (only_id IS NULL AND d.status = 'pending') OR d.id = only_id ORDER BY d.id $$;
--> statement-breakpoint
ALTER FUNCTION cf_pending_dead_letters(text) OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_pending_dead_letters(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cf_pending_dead_letters(text) TO crossflow_app;
--> statement-breakpoint
-- `pnpm crossflow orders:import` without --tenant picks the only tenant, or names the choices.
CREATE OR REPLACE FUNCTION cf_list_tenants()
  RETURNS TABLE (tenant_id text, tenant_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.id, t.name FROM tenants t ORDER BY t.created_at $$;
--> statement-breakpoint
ALTER FUNCTION cf_list_tenants() OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_list_tenants() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cf_list_tenants() TO crossflow_app;
