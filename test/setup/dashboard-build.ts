import type { TestProject } from "vitest/node";
import { buildDashboard } from "../browser/build-dashboard";

declare module "vitest" {
  export interface ProvidedContext {
    /** The dashboard built once for the run; every browser test serves it and none writes to it. */
    dashboardDir: string;
  }
}

/** Global setup of the browser tests: one build of web/ for all of them. */
export default async function setup(project: TestProject): Promise<() => void> {
  const web = await buildDashboard();
  project.provide("dashboardDir", web.dir);
  return web.remove;
}
