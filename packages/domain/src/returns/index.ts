export * from "./eligibility";
export * from "./policy";
export * from "./refund";
