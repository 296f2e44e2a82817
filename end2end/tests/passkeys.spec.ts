import { test, expect } from "@playwright/test";
import { adminInvite, withPasskeyAuthenticator } from "./support";

test("an invite link cannot be used twice", async ({ page, context }) => {
  await withPasskeyAuthenticator(context, page);
  const link = adminInvite();
  await page.goto(link);
  await page.getByLabel("Nimi, jonka muut näkevät").fill("Ville");
  await page.getByRole("button", { name: "Luo pääsyavain ja liity" }).tap();
  await expect(page.getByText("Kirjautuneena: Ville")).toBeVisible();

  await page.goto(link);
  await expect(page.getByText("Tämä kutsu ei ole voimassa.")).toBeVisible();
});

test("a name that is too long is explained and nothing is created", async ({ page, context }) => {
  const { cdp, authenticatorId } = await withPasskeyAuthenticator(context, page);
  await page.goto(adminInvite());
  // The field stops at 40 characters; spaces alone are refused by the server.
  await page.getByLabel("Nimi, jonka muut näkevät").fill("   ");
  await page.getByRole("button", { name: "Luo pääsyavain ja liity" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Kirjoita nimi, jossa on 1–40 merkkiä.");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(0);
});

test.describe("an English-speaking phone", () => {
  test.use({ locale: "en-GB" });

  // The island takes its language from the page and reads the server's
  // refusal by its name, both in the browser.
  test("the passkey form explains a refusal in the page's language", async ({ page, context }) => {
    const { cdp, authenticatorId } = await withPasskeyAuthenticator(context, page);
    await page.goto(adminInvite());
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("The name others see").fill("   ");
    await page.getByRole("button", { name: "Create a passkey and join" }).tap();
    await expect(page.getByRole("alert")).toHaveText("Write a name of 1–40 characters.");
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(0);
  });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the invite page says a passkey needs JavaScript", async ({ page }) => {
    await page.goto(adminInvite());
    await expect(page.getByText("Pääsyavain tarvitsee JavaScriptin.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Luo pääsyavain ja liity" })).toBeDisabled();
  });
});

test("signing out everywhere signs the other browser out", async ({ browser }) => {
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  const phoneKey = await withPasskeyAuthenticator(phone, phonePage);
  await phonePage.goto(adminInvite());
  await phonePage.getByLabel("Nimi, jonka muut näkevät").fill("Sanni");
  await phonePage.getByRole("button", { name: "Luo pääsyavain ja liity" }).tap();
  await expect(phonePage.getByText("Kirjautuneena: Sanni")).toBeVisible();

  // The same passkey, synced to a laptop.
  const { credentials } = await phoneKey.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: phoneKey.authenticatorId,
  });
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  const laptopKey = await withPasskeyAuthenticator(laptop, laptopPage);
  await laptopKey.cdp.send("WebAuthn.addCredential", {
    authenticatorId: laptopKey.authenticatorId,
    credential: credentials[0],
  });
  await laptopPage.goto("/sign-in");
  await laptopPage.getByRole("button", { name: "Kirjaudu pääsyavaimella" }).click();
  await expect(laptopPage.getByText("Kirjautuneena: Sanni")).toBeVisible();

  await phonePage.getByRole("link", { name: "Laitteeni" }).tap();
  await expect(phonePage.getByRole("heading", { name: "Kirjautumiset" })).toBeVisible();
  await expect(phonePage.locator("li.session")).toHaveCount(2);
  await phonePage.getByRole("button", { name: "Kirjaa ulos kaikkialta" }).tap();
  await expect(phonePage.getByRole("link", { name: "Kirjaudu sisään" })).toBeVisible();

  await laptopPage.reload();
  await expect(laptopPage.getByRole("link", { name: "Kirjaudu sisään" })).toBeVisible();
  await phone.close();
  await laptop.close();
});
