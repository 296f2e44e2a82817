import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const bin = process.env.POLKU_BIN ?? "../target/debug/polku";

/** The one-time admin invite the server printed when it first started. */
export function firstStartInvite(): string {
  const printed = readFileSync(process.env.POLKU_E2E_PRINTED!, "utf8");
  const link = printed.match(/No admin yet\. .*(http:\/\/localhost:3100\/invite\/\S+)/)?.[1];
  if (!link) throw new Error(`no first-start invite in: ${printed}`);
  return link.replace("http://localhost:3100", "");
}

/** A fresh one-time admin invite, as `polku admin invite` prints it. */
export function adminInvite(): string {
  const out = execFileSync(bin, [
    "admin",
    "invite",
    "--database-url",
    process.env.POLKU_E2E_DATABASE_URL!,
    "--origin",
    "http://localhost:3100",
  ]).toString();
  const link = out.match(/http:\/\/localhost:3100(\/invite\/\S+)/)?.[1];
  if (!link) throw new Error(`no invite link in: ${out}`);
  return link;
}

/** A phone with a passkey authenticator that unlocks with the screen lock. */
export async function withPasskeyAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** A phone of its own: a fresh browser context with a passkey authenticator. */
export async function newPhone(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const key = await withPasskeyAuthenticator(context, page);
  return { context, page, ...key };
}

/** Opens an invite link, chooses a name and makes a passkey. */
export async function joinWith(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByLabel("Nimi, jonka muut näkevät").fill(name);
  await page.getByRole("button", { name: "Luo pääsyavain ja liity" }).tap();
  await expect(page.getByText(`Kirjautuneena: ${name}`)).toBeVisible();
}

/** The first admin, signed in on a phone of their own. */
export async function adminPhone(browser: Browser, name: string) {
  const phone = await newPhone(browser);
  await joinWith(phone.page, adminInvite(), name);
  return phone;
}

/** An admin sets up an area and a group and makes an invite; returns its link. */
export async function groupInvite(page: Page, area: string, group: string) {
  await page.getByRole("link", { name: "Organisaatio" }).tap();
  await page.getByLabel("Alueen nimi").fill(area);
  await page.getByRole("button", { name: "Luo" }).tap();
  await expect(page.getByRole("heading", { name: area })).toBeVisible();

  await page.getByRole("link", { name: "Ryhmät" }).first().tap();
  await page.getByLabel("Alue", { exact: true }).selectOption({ label: area });
  await page.getByLabel("Ryhmän nimi").fill(group);
  await page.getByLabel("Alkaa").fill("2026-09-01");
  await page.getByRole("button", { name: "Luo" }).tap();
  await expect(page.getByRole("heading", { name: group })).toBeVisible();

  await page.getByLabel("Kutsu roolissa").selectOption("participant");
  await page.getByRole("button", { name: "Luo kutsulinkki" }).tap();
  await expect(page.locator(".qr svg")).toBeVisible();
  const link = await page.getByLabel("Linkki").inputValue();
  await page.getByRole("link", { name: "Takaisin" }).tap();
  await expect(page.getByRole("heading", { name: group })).toBeVisible();
  return link;
}

/**
 * A participant signed in on a phone, in a group with two milestones set up
 * by an admin (who is returned too).
 */
export async function participantInGroup(browser: Browser, name: string) {
  const admin = await adminPhone(browser, `Admin ${name}`);
  const link = await groupInvite(admin.page, `Alue ${name}`, `Ryhmä ${name}`);
  for (const title of ["Ensiapukurssi", "Oma työkokeilu"]) {
    await admin.page.locator("summary", { hasText: "Lisää välitavoite" }).tap();
    await admin.page.getByLabel("Välitavoite").last().fill(title);
    await admin.page.getByRole("button", { name: "Lisää", exact: true }).tap();
    await expect(admin.page.locator("li.milestone", { hasText: title })).toBeVisible();
  }
  const participant = await newPhone(browser);
  await joinWith(participant.page, link, name);
  return { admin, participant };
}

/**
 * A facilitator who started a group, and a participant they invited to it;
 * both signed in on phones of their own.
 */
export async function facilitatorWithParticipant(browser: Browser, tag: string) {
  const admin = await adminPhone(browser, `Admin ${tag}`);
  await admin.page.getByRole("link", { name: "Organisaatio" }).tap();
  await admin.page.getByLabel("Alueen nimi").fill(`Alue ${tag}`);
  await admin.page.getByRole("button", { name: "Luo" }).tap();
  await admin.page.getByRole("button", { name: "Luo kutsulinkki" }).tap();
  await expect(admin.page.locator(".qr svg")).toBeVisible();
  const facilitatorLink = await admin.page.getByLabel("Linkki").inputValue();

  const facilitator = await newPhone(browser);
  const f = facilitator.page;
  await joinWith(f, facilitatorLink, "Fanni");
  await f.getByRole("link", { name: "Ryhmät" }).tap();
  await f.getByLabel("Ryhmän nimi").fill(`Ryhmä ${tag}`);
  await f.getByLabel("Alkaa").fill("2026-11-02");
  await f.getByRole("button", { name: "Luo" }).tap();
  await expect(f.getByRole("heading", { name: `Ryhmä ${tag}` })).toBeVisible();
  const groupUrl = f.url();
  await f.getByLabel("Kutsu roolissa").selectOption("participant");
  await f.getByRole("button", { name: "Luo kutsulinkki" }).tap();
  await expect(f.locator(".qr svg")).toBeVisible();
  const participantLink = await f.getByLabel("Linkki").inputValue();

  const participant = await newPhone(browser);
  await joinWith(participant.page, participantLink, "Pirjo");
  return { admin, facilitator, participant, groupUrl };
}

/** On an item's page: shares it with one audience, by its Finnish label. */
export async function shareWith(page: Page, audience: "Ryhmäni ohjaajat" | "Vertaisohjaajani") {
  await page.getByRole("link", { name: "Valitse, kuka näkee tämän" }).tap();
  await page.getByText(audience, { exact: true }).tap();
  await page.getByRole("button", { name: "Tallenna" }).tap();
  await expect(page.getByText(`Jaettu: ${audience}`)).toBeVisible();
}
