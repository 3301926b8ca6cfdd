export * from "./available-to-sell";
