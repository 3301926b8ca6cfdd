import type { ReactNode } from "react";
import { Icon } from "./Icon";

/** A full-width explanation of why a page could not be shown. */
export function ErrorView(props: {
  code?: ReactNode;
  title: ReactNode;
  body: ReactNode;
  action?: ReactNode;
  tone?: "warning" | "danger" | "neutral";
}) {
  return (
    <div className="cf-error" role="alert">
      <span className={`cf-error__icon cf-tone-${props.tone ?? "neutral"}`}>
        <Icon name={props.tone === "neutral" ? "search" : "alert"} size="lg" />
      </span>
      {props.code ? <p className="cf-error__code">{props.code}</p> : null}
      <h1 className="cf-error__title">{props.title}</h1>
      <p className="cf-error__body">{props.body}</p>
      {props.action ? <div className="cf-error__action">{props.action}</div> : null}
    </div>
  );
}
