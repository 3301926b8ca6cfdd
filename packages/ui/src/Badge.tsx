import type { ReactNode } from "react";
import { cx } from "./cx";

export type Tone = "neutral" | "info" | "accent" | "success" | "warning" | "danger";

const STATUS_TONES: Record<string, Tone> = {
  received: "neutral",
  payment_verified: "info",
  screened: "info",
  allocated: "info",
  documented: "info",
  label_created: "accent",
  handed_over: "accent",
  in_transit: "accent",
  delivered: "success",
  on_hold: "warning",
  cancelled: "danger",
  returned: "neutral",
};

/** The colour an order status is shown in, everywhere. */
export function statusTone(status: string): Tone {
  return STATUS_TONES[status] ?? "neutral";
}

export function Badge({
  tone = "neutral",
  dot,
  size,
  square,
  title,
  children,
}: {
  tone?: Tone;
  dot?: boolean;
  size?: "lg";
  square?: boolean;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={cx("cf-badge", `cf-tone-${tone}`, size === "lg" && "cf-badge--lg", square && "cf-badge--square")}
      title={title}
    >
      {dot ? <span className="cf-badge__dot" /> : null}
      {children}
    </span>
  );
}

/** Order status, with its tone; `label` is the localized status name. */
export function StatusBadge({
  status,
  label,
  size,
  title,
}: {
  status: string;
  label: string;
  size?: "lg";
  title?: string;
}) {
  return (
    <Badge tone={statusTone(status)} dot size={size} title={title}>
      <span data-status={status}>{label}</span>
    </Badge>
  );
}
