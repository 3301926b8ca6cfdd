import { apiPaths, pdf } from "../lib/api.server";
import type { Route } from "./+types/invoice";

/** The shopper's invoice PDF, streamed from the API under the portal's own URL. */
export function loader({ params }: Route.LoaderArgs) {
  return pdf(apiPaths.invoice(params.token), true);
}
