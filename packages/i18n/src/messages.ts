import type en from "./locales/en";

/** The shape every locale must have: exactly the keys of English, every value a string. */
export type Messages = typeof en;
export type NamespaceResources = { [N in keyof Messages]?: Messages[N] };
/** What a portal-only language (zh-TW, ko, it, pt-BR, nl, ar) holds: the customer portal's namespaces. */
export type PortalMessages = Pick<Messages, "common" | "portal">;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: Messages;
  }
}
