import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// One fresh SQLite database per run; the server is the real binary.
// Playwright loads this file again in each worker, which inherits the
// folder made by the first load instead of making one of its own; the
// global teardown removes it.
const dataDir = process.env.POLKU_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "polku-e2e-"));
process.env.POLKU_E2E_DATA_DIR = dataDir;
export const databaseUrl = process.env.POLKU_E2E_DATABASE_URL ?? `sqlite://${dataDir}/polku.db`;
process.env.POLKU_E2E_DATABASE_URL = databaseUrl;
// What the server prints, among it the first-start admin invite.
const printed = process.env.POLKU_E2E_PRINTED ?? join(dataDir, "printed.txt");
process.env.POLKU_E2E_PRINTED = printed;
const port = 3100;
const bin = process.env.POLKU_BIN ?? "../target/debug/polku";
const site = process.env.POLKU_SITE ?? "../target/site";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  globalTeardown: "./teardown.ts",
  // The first-start invite works until anyone prints another, so the story
  // that uses it runs before everything else.
  projects: [
    { name: "first-start", testMatch: /first-start\.spec\.ts/ },
    { name: "app", testIgnore: /first-start\.spec\.ts/, dependencies: ["first-start"] },
  ],
  use: {
    // WebAuthn needs a domain: always localhost, never 127.0.0.1.
    baseURL: `http://localhost:${port}`,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: "fi-FI",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // Every phone in these tests shares one address, as a group on one
    // Wi-Fi does: the per-address budget is raised to fit them all.
    command: `${bin} serve --addr 127.0.0.1:${port} --origin http://localhost:${port} --site-root ${site} --database-url ${databaseUrl} --guesses-per-minute 600 | tee ${printed}`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
  },
});
