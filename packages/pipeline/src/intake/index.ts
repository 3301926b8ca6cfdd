export * from "./cancel-order";
export * from "./receive-order";
