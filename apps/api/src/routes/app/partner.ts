import { partnerOpenOrders, partnerTenants, withTenant } from "@crossflow/db";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { requirePartner, sessionAuth } from "../../middleware/session-auth";

/** The partner portal's backend: what a 3PL or supplier sees of each merchant that linked it. */
export const partnerRoutes = new Hono<AppEnv>();
partnerRoutes.use("*", sessionAuth, requirePartner);

async function perMerchant(vars: AppEnv["Variables"]) {
  const partner = vars.session.partner!;
  const { db } = vars.deps;
  const links = await partnerTenants(db, partner.id);
  return Promise.all(
    links.map(async (link) => ({
      link,
      ...(await withTenant(db, link.tenantId, (tx) => partnerOpenOrders(tx, partner.id))),
    })),
  );
}

partnerRoutes.get("/overview", async (c) => {
  const merchants = await perMerchant(c.var);
  return c.json({
    partner: c.var.session.partner,
    merchants: merchants.map(({ link, warehouses, orders }) => ({
      tenantId: link.tenantId,
      tenantName: link.tenantName,
      warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, country: w.country })),
      openOrders: new Set(orders.map((o) => o.id)).size,
    })),
  });
});

partnerRoutes.get("/orders", async (c) => {
  const only = c.req.query("tenantId");
  const merchants = await perMerchant(c.var);
  const data = merchants
    .filter(({ link }) => !only || link.tenantId === only)
    .flatMap(({ link, orders }) => orders.map((o) => ({ ...o, tenantId: link.tenantId, tenantName: link.tenantName })))
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  return c.json({ data });
});
