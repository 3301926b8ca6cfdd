import { useRouteLoaderData } from "react-router";
import type { loader } from "../routes/signed-in";

/** The signed-in viewer (from the layout's loader), for role-dependent rendering. */
export function useSession() {
  return useRouteLoaderData<typeof loader>("routes/signed-in")?.session ?? null;
}
