export * from "./channel";
export * from "./create";
export * from "./fake-payloads";
export * from "./fake-server";
export * from "./paypal";
export * from "./refunds";
export * from "./stripe";
export * from "./types";
