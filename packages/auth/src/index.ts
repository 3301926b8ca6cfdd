export * from "./api-key";
export * from "./clerk";
export * from "./dev-session";
export * from "./portal-link";
export * from "./secret-box";
export * from "./session";
