export * from "./allocation";
export * from "./country";
export * from "./currency";
export * from "./ids";
export * from "./intake-checks";
export * from "./money";
export * from "./order-status";
