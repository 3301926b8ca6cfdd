SELECT cf_secure_tables();
--> statement-breakpoint
-- A carrier webhook names a tracking number, not a tenant: this finds the shipment (ids only).
CREATE OR REPLACE FUNCTION cf_shipment_by_tracking(for_carrier text, for_tracking_number text)
  RETURNS TABLE (tenant_id text, shipment_id text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT s.tenant_id, s.id FROM shipments s
        WHERE s.carrier = for_carrier AND s.tracking_number = for_tracking_number ORDER BY s.id $$;
--> statement-breakpoint
ALTER FUNCTION cf_shipment_by_tracking(text, text) OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_shipment_by_tracking(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cf_shipment_by_tracking(text, text) TO crossflow_app;
--> statement-breakpoint
-- The tracking poller's view across tenants: shipments whose next poll is due (ids only).
CREATE OR REPLACE FUNCTION cf_shipments_due_for_tracking(due_before timestamptz, max_rows integer)
  RETURNS TABLE (tenant_id text, shipment_id text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT s.tenant_id, s.id FROM shipments s
        WHERE s.next_poll_at IS NOT NULL AND s.next_poll_at <= due_before
        ORDER BY s.next_poll_at LIMIT max_rows $$;
--> statement-breakpoint
ALTER FUNCTION cf_shipments_due_for_tracking(timestamptz, integer) OWNER TO crossflow_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cf_shipments_due_for_tracking(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cf_shipments_due_for_tracking(timestamptz, integer) TO crossflow_app;
