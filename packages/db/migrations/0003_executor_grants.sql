-- The local executor's tables are system tables (no tenant_id, so no RLS): grant the app role access.
SELECT cf_secure_tables();
