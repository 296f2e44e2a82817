import { test, expect, type Page } from "@playwright/test";
import { adminPhone, joinWith, newPhone } from "./support";

/** Makes an invite on the current page and returns its link, back on the page. */
async function makeInvite(page: Page) {
  await page.getByRole("button", { name: "Luo kutsulinkki" }).tap();
  await expect(page.locator(".qr svg")).toBeVisible();
  const link = await page.getByLabel("Linkki").inputValue();
  await page.getByRole("link", { name: "Takaisin" }).tap();
  return link;
}

test("a facilitator starts a women's group; a participant joins, sees what is coming, and leaves", async ({
  browser,
}) => {
  // The admin sets up the area and invites a facilitator to it.
  const admin = await adminPhone(browser, "Aila");
  await admin.page.getByRole("link", { name: "Organisaatio" }).tap();
  await admin.page.getByLabel("Alueen nimi").fill("Rovaniemi");
  await admin.page.getByRole("button", { name: "Luo" }).tap();
  await expect(admin.page.getByRole("heading", { name: "Rovaniemi" })).toBeVisible();
  const facilitatorLink = await makeInvite(admin.page);

  // The facilitator joins and starts a women's group.
  const facilitator = await newPhone(browser);
  const f = facilitator.page;
  await joinWith(f, facilitatorLink, "Fanni");
  await f.getByRole("link", { name: "Ryhmät" }).tap();
  await f.getByLabel("Ryhmän nimi").fill("Naisten ryhmä Rovaniemi");
  await f.getByText("Naisten ryhmä", { exact: true }).tap();
  await f.getByLabel("Alkaa").fill("2026-11-02");
  await f.getByRole("button", { name: "Luo" }).tap();
  await expect(f.getByRole("heading", { name: "Naisten ryhmä Rovaniemi" })).toBeVisible();
  await expect(f.getByText("Rovaniemi · Naisten ryhmä")).toBeVisible();
  await expect(f.getByText("Tiivis vaihe (viikoittain)")).toBeVisible();

  // Two milestones, agreed with the group.
  for (const [title, date] of [
    ["Ensiapukurssi", "2027-01-20"],
    ["Oma työkokeilu", ""],
  ]) {
    await f.locator("#milestones").locator("..").getByText("Lisää välitavoite").tap();
    await f.getByLabel("Välitavoite").last().fill(title);
    if (date) await f.getByLabel("Tavoitepäivä (vapaaehtoinen)").last().fill(date);
    await f.getByRole("button", { name: "Lisää", exact: true }).tap();
    await expect(f.locator("li.milestone", { hasText: title })).toBeVisible();
  }

  // A meeting.
  await f.getByLabel("Päivä ja kellonaika").fill("2030-01-10T18:00");
  await f.getByLabel("Paikka").fill("Kirjasto, kokoushuone");
  await f.getByLabel("Aihe (vapaaehtoinen)").fill("Tutustuminen");
  await f.getByRole("button", { name: "Sovi tapaaminen" }).tap();
  await expect(f.locator("li.meeting-row")).toContainText("10.1.2030 18.00");

  // A participant is invited and joins with a passkey.
  await f.getByLabel("Kutsu roolissa").selectOption("participant");
  const participantLink = await makeInvite(f);
  const participant = await newPhone(browser);
  const p = participant.page;
  await joinWith(p, participantLink, "Pirjo");

  // The next meeting is on the home page, with a way into the calendar.
  const next = p.getByRole("region", { name: "Seuraava tapaaminen" });
  await expect(next).toContainText("10.1.2030 18.00");
  await expect(next).toContainText("Kirjasto, kokoushuone");
  const calendar = await next.getByRole("link", { name: "Lisää kalenteriini" }).getAttribute("href");
  const ics = await p.request.get(calendar!);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("DTSTART:20300110T160000Z");

  // The milestones are on the participant's groups page.
  await p.getByRole("link", { name: "Omat ryhmät" }).tap();
  await expect(p.getByText("Ensiapukurssi")).toBeVisible();
  await expect(p.getByText("Oma työkokeilu")).toBeVisible();
  await expect(p.getByText("tavoite 20.1.2027")).toBeVisible();

  // Leaving by their own choice.
  await p.locator("summary", { hasText: "Eroa ryhmästä" }).tap();
  await p.getByLabel("Haluan erota tästä ryhmästä").check();
  await p.getByRole("button", { name: "Eroa ryhmästä" }).tap();
  await expect(p.getByText("Ei vielä ryhmiä.")).toBeVisible();
  await f.reload();
  await expect(f.locator("li.member", { hasText: "Pirjo" })).toHaveCount(0);
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});

test("the help page opens without a connection", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.goto("/help");
  await expect(page.getByRole("link", { name: "Soita 112" })).toHaveAttribute("href", "tel:112");
  await expect(page.getByRole("heading", { name: "Jos epäilet yliannostusta" })).toBeVisible();
  await context.setOffline(false);
});
