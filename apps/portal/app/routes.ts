import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/lookup.tsx"),
  route("track/:orderNumber", "routes/track.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
