import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Form, useSubmit } from "react-router";
import { cx } from "./cx";
import { Icon } from "./Icon";

export function Field(props: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx("cf-field", props.className)}>
      <label className="cf-field__label" htmlFor={props.htmlFor}>
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <p className="cf-field__error" id={`${props.htmlFor}-error`} role="alert">
          {props.error}
        </p>
      ) : props.hint ? (
        <p className="cf-field__hint" id={`${props.htmlFor}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({
  className,
  inputSize,
  icon,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { inputSize?: "lg"; icon?: "search" }) {
  const input = <input className={cx("cf-input", inputSize === "lg" && "cf-input--lg", className)} {...rest} />;
  return icon ? (
    <div className="cf-input-icon">
      <Icon name={icon} />
      {input}
    </div>
  ) : (
    input
  );
}

export function TextArea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cx("cf-input", "cf-textarea", className)} {...rest} />;
}

/**
 * A checkbox with its label; `hideLabel` keeps the label for screen readers only (row
 * selection in tables). The label is the click target, so it can be made as large as the cell.
 */
export function Checkbox({
  label,
  hideLabel,
  className,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode; hideLabel?: boolean }) {
  return (
    <label className={cx("cf-check", className)}>
      <input type="checkbox" className="cf-check__input" {...rest} />
      <span className={hideLabel ? "cf-visually-hidden" : "cf-check__label"}>{label}</span>
    </label>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectInput({
  options,
  placeholder,
  className,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { options: SelectOption[]; placeholder?: string }) {
  return (
    <select className={cx("cf-select", className)} {...rest}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/**
 * A GET form of filters: the URL holds the state, so it works without JavaScript. With
 * JavaScript, a changed select applies at once and empty fields stay out of the URL.
 */
export function FilterBar({ label, children, actions }: { label: string; children: ReactNode; actions: ReactNode }) {
  const submit = useSubmit();
  return (
    <Form
      method="get"
      className="cf-filterbar"
      role="search"
      aria-label={label}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) event.currentTarget.requestSubmit();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget))
          if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
        submit(params, { method: "get" });
      }}
    >
      {children}
      <div className="cf-filterbar__actions">{actions}</div>
    </Form>
  );
}
