import type { TestProject } from "vitest/node";
import { startServer, type RunningServer } from "./server";
import { forgetRememberedBrowsers } from "./two-factor";

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  forgetRememberedBrowsers();
  server = await startServer();
  project.provide("baseUrl", server.url);
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
