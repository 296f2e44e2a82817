import { rmSync } from "node:fs";

// Removes the run's data folder (see playwright.config.ts); the server
// still running then keeps its open files until it is stopped.
export default function teardown() {
  const dir = process.env.POLKU_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
