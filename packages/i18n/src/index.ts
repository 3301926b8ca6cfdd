import "./messages";

export * from "./format";
export { createI18n } from "./instance";
export * from "./locales";
export type { Messages, NamespaceResources, PortalMessages } from "./messages";
export * from "./status";
