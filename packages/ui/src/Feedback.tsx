import type { ReactNode } from "react";
import type { Tone } from "./Badge";
import { cx } from "./cx";
import { Icon, type IconName } from "./Icon";

export function EmptyState(props: {
  icon?: IconName;
  title: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={cx("cf-empty", props.compact && "cf-empty--compact")}>
      <span className="cf-empty__icon">
        <Icon name={props.icon ?? "inbox"} size="lg" />
      </span>
      <p className="cf-empty__title">{props.title}</p>
      {props.body ? <p className="cf-empty__body">{props.body}</p> : null}
      {props.action ? <div className="cf-empty__action">{props.action}</div> : null}
    </div>
  );
}

const NOTICE_ICONS: Record<Tone, IconName> = {
  neutral: "info",
  info: "info",
  accent: "info",
  success: "check",
  warning: "hold",
  danger: "alert",
};

export function Notice(props: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  icon?: IconName;
  role?: "alert" | "status";
  /** Work is in progress: a spinning icon instead of the tone's. */
  busy?: boolean;
}) {
  const tone = props.tone ?? "info";
  return (
    <div className={cx("cf-notice", `cf-tone-${tone}`)} role={props.role} aria-busy={props.busy || undefined}>
      {props.busy ? <Icon name="loader" className="cf-spin" /> : <Icon name={props.icon ?? NOTICE_ICONS[tone]} />}
      <div className="cf-notice__body">
        {props.title ? <p className="cf-notice__title">{props.title}</p> : null}
        {props.children}
      </div>
    </div>
  );
}
