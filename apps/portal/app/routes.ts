import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/lookup.tsx"),
  route("o/:token", "routes/order.tsx"),
  route("o/:token/invoice", "routes/invoice.ts"),
  route("o/:token/returns/:rma/label", "routes/return-label.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
