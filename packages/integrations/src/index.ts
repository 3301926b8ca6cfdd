export * from "./carriers/index";
export * from "./channels/demo/catalog";
export * from "./channels/demo/destinations";
export * from "./channels/demo/generate";
export * from "./channels/index";
export * from "./email/index";
export * from "./payments/index";
