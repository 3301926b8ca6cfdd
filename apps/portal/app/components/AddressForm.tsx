import { useFormat } from "@crossflow/i18n/react";
import { Button, Field, Notice, SelectInput, TextInput } from "@crossflow/ui";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { ShipTo } from "../lib/api.server";
import { COUNTRY_CODES } from "../lib/countries";

export const ADDRESS_FIELDS = [
  "name",
  "company",
  "line1",
  "line2",
  "postalCode",
  "city",
  "region",
  "country",
  "phone",
] as const;
export type AddressFieldName = (typeof ADDRESS_FIELDS)[number];
export const REQUIRED_FIELDS: readonly AddressFieldName[] = ["name", "line1", "city", "country"];

const AUTOCOMPLETE: Record<AddressFieldName, string> = {
  name: "shipping name",
  company: "shipping organization",
  line1: "shipping address-line1",
  line2: "shipping address-line2",
  postalCode: "shipping postal-code",
  city: "shipping address-level2",
  region: "shipping address-level1",
  country: "shipping country",
  phone: "shipping tel",
};

const ERROR_KEYS = ["required", "postal_code_invalid", "region_missing", "region_invalid", "country_invalid"];

/** A plain POST form: works without JavaScript; the server answers with field errors or the saved address. */
export function AddressForm(props: {
  current: ShipTo;
  values?: Partial<Record<AddressFieldName, string>>;
  errors?: Partial<Record<AddressFieldName, string>>;
}) {
  const { t } = useTranslation("portal");
  const format = useFormat();
  const values = props.values ?? props.current;
  const errors = props.errors ?? {};
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
        a.label.localeCompare(b.label, format.locale),
      ),
    [format],
  );
  const label = (field: AddressFieldName) =>
    REQUIRED_FIELDS.includes(field) ? t(`address.${field}`) : `${t(`address.${field}`)} (${t("address.optional")})`;
  const error = (field: AddressFieldName) => {
    const code = errors[field];
    if (!code) return undefined;
    return t(`address.errors.${(ERROR_KEYS.includes(code) ? code : "invalid") as "required"}`);
  };
  const input = (field: Exclude<AddressFieldName, "country">, type = "text") => (
    <Field label={label(field)} htmlFor={`address-${field}`} error={error(field)} className={`cf-po-field--${field}`}>
      <TextInput
        id={`address-${field}`}
        name={field}
        type={type}
        defaultValue={values[field] ?? ""}
        autoComplete={AUTOCOMPLETE[field]}
        required={REQUIRED_FIELDS.includes(field)}
        dir="auto"
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `address-${field}-error` : undefined}
      />
    </Field>
  );
  return (
    <Form method="post" className="cf-po-form" noValidate>
      <input type="hidden" name="intent" value="address" />
      {Object.keys(errors).length ? (
        <Notice tone="danger" role="alert">
          <p>{t("address.summary")}</p>
        </Notice>
      ) : null}
      <div className="cf-po-form__grid">
        {input("name")}
        {input("company")}
        {input("line1")}
        {input("line2")}
        {input("postalCode")}
        {input("city")}
        {input("region")}
        <Field
          label={label("country")}
          htmlFor="address-country"
          error={error("country")}
          className="cf-po-field--country"
        >
          <SelectInput
            id="address-country"
            name="country"
            required
            autoComplete={AUTOCOMPLETE.country}
            defaultValue={values.country ?? ""}
            options={countries}
            aria-invalid={errors.country ? true : undefined}
          />
        </Field>
        {input("phone", "tel")}
      </div>
      <Button type="submit" variant="primary">
        {t("address.submit")}
      </Button>
    </Form>
  );
}
