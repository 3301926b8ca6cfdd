import { type CreateEmailOptions, type ErrorResponse, Resend } from "resend";

export interface EmailMessage {
  /** `"Brand" <orders@brand.example>`; see `formatFromAddress`. */
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  replyTo?: string | string[];
  /** Resend tags: names and values may hold ASCII letters, digits, `_` and `-` only; others become `_`. */
  tags?: { name: string; value: string }[];
  /** Same key, same message: Resend sends it once (keys are kept 24 h). Use the outbox row id. */
  idempotencyKey?: string;
}

export type EmailSenderMode = "resend" | "outbox";

export interface EmailSender {
  /** "outbox": no provider configured; nothing leaves the machine and the caller keeps the message in its outbox. */
  readonly mode: EmailSenderMode;
  /** Resolves the provider's message id (null in outbox mode); rejects with an EmailSendError. */
  send(message: EmailMessage): Promise<{ id: string | null }>;
}

export interface EmailSenderEnv {
  RESEND_API_KEY?: string;
  /** Another Resend-compatible endpoint (a local recorder in tests). Default https://api.resend.com. */
  RESEND_BASE_URL?: string;
}

export interface EmailSenderOptions {
  /** Overrides RESEND_BASE_URL. */
  baseUrl?: string;
  userAgent?: string;
}

/**
 * The message could not be handed over. `retryable` errors (network, 408/409 concurrent
 * idempotent request, 429 rate limit or daily quota, 5xx) are worth another attempt with the
 * same idempotency key; the others (bad address, rejected key, monthly quota) need a person.
 */
export class EmailSendError extends Error {
  readonly retryable: boolean;
  /** HTTP status, or null when no answer came back. */
  readonly status: number | null;
  /** Resend's error name (`rate_limit_exceeded`, `validation_error`…), or `invalid_message` for our own checks. */
  readonly code: string;
  /** From a `retry-after` header, when the provider sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    message: string,
    options: { retryable: boolean; status: number | null; code: string; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "EmailSendError";
    this.retryable = options.retryable;
    this.status = options.status;
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const NOT_RETRYABLE_CODES = new Set(["monthly_quota_exceeded", "invalid_idempotent_request"]);
const RETRYABLE_CODES = new Set([
  "rate_limit_exceeded",
  "daily_quota_exceeded",
  "concurrent_idempotent_requests",
  "internal_server_error",
  "application_error",
]);

export function isRetryableEmailError(error: ErrorResponse | { name?: string; statusCode?: number | null }): boolean {
  const code = error.name ?? "";
  if (NOT_RETRYABLE_CODES.has(code)) return false;
  const status = error.statusCode;
  if (status === null || status === undefined) return RETRYABLE_CODES.has(code) || code === "";
  return status === 408 || status === 429 || status >= 500 || code === "concurrent_idempotent_requests";
}

function parseRetryAfter(headers: Record<string, string> | null): number | undefined {
  const value = headers?.["retry-after"];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const TAG_UNSAFE = /[^A-Za-z0-9_-]/g;

function invalid(reason: string): EmailSendError {
  return new EmailSendError(`Invalid e-mail: ${reason}`, { retryable: false, status: null, code: "invalid_message" });
}

function checkMessage(message: EmailMessage): void {
  const recipients = Array.isArray(message.to) ? message.to : [message.to];
  if (!message.from?.trim()) throw invalid("no from address");
  if (recipients.length === 0 || recipients.some((to) => !to?.trim())) throw invalid("no recipient");
  if (recipients.length > 50) throw invalid("more than 50 recipients");
  if (!message.subject?.trim()) throw invalid("no subject");
  if (!message.html && !message.text) throw invalid("no body");
}

/** `"Brand name" <orders@brand.example>`, quoting the name so commas and quotes in it are safe. */
export function formatFromAddress(senderName: string, address: string): string {
  const name = senderName.replace(/[\r\n]+/g, " ").trim();
  if (!name) return address;
  return `"${name.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}" <${address}>`;
}

/**
 * Resend when `RESEND_API_KEY` is set, else the outbox (the embedded default: messages stay in
 * the caller's outbox and are shown in the console).
 */
export function createEmailSender(env: EmailSenderEnv, options: EmailSenderOptions = {}): EmailSender {
  const key = env.RESEND_API_KEY?.trim();
  if (!key) {
    return {
      mode: "outbox",
      async send(message) {
        checkMessage(message);
        return { id: null };
      },
    };
  }
  // The SDK reads process.env.RESEND_BASE_URL itself; pass ours explicitly so `env` is the only source.
  const resend = new Resend(key, {
    baseUrl: options.baseUrl ?? env.RESEND_BASE_URL ?? "https://api.resend.com",
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  return {
    mode: "resend",
    async send(message) {
      checkMessage(message);
      const payload: CreateEmailOptions = {
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(message.tags?.length
          ? {
              tags: message.tags.map((tag) => ({
                name: tag.name.replace(TAG_UNSAFE, "_"),
                value: tag.value.replace(TAG_UNSAFE, "_"),
              })),
            }
          : {}),
      };
      let result: Awaited<ReturnType<typeof resend.emails.send>>;
      try {
        result = await resend.emails.send(
          payload,
          message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {},
        );
      } catch (cause) {
        throw new EmailSendError(`Resend request failed: ${String(cause)}`, {
          retryable: true,
          status: null,
          code: "application_error",
          cause,
        });
      }
      if (result.error) {
        const { error } = result;
        throw new EmailSendError(`Resend rejected the e-mail: ${error.message} (${error.name})`, {
          retryable: isRetryableEmailError(error),
          status: error.statusCode ?? null,
          code: error.name ?? "application_error",
          retryAfterSeconds: parseRetryAfter(result.headers),
        });
      }
      if (!result.data?.id) {
        // Only safe to try again when the idempotency key stops a second copy going out.
        throw new EmailSendError("Resend answered without an id", {
          retryable: Boolean(message.idempotencyKey),
          status: null,
          code: "application_error",
        });
      }
      return { id: result.data.id };
    },
  };
}
