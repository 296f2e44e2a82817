import { test, expect } from "@playwright/test";
import { adminInvite, adminPhone, groupInvite, joinWith, newPhone } from "./support";

test("a lost phone: a recovery link brings the participant back on a new one", async ({
  browser,
}) => {
  const admin = await adminPhone(browser, "Aino");
  const link = await groupInvite(admin.page, "Kemi", "Torstairyhmä");
  const lost = await newPhone(browser);
  await joinWith(lost.page, link, "Ville");

  await admin.page.reload();
  await admin.page
    .locator("li.member", { hasText: "Ville" })
    .getByRole("button", { name: "Palautuslinkki" })
    .tap();
  await expect(admin.page.getByText("Ville")).toBeVisible();
  const recovery = await admin.page.getByLabel("Linkki").inputValue();
  expect(recovery).toMatch(/\/recover\/[\w-]{22}$/);

  const fresh = await newPhone(browser);
  await fresh.page.goto(recovery);
  await expect(fresh.page.getByText("Ville")).toBeVisible();
  await fresh.page.getByRole("button", { name: "Luo pääsyavain tälle puhelimelle" }).tap();
  await expect(fresh.page.getByText("Kirjautuneena: Ville")).toBeVisible();
  await expect(fresh.page.getByRole("heading", { name: "Pääsyavain lisättiin palautuksella" })).toBeVisible();
  await fresh.page.getByRole("button", { name: "Selvä, se olin minä" }).tap();
  await expect(fresh.page.getByRole("heading", { name: "Pääsyavain lisättiin palautuksella" })).toHaveCount(0);

  // The lost phone is signed out, and the link does not work twice.
  await lost.page.reload();
  await expect(lost.page.getByRole("link", { name: "Kirjaudu sisään" })).toBeVisible();
  const again = await newPhone(browser);
  await again.page.goto(recovery);
  await expect(again.page.getByText("Tämä linkki ei ole voimassa.")).toBeVisible();
  for (const p of [admin, lost, fresh, again]) await p.context.close();
});

test("a passkey on a new device is added and the old one removed", async ({ browser }) => {
  const phone = await adminPhone(browser, "Kaisa");
  const { credentials: old } = await phone.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: phone.authenticatorId,
  });
  // The same browser gets a new authenticator, as if a security key replaced the phone.
  await phone.cdp.send("WebAuthn.removeVirtualAuthenticator", {
    authenticatorId: phone.authenticatorId,
  });
  const { authenticatorId } = await phone.cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await phone.page.getByRole("link", { name: "Laitteeni" }).tap();
  await phone.page.getByRole("button", { name: "Lisää pääsyavain tälle laitteelle" }).tap();
  await expect(phone.page.locator("li.passkey")).toHaveCount(2);

  await phone.page.locator("li.passkey").first().getByRole("button", { name: "Poista" }).tap();
  await expect(phone.page.locator("li.passkey")).toHaveCount(1);
  await expect(phone.page.locator("li.passkey").getByRole("button", { name: "Poista" })).toHaveCount(0);
  await expect(phone.page.getByRole("region", { name: "Tilin tapahtumat" })).toContainText(
    "Pääsyavain poistettiin",
  );

  // The removed passkey no longer opens the account; the new one does.
  const other = await newPhone(browser);
  await other.cdp.send("WebAuthn.addCredential", {
    authenticatorId: other.authenticatorId,
    credential: old[0],
  });
  await other.page.goto("/sign-in");
  await other.page.getByRole("button", { name: "Kirjaudu pääsyavaimella" }).tap();
  await expect(other.page.getByRole("alert")).toHaveText("Kirjautuminen ei onnistunut. Yritä uudelleen.");
  const { credentials: fresh } = await phone.cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(fresh).toHaveLength(1);
  await phone.context.close();
  await other.context.close();
});

test("joining in Swedish gives Polku in Swedish", async ({ browser }) => {
  const admin = await newPhone(browser);
  await admin.page.goto(adminInvite());
  await admin.page.getByLabel("Nimi, jonka muut näkevät").fill("Stina");
  await admin.page.getByLabel("Kieli", { exact: true }).last().selectOption("sv");
  await admin.page.getByRole("button", { name: "Luo pääsyavain ja liity" }).tap();
  await expect(admin.page.getByText("Inloggad som: Stina")).toBeVisible();
  await expect(admin.page.locator("html")).toHaveAttribute("lang", "sv");
  await admin.context.close();
});
