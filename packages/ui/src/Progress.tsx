import type { CSSProperties } from "react";
import { cx } from "./cx";
import { Icon } from "./Icon";

export interface ProgressStep {
  key: string;
  label: string;
}

/**
 * A stepper over ordered stages. `current` is the index of the stage reached; `state`
 * colours it: "on_hold" (paused at that stage), "stopped" (cancelled/returned) or normal.
 */
export function StatusProgress(props: {
  steps: ProgressStep[];
  current: number;
  state?: "normal" | "on_hold" | "stopped";
  complete?: boolean;
  label: string;
  srLabels: { done: string; current: string; upcoming: string };
}) {
  const state = props.state ?? "normal";
  return (
    <ol
      className={cx(
        "cf-progress",
        state === "on_hold" && "cf-progress--on_hold",
        state === "stopped" && "cf-progress--stopped",
      )}
      style={{ "--cf-steps": props.steps.length } as CSSProperties}
      aria-label={props.label}
    >
      {props.steps.map((step, index) => {
        const done = index < props.current || (props.complete && index === props.current);
        const current = !done && index === props.current;
        return (
          <li
            key={step.key}
            className={cx(
              "cf-progress__step",
              done && "cf-progress__step--done",
              current && "cf-progress__step--current",
            )}
            aria-current={current || (props.complete && index === props.current) ? "step" : undefined}
          >
            <span className="cf-progress__marker">{done ? <Icon name="check" /> : null}</span>
            <span className="cf-progress__label">{step.label}</span>
            <span className="cf-visually-hidden">
              {" "}
              ({done ? props.srLabels.done : current ? props.srLabels.current : props.srLabels.upcoming})
            </span>
          </li>
        );
      })}
    </ol>
  );
}
