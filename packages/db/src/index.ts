export * from "./client";
export * from "./queries/index";
export * as schema from "./schema/index";
export * from "./schema/index";
export * from "./tenancy";
