import { test, expect } from "@playwright/test";
import { adminPhone } from "./support";

const exit = /Poistu nopeasti/;

test("quick exit swaps the page for a recipe, and Back does not bring Polku back", async ({ browser }) => {
  const phone = await adminPhone(browser, "Admin Pako");
  const p = phone.page;
  await p.goto("/help");
  await p.goto("/devices");
  const button = p.getByRole("link", { name: exit });
  const box = (await button.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await button.tap();
  await expect(p).toHaveURL(/\/recipe$/);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Kaurapuuro");
  await expect(p).toHaveTitle("Kaurapuuro");

  // Back lands on the page before (help); it is swapped at once as well.
  await p.evaluate(() => history.back());
  await expect(p).toHaveURL(/\/recipe$/);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Kaurapuuro");
  await expect(p.locator("body")).not.toContainText("Polku");

  // Opening Polku anew works as usual.
  await p.goto("/devices");
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Laitteeni");
  await phone.context.close();
});

test("quick exit answers the keyboard: Enter on the button, or Esc three times", async ({ browser }) => {
  const phone = await adminPhone(browser, "Admin Näppäin");
  const p = phone.page;
  await p.goto("/help");
  await p.getByRole("link", { name: exit }).focus();
  await p.keyboard.press("Enter");
  await expect(p).toHaveURL(/\/recipe$/);

  await p.goto("/help");
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Apua");
  for (let i = 0; i < 3; i++) await p.keyboard.press("Escape");
  await expect(p).toHaveURL(/\/recipe$/);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Kaurapuuro");
  await phone.context.close();
});

test("without JavaScript quick exit is a plain link to the same neutral page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto("/help");
  await p.getByRole("link", { name: exit }).tap();
  await expect(p).toHaveURL(/\/recipe$/);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Kaurapuuro");
  await context.close();
});
