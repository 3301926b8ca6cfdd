import { Icon } from "@crossflow/ui";
import { useTranslation } from "react-i18next";
import { type Progress, STAGES } from "../lib/progress";

/** Five stages as an ordered list: done, the current one (or the one needing attention), upcoming. */
export function ProgressTracker({ progress }: { progress: Progress }) {
  const { t } = useTranslation("portal");
  return (
    <ol className="cf-po-progress" aria-label={t("progress.label")} data-state={progress.state}>
      {STAGES.map((stage, index) => {
        const state =
          index < progress.current || (index === progress.current && progress.complete)
            ? "done"
            : index === progress.current
              ? "current"
              : "upcoming";
        const sr = t(`progress.${state === "done" ? "done" : state === "current" ? "current" : "upcoming"}`);
        return (
          <li
            key={stage}
            className="cf-po-progress__step"
            data-step={state}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="cf-po-progress__dot" aria-hidden="true">
              {state === "done" ? (
                <Icon name="check" />
              ) : state === "current" && progress.state === "attention" ? (
                <Icon name="alert" />
              ) : null}
            </span>
            <span className="cf-po-progress__label">{t(`progress.${stage}`)}</span>
            <span className="cf-visually-hidden">{` (${sr})`}</span>
          </li>
        );
      })}
    </ol>
  );
}
