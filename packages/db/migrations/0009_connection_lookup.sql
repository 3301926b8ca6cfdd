-- A channel webhook arrives with only its connection id in the URL: this finds the tenant
-- (and nothing else) so the request can continue inside that tenant's RLS context.
CREATE OR REPLACE FUNCTION cf_connection_tenant(for_connection_id text)
  RETURNS TABLE (tenant_id text, channel text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.tenant_id, c.channel FROM channel_connections c WHERE c.id = for_connection_id $$;
--> statement-breakpoint
ALTER FUNCTION cf_connection_tenant(text) OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_connection_tenant(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cf_connection_tenant(text) TO crossflow_app;
--> statement-breakpoint
-- The sync scheduler's view across tenants: which connections are active, nothing more.
CREATE OR REPLACE FUNCTION cf_active_connections()
  RETURNS TABLE (tenant_id text, connection_id text, channel text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.tenant_id, c.id, c.channel FROM channel_connections c WHERE c.status = 'active' ORDER BY c.id $$;
--> statement-breakpoint
ALTER FUNCTION cf_active_connections() OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_active_connections() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cf_active_connections() TO crossflow_app;
