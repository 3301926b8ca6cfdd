/**
 * The Inngest SDK protocol as the local executor speaks it (inngest/inngest docs/SDK_SPEC.md,
 * and the JS SDK's InngestCommHandler): an in-band sync (PUT) to learn the functions, and call
 * requests (POST ?fnId=&stepId=) answered with 200 (the run's result), 206 (operations) or an
 * error status with X-Inngest-No-Retry / Retry-After.
 */
import { parseRetryAfter } from "./time";

export type FetchLike = (request: Request) => Response | Promise<Response>;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

/** A memoized step as the SDK expects it in the request's `steps`. */
export type StepResult = { type: "data"; data: unknown } | { type: "error"; error: SerializedError };

/** One operation in a 206 response. */
export interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: unknown;
}

export interface FunctionTrigger {
  event?: string;
  expression?: string;
  cron?: string;
}

export interface ConcurrencyOption {
  limit: number;
  key?: string;
  scope?: "fn" | "env" | "account";
}

/** A function as the serve handler describes it when syncing (the same payload Inngest receives). */
export interface FunctionConfig {
  id: string;
  name?: string;
  triggers: FunctionTrigger[];
  steps: Record<string, { id: string; runtime: { type: string; url: string }; retries?: { attempts?: number } }>;
  idempotency?: string;
  concurrency?: number | ConcurrencyOption | ConcurrencyOption[];
  cancel?: Array<{ event: string; if?: string; timeout?: string }>;
  [key: string]: unknown;
}

/** The header the serve handler requires from the local executor (see serve.ts). */
export const LOCAL_EXECUTOR_HEADER = "x-crossflow-local-executor";

export interface CallRequest {
  serveUrl: string;
  fnId: string;
  /** The hashed id of the step to run, or undefined to let the SDK discover (stepId=step). */
  stepId?: string;
  runId: string;
  event: Record<string, unknown>;
  /** Memoized steps in completion order. */
  steps: Array<{ stepId: string; result: StepResult }>;
  attempt: number;
  maxAttempts: number;
  disableImmediateExecution: boolean;
  version?: number | null;
  headers?: Record<string, string>;
}

export function buildCallRequest(call: CallRequest): Request {
  const url = new URL(call.serveUrl);
  url.searchParams.set("fnId", call.fnId);
  url.searchParams.set("stepId", call.stepId ?? "step");
  const steps: Record<string, StepResult> = {};
  for (const step of call.steps) steps[step.stepId] = step.result;
  const stack = call.steps.map((step) => step.stepId);
  const body = {
    event: call.event,
    events: [call.event],
    steps,
    ctx: {
      run_id: call.runId,
      attempt: call.attempt,
      max_attempts: call.maxAttempts,
      disable_immediate_execution: call.disableImmediateExecution,
      use_api: false,
      stack: { stack, current: stack.length - 1 },
    },
    ...(call.version != null ? { version: call.version } : {}),
  };
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-inngest-server-kind": "dev",
      "x-run-id": call.runId,
      ...(call.version != null ? { "x-inngest-req-version": String(call.version) } : {}),
      ...call.headers,
    },
    body: JSON.stringify(body),
  });
}

export type CallOutcome =
  | { kind: "completed"; output: unknown; version?: number }
  | { kind: "ops"; ops: OutgoingOp[]; retryAfterMs?: number; version?: number }
  | { kind: "error"; retriable: boolean; retryAfterMs?: number; error: SerializedError; version?: number };

export function toSerializedError(value: unknown, fallback = "Unknown error"): SerializedError {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const message =
      typeof record.message === "string" ? record.message : typeof record.error === "string" ? record.error : fallback;
    return {
      ...record,
      name: typeof record.name === "string" && record.name ? record.name : "Error",
      message,
      ...(typeof record.stack === "string" ? { stack: record.stack } : {}),
    };
  }
  return { name: "Error", message: typeof value === "string" && value ? value : fallback };
}

export async function readCallResponse(response: Response, now: Date): Promise<CallOutcome> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  const rawVersion = Number(response.headers.get("x-inngest-req-version"));
  const version = Number.isInteger(rawVersion) && rawVersion > 0 ? rawVersion : undefined;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);

  if (response.status === 200) return { kind: "completed", output: body, version };
  if (response.status === 206) {
    const ops = (Array.isArray(body) ? body : [body]).filter(
      (op): op is OutgoingOp => !!op && typeof op === "object" && typeof (op as OutgoingOp).op === "string",
    );
    return { kind: "ops", ops, retryAfterMs, version };
  }
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  return {
    kind: "error",
    retriable: !noRetry,
    retryAfterMs,
    error: toSerializedError(body, `The serve handler answered ${response.status}`),
    version,
  };
}

/** Asks the serve handler for its functions the way Inngest's in-band sync does. */
export async function syncFunctions(
  fetch: FetchLike,
  serveUrl: string,
  headers: Record<string, string> = {},
): Promise<FunctionConfig[]> {
  const response = await fetch(
    new Request(serveUrl, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band", ...headers },
      body: JSON.stringify({ url: serveUrl }),
    }),
  );
  const text = await response.text();
  if (!response.ok) throw new Error(`Syncing functions from ${serveUrl} failed (${response.status}): ${text}`);
  const body = JSON.parse(text) as { functions?: FunctionConfig[] };
  if (!Array.isArray(body.functions)) throw new Error(`Syncing functions from ${serveUrl} returned no functions`);
  return body.functions;
}
