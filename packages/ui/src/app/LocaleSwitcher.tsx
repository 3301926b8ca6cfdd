import { LOCALE_NAMES, LOCALES, type Locale } from "@crossflow/i18n";
import { useFormat } from "@crossflow/i18n/react";
import { useTranslation } from "react-i18next";
import { LocaleMenu } from "../Locale";

export function LocaleSwitcher({ locales = LOCALES }: { locales?: readonly Locale[] }) {
  const { t } = useTranslation("common");
  const { locale } = useFormat();
  return (
    <LocaleMenu
      label={t("language")}
      current={locale}
      locales={locales.map((code) => ({ code, name: LOCALE_NAMES[code] }))}
    />
  );
}
