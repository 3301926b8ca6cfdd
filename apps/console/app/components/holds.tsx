import { Badge } from "@crossflow/ui";
import { useTranslation } from "react-i18next";
import type { Hold } from "../lib/api.server";
import { holdResolution } from "../lib/holds";

function humanize(code: string): string {
  const text = code.replace(/[_-]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Localized words for hold codes. Codes this console has no words for yet still read well:
 * the code itself, humanized, and the generic accept/retry wording of its resolution.
 */
export function useHoldText() {
  const { t, i18n } = useTranslation("console");
  const known = (key: string) => i18n.exists(key, { ns: "console" });
  const text = (key: string) => t(key as "holds.accept.generic");
  return {
    title: (code: string) => (known(`holds.code.${code}`) ? text(`holds.code.${code}`) : humanize(code)),
    explain: (code: string) =>
      known(`holds.explain.${code}`) ? text(`holds.explain.${code}`) : text(`holds.explain.${holdResolution(code)}`),
    /** The accept button: specific when it accepts exactly one known code. */
    acceptLabel: (codes: string[]) =>
      codes.length === 1 && known(`holds.accept.${codes[0]}`)
        ? text(`holds.accept.${codes[0]}`)
        : t("holds.accept.generic"),
    retryLabel: (codes: string[]) =>
      codes.length === 1 && known(`holds.retry.${codes[0]}`)
        ? text(`holds.retry.${codes[0]}`)
        : t("holds.retry.generic"),
  };
}

/** Each hold as its localized reason with the API's own message under it. */
export function HoldReasons({ holds, explain }: { holds: Hold[]; explain?: boolean }) {
  const text = useHoldText();
  return (
    <ul className="cf-holds">
      {holds.map((hold, index) => (
        <li key={`${hold.code}-${index}`} className="cf-holds__item" data-hold-code={hold.code}>
          <Badge tone={holdResolution(hold.code) === "retry" ? "danger" : "warning"} title={hold.code}>
            {text.title(hold.code)}
          </Badge>
          {/* In lists a long message is cut to a few lines; the whole text is its tooltip. */}
          <span className="cf-holds__message" title={explain ? undefined : hold.message}>
            {hold.message}
          </span>
          {explain ? <span className="cf-holds__explain">{text.explain(hold.code)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
