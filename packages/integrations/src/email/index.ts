export * from "./events";
export { formatCountry, formatEmailDate, formatMoney, minorUnitsToDecimalString } from "./format";
export * from "./locales";
export { EMAIL_MESSAGES, type EmailMessages } from "./messages/index";
export * from "./render";
export * from "./sender";
export { EmailTemplateError } from "./templates/context";
export * from "./testing/resend-recorder";
export * from "./testing/sample-order";
