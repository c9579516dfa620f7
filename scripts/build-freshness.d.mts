/** Types of build-freshness.mjs for the tests, which import it from TypeScript. */
export declare const ROOT: URL;
export declare const BUILD_STAMP: string;
export declare function buildState(root?: URL): Promise<"missing" | "stale" | "fresh">;
export declare function writeBuildStamp(): Promise<void>;
