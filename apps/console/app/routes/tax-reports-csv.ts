import { api } from "../lib/api.server";
import type { Route } from "./+types/tax-reports-csv";

/**
 * A tax report CSV as a download: the API's export, fetched with the viewer's session. The API
 * validates the scheme and period and names the field at fault.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  return api.taxReportCsv(request, {
    scheme: params.get("scheme") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  });
}
