export * from "./agency";
export * from "./audit";
export * from "./unit";
export * from "./user";
