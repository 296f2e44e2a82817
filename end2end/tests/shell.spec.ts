import { test, expect, type Page } from "@playwright/test";
import { adminInvite } from "./support";

/** Collects console errors and failed requests, which a user would see as breakage. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

test("the home page speaks Finnish by default, with no errors", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oma polku");
  await expect(page.getByRole("navigation", { name: "Päävalikko" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test.describe("an English-speaking browser", () => {
  test.use({ locale: "en-GB" });

  test("gets the home page in English", async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My path");
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});

test("the language switch changes the language and keeps the page", async ({ page }) => {
  await page.goto("/help");
  await page.getByLabel("Kieli").selectOption("sv");
  await page.getByRole("button", { name: "Vaihda kieli" }).tap();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hjälp");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Min stig");
});

test("help in an emergency is one tap from the home page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Apua" }).tap();
  await expect(page.getByRole("link", { name: "Soita 112" })).toHaveAttribute("href", "tel:112");
});

test("the manifest makes the app installable", async ({ request }) => {
  const response = await request.get("/api/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest.name).toBe("Polku");
  expect(manifest.display).toBe("standalone");
  expect(manifest.start_url).toBe("/");
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
});

test("the service worker registers and shows the offline page without a connection", async ({
  page,
  context,
}) => {
  await page.goto("/");
  const script = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL;
  });
  expect(script).toMatch(/\/sw\.js$/);
  // Once the worker controls the page, losing the connection must not lose the app.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ei yhteyttä");
  await context.setOffline(false);
  await page.getByRole("link", { name: "Yritä uudelleen" }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oma polku");
});

test("an unknown address gets a page that leads back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sivua ei löytynyt");
});

test("an admin invite printed by the server opens its page; a made-up one does not", async ({
  page,
}) => {
  await page.goto(adminInvite());
  await expect(page.getByText("Tämä kutsu on voimassa.")).toBeVisible();
  await expect(page.getByText("ylläpitäjä")).toBeVisible();

  await page.goto("/invite/made-up-code");
  await expect(page.getByText("Tämä kutsu ei ole voimassa.")).toBeVisible();
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("pages render and the language switch still works", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oma polku");
    await page.getByLabel("Kieli").selectOption("en");
    await page.getByRole("button", { name: "Vaihda kieli" }).tap();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My path");
    await page.getByRole("link", { name: "Help" }).tap();
    await expect(page.getByRole("link", { name: "Call 112" })).toBeVisible();
  });
});
