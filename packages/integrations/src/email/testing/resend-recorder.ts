import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the recorder received it. */
export interface RecordedResendRequest {
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  /** Parsed JSON body (undefined when there was none or it was not JSON). */
  body: Record<string, unknown> | undefined;
  /** The status the recorder answered with. */
  status: number;
}

/** Make the next `POST /emails` fail like Resend does: a status with Resend's error body, or a dropped connection. */
export interface ResendRecorderFailure {
  status?: number;
  /** Resend error name; default from the status (429 → rate_limit_exceeded, 5xx → internal_server_error…). */
  name?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Close the socket without an answer. */
  drop?: boolean;
  /** How many requests fail. Default 1. */
  times?: number;
}

export interface ResendRecorderOptions {
  /** When set, other bearer tokens get Resend's 403 `invalid_api_key`, a missing one 401 `missing_api_key`. */
  apiKey?: string;
  port?: number;
  host?: string;
}

export interface ResendRecorder {
  /** `http://127.0.0.1:PORT`: RESEND_BASE_URL for the SDK. */
  readonly url: string;
  /** Every request, in arrival order, including rejected ones. */
  readonly requests: RecordedResendRequest[];
  /** Bodies of the e-mails accepted (one per send, replays of an idempotency key excluded). */
  readonly sent: Record<string, unknown>[];
  failNext(failure: ResendRecorderFailure): void;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_ERROR_NAMES: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
};

function errorBody(status: number, name: string | undefined, message: string | undefined) {
  const resolved =
    name ?? DEFAULT_ERROR_NAMES[status] ?? (status >= 500 ? "internal_server_error" : "application_error");
  return { statusCode: status, name: resolved, message: message ?? `Recorded failure ${status}` };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

const REQUIRED_FIELDS = ["from", "to", "subject"] as const;

/**
 * A local stand-in for the Resend API (`POST /emails` → `{ id }`), recording every request so
 * tests can assert on exactly what the SDK sent. Behaves like Resend where tests care: bearer
 * auth, 422 on a missing field, idempotency keys (a replay returns the first id; the same key
 * with another body is a 409), and Resend's error body `{ statusCode, name, message }`.
 */
export async function startResendRecorder(options: ResendRecorderOptions = {}): Promise<ResendRecorder> {
  const requests: RecordedResendRequest[] = [];
  const sent: Record<string, unknown>[] = [];
  const idempotent = new Map<string, { body: string; id: string }>();
  let failures: ResendRecorderFailure[] = [];

  const answer = (res: ServerResponse, record: RecordedResendRequest, status: number, body: unknown, extra = {}) => {
    record.status = status;
    res.writeHead(status, { "content-type": "application/json", ...extra });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const headers = headerMap(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const url = new URL(req.url ?? "/", "http://recorder");
    const record: RecordedResendRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      headers,
      authorization: headers.authorization,
      idempotencyKey: headers["idempotency-key"],
      body,
      status: 0,
    };
    requests.push(record);

    if (url.pathname !== "/emails") return answer(res, record, 404, errorBody(404, "not_found", "Route not found"));
    if (record.method !== "POST") {
      return answer(res, record, 405, errorBody(405, "method_not_allowed", "Method not allowed"));
    }
    if (options.apiKey !== undefined) {
      if (!record.authorization) return answer(res, record, 401, errorBody(401, "missing_api_key", "Missing API key"));
      if (record.authorization !== `Bearer ${options.apiKey}`) {
        return answer(res, record, 403, errorBody(403, "invalid_api_key", "API key is invalid"));
      }
    }

    const failure = failures[0];
    if (failure) {
      const remaining = (failure.times ?? 1) - 1;
      if (remaining <= 0) failures = failures.slice(1);
      else failures[0] = { ...failure, times: remaining };
      if (failure.drop) {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      const status = failure.status ?? 500;
      return answer(res, record, status, errorBody(status, failure.name, failure.message), failure.headers);
    }

    if (!body) return answer(res, record, 422, errorBody(422, "validation_error", "Invalid JSON body"));
    for (const field of REQUIRED_FIELDS) {
      if (body[field] === undefined || body[field] === "") {
        return answer(res, record, 422, errorBody(422, "missing_required_field", `Missing \`${field}\` field.`));
      }
    }
    if (body.html === undefined && body.text === undefined) {
      return answer(res, record, 422, errorBody(422, "validation_error", "Missing `html` or `text` field."));
    }

    const key = record.idempotencyKey;
    if (key) {
      const seen = idempotent.get(key);
      if (seen && seen.body !== raw) {
        return answer(
          res,
          record,
          409,
          errorBody(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."),
        );
      }
      if (seen) return answer(res, record, 200, { id: seen.id });
    }
    const id = randomUUID();
    if (key) idempotent.set(key, { body: raw, id });
    sent.push(body);
    return answer(res, record, 200, { id });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    requests,
    sent,
    failNext(failure) {
      failures.push(failure);
    },
    reset() {
      requests.length = 0;
      sent.length = 0;
      idempotent.clear();
      failures = [];
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
