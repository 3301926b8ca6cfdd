import { redirect } from "react-router";
import { api } from "../lib/api.server";
import type { Route } from "./+types/sign-out";

export async function action({ request }: Route.ActionArgs) {
  const headers = await api.signOut(request);
  return redirect("/sign-in", { headers });
}

// Signing out changes state, so it only happens through the POST form in the sidebar.
export function loader() {
  return redirect("/");
}
