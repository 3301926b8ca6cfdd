import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("reports/tax.csv", "routes/tax-reports-csv.ts"),
  layout("routes/signed-in.tsx", [
    index("routes/overview.tsx"),
    route("exceptions", "routes/exceptions.tsx"),
    route("orders", "routes/orders.tsx"),
    route("orders/:orderId", "routes/order.tsx"),
    route("rules", "routes/rules.tsx"),
    route("settings", "routes/settings.tsx"),
    route("connections", "routes/connections.tsx"),
    route("connections/:connectionId", "routes/connection.tsx"),
    route("dead-letters", "routes/dead-letters.tsx"),
    route("dead-letters/:deadLetterId", "routes/dead-letter.tsx"),
    route("imports", "routes/imports.tsx"),
    route("catalog", "routes/catalog.tsx"),
    route("catalog/:sku", "routes/catalog-product.tsx"),
    route("reports/tax", "routes/tax-reports.tsx"),
    route("returns", "routes/returns.tsx"),
    route("returns/:returnId", "routes/return.tsx"),
    route("tickets", "routes/tickets.tsx"),
    route("outbox", "routes/outbox.tsx"),
    route("outbox/:emailId", "routes/outbox-email.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
