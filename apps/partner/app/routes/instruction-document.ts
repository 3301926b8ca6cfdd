import { instructionsApi } from "../lib/api.server";
import type { Route } from "./+types/instruction-document";

// A label of an instruction, fetched from the API with the partner's session and handed to the
// browser as sent (PDF opens in the tab; ?download=1 saves it, as for ZPL files).
export async function loader({ request, params }: Route.LoaderArgs) {
  const download = new URL(request.url).searchParams.get("download") === "1";
  return instructionsApi.document(request, params.tenantId, params.documentId, download);
}
