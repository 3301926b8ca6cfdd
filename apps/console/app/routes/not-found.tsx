import { RouteErrorBoundary } from "@crossflow/ui/app";
import { data } from "react-router";

export function loader() {
  throw data({ code: "not_found", message: "No such page" }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export { RouteErrorBoundary as ErrorBoundary };
