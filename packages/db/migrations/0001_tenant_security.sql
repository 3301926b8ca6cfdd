-- Tenant isolation in the database. The application runs every query as crossflow_app:
-- no table ownership, no BYPASSRLS. Cross-tenant lookups that must happen before a
-- tenant is known (API key → tenant, portal order lookup, a user's memberships) go
-- through the SECURITY DEFINER functions below, owned by crossflow_definer.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crossflow_app') THEN
    CREATE ROLE crossflow_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crossflow_definer') THEN
    CREATE ROLE crossflow_definer NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
GRANT crossflow_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO crossflow_app, crossflow_definer;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;
--> statement-breakpoint
-- Grants the app role its privileges and puts RLS on every table with a tenant_id.
-- Idempotent: each later migration that adds tables calls it again.
CREATE OR REPLACE FUNCTION cf_secure_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    IF t.name IN ('audit_log', 'inventory_ledger') THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO crossflow_app', t.name);
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM crossflow_app', t.name);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO crossflow_app', t.name);
    END IF;
    EXECUTE format('GRANT SELECT ON %I TO crossflow_definer', t.name);
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = t.name AND column_name = 'tenant_id') THEN
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
      EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.name);
      EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.name);
      EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t.name);
    END IF;
  END LOOP;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO crossflow_app;
END
$$;
--> statement-breakpoint
SELECT cf_secure_tables();
--> statement-breakpoint
-- tenants has no tenant_id column: a tenant sees (and may create) only its own row.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON tenants;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cf_resolve_api_key(key_hash text)
  RETURNS TABLE (tenant_id text, key_id text, scopes text[])
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT k.tenant_id, k.id, k.scopes FROM api_keys k WHERE k.hash = key_hash AND k.revoked_at IS NULL $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cf_user_memberships(member_user_id text)
  RETURNS TABLE (tenant_id text, tenant_name text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT m.tenant_id, t.name, m.role FROM members m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = member_user_id ORDER BY m.created_at $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cf_tenant_by_clerk_org(org_id text)
  RETURNS TABLE (tenant_id text, tenant_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.id, t.name FROM tenants t WHERE t.clerk_org_id = org_id $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cf_partner_tenants(for_partner_id text)
  RETURNS TABLE (tenant_id text, tenant_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT l.tenant_id, t.name FROM partner_links l JOIN tenants t ON t.id = l.tenant_id
        WHERE l.partner_id = for_partner_id ORDER BY t.name $$;
--> statement-breakpoint
-- The customer portal: an order number (the channel's order id, or ours) plus the buyer's
-- e-mail, matched case-insensitively; both must match.
CREATE OR REPLACE FUNCTION cf_portal_find_order(order_number text, buyer_email text)
  RETURNS TABLE (tenant_id text, order_id text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT o.tenant_id, o.id FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = o.tenant_id
        WHERE (o.external_id = order_number OR o.id = order_number) AND lower(c.email) = lower(buyer_email)
        ORDER BY o.created_at DESC LIMIT 1 $$;
--> statement-breakpoint
ALTER FUNCTION cf_resolve_api_key(text) OWNER TO crossflow_definer;
--> statement-breakpoint
ALTER FUNCTION cf_user_memberships(text) OWNER TO crossflow_definer;
--> statement-breakpoint
ALTER FUNCTION cf_tenant_by_clerk_org(text) OWNER TO crossflow_definer;
--> statement-breakpoint
ALTER FUNCTION cf_partner_tenants(text) OWNER TO crossflow_definer;
--> statement-breakpoint
ALTER FUNCTION cf_portal_find_order(text, text) OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_secure_tables() FROM PUBLIC;
