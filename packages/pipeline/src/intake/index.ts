export * from "./cancel-order";
export * from "./change-address";
export * from "./channel-intake";
export * from "./order-import";
export * from "./receive-order";
export * from "./release-hold";
export * from "./revise-hold";
export * from "./rules-admin";
