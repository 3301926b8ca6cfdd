import { apiPaths, pdf } from "../lib/api.server";
import type { Route } from "./+types/return-label";

/** A return's label PDF, streamed from the API under the portal's own URL. */
export function loader({ params }: Route.LoaderArgs) {
  return pdf(apiPaths.returnLabel(params.token, params.rma), true);
}
