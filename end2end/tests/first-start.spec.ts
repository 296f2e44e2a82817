import { test, expect } from "@playwright/test";
import { firstStartInvite, groupInvite, joinWith, newPhone } from "./support";

// Runs before every other spec (see playwright.config.ts): the link the
// server printed at its first start is still the only way in.
test("the first admin joins from the printed link; someone they invite joins, signs out and back in", async ({
  browser,
}) => {
  const admin = await newPhone(browser);
  await admin.page.goto(firstStartInvite());
  await expect(admin.page.getByText("ylläpitäjä")).toBeVisible();
  await joinWith(admin.page, firstStartInvite(), "Anna");
  const { credentials } = await admin.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: admin.authenticatorId,
  });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  const link = await groupInvite(admin.page, "Oulu", "Tiistairyhmä");
  expect(link).toMatch(/^http:\/\/localhost:3100\/invite\/[\w-]{22}$/);

  const phone = await newPhone(browser);
  await phone.page.goto(link);
  await expect(phone.page.getByText("osallistuja")).toBeVisible();
  await expect(phone.page.getByText("Tiistairyhmä")).toBeVisible();
  await phone.page.getByLabel("Kieli", { exact: true }).last().selectOption("fi");
  await joinWith(phone.page, link, "Pirjo");

  await phone.page.getByRole("button", { name: "Kirjaudu ulos" }).tap();
  await expect(phone.page.getByRole("link", { name: "Kirjaudu sisään" })).toBeVisible();
  await expect(phone.page.getByText("Kirjautuneena")).toHaveCount(0);
  await phone.page.getByRole("link", { name: "Kirjaudu sisään" }).tap();
  await phone.page.getByRole("button", { name: "Kirjaudu pääsyavaimella" }).tap();
  await expect(phone.page).toHaveURL(/\/$/);
  await expect(phone.page.getByText("Kirjautuneena: Pirjo")).toBeVisible();

  // The admin sees the new member by name and role, nothing more.
  await admin.page.reload();
  await expect(admin.page.locator("li.member", { hasText: "Pirjo" })).toContainText("osallistuja");

  // The printed link was for one person only.
  const late = await newPhone(browser);
  await late.page.goto(firstStartInvite());
  await expect(late.page.getByText("Tämä kutsu ei ole voimassa.")).toBeVisible();
  for (const p of [admin, phone, late]) await p.context.close();
});
