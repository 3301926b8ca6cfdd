export * from "./amount";
export * from "./assess";
export * from "./providers";
export * from "./verification";
