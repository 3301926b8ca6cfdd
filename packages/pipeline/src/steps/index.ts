export * from "./allocate";
export * from "./choose-carrier";
export * from "./common";
export * from "./screen";
export * from "./validate";
export * from "./verify-payment";
