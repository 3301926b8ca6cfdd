import type { ReactNode } from "react";
import { EmailTemplateError } from "./context";

const PLACEHOLDER = /\{(\w+)\}/g;
/** Longer values (a carrier's free-text reason) must be free to wrap. */
const KEEP_TOGETHER_MAX = 40;

/**
 * Like `interpolate`, but each short value is kept on one line and isolated from the
 * surrounding direction, so "CF-10428" never breaks at its hyphen or flips inside Arabic text.
 */
export function rich(template: string, vars: Record<string, string | number>): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const key = match[1]!;
    const value = vars[key];
    if (value === undefined) throw new EmailTemplateError(`No value for {${key}} in "${template}"`);
    parts.push(template.slice(last, match.index));
    const text = String(value);
    parts.push(
      text.length <= KEEP_TOGETHER_MAX ? (
        <span key={`${key}-${match.index}`} style={{ whiteSpace: "nowrap", unicodeBidi: "isolate" }}>
          {text}
        </span>
      ) : (
        text
      ),
    );
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}
