export * from "./amount";
export * from "./assess";
export * from "./policy";
export * from "./providers";
export * from "./verification";
