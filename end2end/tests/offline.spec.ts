import { test, expect } from "@playwright/test";
import { participantInGroup } from "./support";

/** The outbox of public/outbox-db.js, as the pages have it. */
declare const PolkuOutbox: { count(): Promise<number> };

test("reflections written offline wait on the phone and are saved exactly once", async ({
  browser,
}) => {
  const { admin, participant } = await participantInGroup(browser, "Outi");
  const { page: p, context } = participant;
  await p.goto("/journal/reflections");
  await p.evaluate(async () => navigator.serviceWorker.ready);
  await p.reload();
  await expect.poll(() => p.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  // Two reflections from the same page kept on the phone: each its own.
  for (const text of ["Kirjoitettu junassa ilman verkkoa.", "Toinen ajatus tunnelissa."]) {
    await p.goto("/journal/reflections");
    await p.getByLabel("Mitä mielessäsi on").fill(text);
    await p.getByRole("button", { name: "Tallenna" }).tap();
    await expect(p).toHaveURL(/\/outbox/);
    await expect(p.getByText("Tallennettu puhelimeesi.")).toBeVisible();
    await expect(p.locator("#outbox-list")).toContainText(text);
  }
  await expect(p.locator("#outbox-list li")).toHaveCount(2);
  await expect(p.locator("#outbox-banner")).toContainText("2");

  await context.setOffline(false);
  await p.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(p.locator("#outbox-list li")).toHaveCount(0, { timeout: 15_000 });
  await expect(p.getByText("Mitään ei odota.")).toBeVisible();

  await p.goto("/journal/reflections");
  for (const text of ["Kirjoitettu junassa ilman verkkoa.", "Toinen ajatus tunnelissa."]) {
    await expect(p.locator(".reflections li", { hasText: text })).toHaveCount(1);
  }
  // Sending again (a lost answer, a second flush) changes nothing.
  await p.evaluate(() => navigator.serviceWorker.controller!.postMessage({ type: "flush" }));
  await p.reload();
  await expect(p.locator(".reflections li")).toHaveCount(2);
  await admin.context.close();
  await context.close();
});

test("a write the server refuses is shown back with the reason, not lost", async ({ browser }) => {
  const { admin, participant } = await participantInGroup(browser, "Oona");
  const { page: p, context } = participant;
  await p.goto("/journal/reflections");
  await p.evaluate(async () => navigator.serviceWorker.ready);
  await p.reload();
  await expect.poll(() => p.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await p.goto("/journal/reflections");
  // A date the server will not take (the browser's own check is bypassed).
  await p.getByLabel("Päivä").evaluate((input: HTMLInputElement) => {
    input.type = "text";
    input.value = "eilen";
  });
  await p.getByLabel("Mitä mielessäsi on").fill("Tämä ei saa kadota.");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.locator("#outbox-list")).toContainText("Tämä ei saa kadota.");

  await context.setOffline(false);
  await p.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(p.locator("#outbox-list")).toContainText("Ei tallennettu: Valitse päivä.", {
    timeout: 15_000,
  });
  await expect(p.locator("#outbox-list")).toContainText("Tämä ei saa kadota.");
  await p.getByRole("button", { name: "Hylkää" }).tap();
  await expect(p.locator("#outbox-list li")).toHaveCount(0);
  await admin.context.close();
  await context.close();
});

test("signing out clears what was kept on the phone, after a warning about unsent writes", async ({
  browser,
}) => {
  const { admin, participant } = await participantInGroup(browser, "Siiri");
  const { page: p, context } = participant;
  await p.goto("/journal/reflections");
  await p.evaluate(async () => navigator.serviceWorker.ready);
  await p.reload();
  await expect.poll(() => p.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await p.goto("/journal/reflections");
  await p.getByLabel("Mitä mielessäsi on").fill("Jää lähettämättä.");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.locator("#outbox-list li")).toHaveCount(1);
  // The write cannot reach the server yet, so it keeps waiting.
  await context.route("**/api/reflection_create", (route) => route.abort());
  await context.setOffline(false);
  await p.goto("/journal/steps");
  await expect(p.locator("#outbox-banner")).toContainText("1");

  const warning = p.waitForEvent("dialog");
  await p.getByRole("button", { name: "Kirjaudu ulos" }).tap();
  const dialog = await warning;
  expect(dialog.message()).toContain("ei ole vielä lähtenyt");
  await dialog.dismiss();
  await expect(p.getByText("Kirjautuneena: Siiri")).toBeVisible();

  const again = p.waitForEvent("dialog");
  await p.getByRole("button", { name: "Kirjaudu ulos" }).tap();
  await (await again).accept();
  await expect(p.getByRole("link", { name: "Kirjaudu sisään" })).toBeVisible();
  // The journal pages and the unsent write are gone from the phone.
  await p.waitForFunction(() => typeof PolkuOutbox !== "undefined");
  const kept = await p.evaluate(async () => ({
    journalPages: (await caches.keys()).filter((k) => k.startsWith("polku-journal")).length,
    writes: await PolkuOutbox.count(),
  }));
  expect(kept).toEqual({ journalPages: 0, writes: 0 });
  await admin.context.close();
  await context.close();
});

test("a step marked done offline is done once the connection is back", async ({ browser }) => {
  const { admin, participant } = await participantInGroup(browser, "Olga");
  const { page: p, context } = participant;
  await p.goto("/journal/steps");
  await p.getByLabel("Otsikko").fill("Hae kirjastokortti");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.locator("li.step", { hasText: "Hae kirjastokortti" })).toBeVisible();
  await p.evaluate(async () => navigator.serviceWorker.ready);
  await p.reload();
  await expect.poll(() => p.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await p.locator("li.step", { hasText: "Hae kirjastokortti" }).getByRole("button", { name: "Tehty!" }).tap();
  await expect(p.locator("#outbox-list")).toContainText("Askel merkitty tehdyksi");
  await context.setOffline(false);
  await p.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(p.locator("#outbox-list li")).toHaveCount(0, { timeout: 15_000 });
  await p.goto("/journal/steps?done=1");
  await expect(p.locator("li.step", { hasText: "Hae kirjastokortti" })).toContainText("tehty");
  await admin.context.close();
  await context.close();
});
