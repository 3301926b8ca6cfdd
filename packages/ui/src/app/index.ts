// Components wired to i18n and the router, shared by the three apps.
export { AutoRefresh } from "./AutoRefresh";
export { LocaleSwitcher } from "./LocaleSwitcher";
export { CountryLabel, OrderStatusBadge } from "./OrderBits";
export { RouteError, RouteErrorBoundary } from "./RouteError";
export { SignInPage, type SignInUser } from "./SignInPage";
