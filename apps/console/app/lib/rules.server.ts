import { data } from "react-router";
import { type ApiErrorBody, signInRedirect } from "./api.server";
import type { DryRunResult, PathError, Rule, RulesOverview } from "./rules";

// The rules editor's API calls (docs/app-api.md "Rules editor"), with the viewer's session cookie.

function apiOrigin(): string {
  return (process.env.CROSSFLOW_API_ORIGIN ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
}

export type RulesWrite<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: ApiErrorBody; details: PathError[] };

async function call(request: Request, method: string, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ Accept: "application/json" });
  const cookie = request.headers.get("Cookie");
  if (cookie) headers.set("Cookie", cookie);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  try {
    return await fetch(`${apiOrigin()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
  } catch (cause) {
    console.error(`[console] API unreachable at ${apiOrigin()}${path}`, cause);
    throw data<ApiErrorBody>({ code: "unavailable", message: "The API could not be reached" }, { status: 503 });
  }
}

async function failure(response: Response): Promise<{ error: ApiErrorBody; details: PathError[] }> {
  const body = (await response.json().catch(() => null)) as {
    error?: Partial<ApiErrorBody> & { details?: PathError[] };
  } | null;
  return {
    error: {
      code: body?.error?.code ?? `http_${response.status}`,
      message: body?.error?.message ?? response.statusText,
    },
    details: Array.isArray(body?.error?.details) ? body.error.details : [],
  };
}

async function write<T>(request: Request, method: string, path: string, body?: unknown): Promise<RulesWrite<T>> {
  const response = await call(request, method, path, body);
  if (response.status === 401) throw signInRedirect(request);
  if (!response.ok) return { ok: false, status: response.status, ...(await failure(response)) };
  return { ok: true, value: (await response.json()) as T };
}

export const rulesApi = {
  async overview(request: Request): Promise<RulesOverview> {
    const response = await call(request, "GET", "/app/rules");
    if (response.status === 401) throw signInRedirect(request);
    if (!response.ok) throw data((await failure(response)).error, { status: response.status });
    return (await response.json()) as RulesOverview;
  },
  saveDraft: (request: Request, rules: Rule[]) =>
    write<{ baseVersion: number; rules: Rule[]; savedAt: string }>(request, "PUT", "/app/rules/draft", { rules }),
  dryRun: (request: Request, rules: Rule[], limit = 100) =>
    write<DryRunResult>(request, "POST", "/app/rules/dry-run", { rules, limit }),
  publish: (request: Request) =>
    write<{ version: number; diff: unknown }>(request, "POST", "/app/rules/publish", undefined),
};
