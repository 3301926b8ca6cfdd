import type { EmailLocale } from "../locales";
import { ar } from "./ar";
import { de } from "./de";
import { type EmailMessages, en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { ja } from "./ja";
import { ko } from "./ko";
import { nl } from "./nl";
import { ptBR } from "./pt-BR";
import { zhCN } from "./zh-CN";
import { zhTW } from "./zh-TW";

export type { EmailMessages };

/** A `Record` over every locale: adding a locale without its catalog is a type error. */
export const EMAIL_MESSAGES: Record<EmailLocale, EmailMessages> = {
  en,
  "zh-CN": zhCN,
  "zh-TW": zhTW,
  ja,
  ko,
  de,
  fr,
  es,
  it,
  "pt-BR": ptBR,
  nl,
  ar,
};
