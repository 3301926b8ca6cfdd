import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("instructions/:tenantId/documents/:documentId", "routes/instruction-document.ts"),
  layout("routes/signed-in.tsx", [
    index("routes/overview.tsx"),
    route("orders", "routes/orders.tsx"),
    route("instructions", "routes/instructions.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
