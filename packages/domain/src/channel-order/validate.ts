import type { z } from "zod";
import { type ChannelOrder, channelOrderSchema } from "./schema";

/** One problem with one field: `path` is dotted with indexes ("lines[1].unitPrice"). */
export interface ChannelOrderFieldError {
  path: string;
  message: string;
}

export type ChannelOrderValidation =
  | { ok: true; order: ChannelOrder }
  | { ok: false; errors: ChannelOrderFieldError[] };

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(order)";
}

export function issuesToFieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>): ChannelOrderFieldError[] {
  return issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message,
  }));
}

/** Checks a normalized order and says, field by field, what is wrong with it. Never throws. */
export function validateChannelOrder(input: unknown): ChannelOrderValidation {
  const result = channelOrderSchema.safeParse(input);
  if (result.success) return { ok: true, order: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}
