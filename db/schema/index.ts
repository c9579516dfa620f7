export * from "./alerts";
export * from "./articles";
export * from "./coverage";
export * from "./feeds";
export * from "./job-runs";
export * from "./settings";
export * from "./timeline";
export * from "./topics";
