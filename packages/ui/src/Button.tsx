import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

function buttonClass(
  variant: ButtonVariant = "secondary",
  size: ButtonSize = "md",
  block?: boolean,
  className?: string,
) {
  return cx(
    "cf-btn",
    variant !== "secondary" && `cf-btn--${variant}`,
    size !== "md" && `cf-btn--${size}`,
    block && "cf-btn--block",
    className,
  );
}

export function Button({
  variant,
  size,
  block,
  className,
  type = "button",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize; block?: boolean }) {
  return <button type={type} className={buttonClass(variant, size, block, className)} {...rest} />;
}

export function ButtonLink({
  variant,
  size,
  block,
  className,
  ...rest
}: LinkProps & { variant?: ButtonVariant; size?: ButtonSize; block?: boolean; children: ReactNode }) {
  return <Link className={buttonClass(variant, size, block, className)} {...rest} />;
}
