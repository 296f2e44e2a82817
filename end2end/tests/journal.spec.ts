import { test, expect, type Page } from "@playwright/test";
import { participantInGroup } from "./support";

/**
 * The participant's day with the journal, tap by tap: a dream, two steps,
 * the next step picked and done, a reflection, a group milestone reached.
 */
async function walkThePath(p: Page, tag: string) {
  await p.goto("/journal/dreams");
  await p.getByLabel("Otsikko").fill(`Oma koti ${tag}`);
  await p.getByLabel("Mitä se merkitsee minulle").fill("Rauha ja oma ovi.");
  await p.getByLabel("Elämän alue").selectOption("home");
  await p.getByRole("button", { name: "Tallenna" }).first().tap();
  await expect(p.getByRole("heading", { name: `Oma koti ${tag}` })).toBeVisible();

  await p.getByRole("link", { name: "Uusi askel" }).tap();
  for (const title of [`Soita asuntotoimistoon ${tag}`, `Täytä hakemus ${tag}`]) {
    await p.getByLabel("Otsikko").fill(title);
    await p.getByLabel("Mitä unelmaa kohti").selectOption({ label: `Oma koti ${tag}` });
    await p.getByRole("button", { name: "Tallenna" }).first().tap();
    await expect(p.locator("li.step", { hasText: title })).toBeVisible();
  }

  await p
    .locator("li.step", { hasText: `Soita asuntotoimistoon ${tag}` })
    .getByRole("button", { name: "Tee tästä seuraava askeleeni" })
    .tap();
  await expect(
    p.locator("li.step", { hasText: `Soita asuntotoimistoon ${tag}` }).getByRole("button", {
      name: "Tee tästä seuraava askeleeni",
    }),
  ).toHaveCount(0);
  await p.getByRole("link", { name: "Oma polku" }).tap();
  await expect(p.getByRole("region", { name: "Seuraava askeleeni" })).toContainText(
    `Soita asuntotoimistoon ${tag}`,
  );
  await p.getByRole("region", { name: "Seuraava askeleeni" }).getByRole("button", { name: "Tehty!" }).tap();
  await expect(p.getByRole("status").filter({ hasText: "Hienoa! Taas yksi askel otettu." })).toBeVisible();
  await expect(p.getByRole("region", { name: "Mitä olen saanut aikaan" })).toContainText(
    `Soita asuntotoimistoon ${tag}`,
  );

  await p.getByRole("link", { name: "Ajatukset" }).tap();
  await p.getByLabel("Mitä mielessäsi on").fill(`Tänään uskalsin soittaa. ${tag}`);
  await p.getByText("Hyvä", { exact: true }).tap();
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.locator(".reflections li", { hasText: `Tänään uskalsin soittaa. ${tag}` })).toContainText(
    "Hyvä",
  );

  await p.goto("/journal/milestones");
  const milestone = p.locator("li.milestone-entry", { hasText: "Ensiapukurssi" });
  await milestone.locator("summary", { hasText: "Merkitse saavutetuksi" }).tap();
  await milestone.getByLabel("Muistiinpano (vapaaehtoinen)").fill("Elvytys harjoiteltu!");
  await milestone.getByRole("button", { name: "Merkitse saavutetuksi" }).tap();
  await expect(p.locator("li.milestone-entry", { hasText: "Ensiapukurssi" })).toContainText("saavutettu");

  await p.goto("/");
  const done = p.getByRole("region", { name: "Mitä olen saanut aikaan" });
  await expect(done).toContainText("Ensiapukurssi");
  await expect(done.locator("svg[role=img]")).toBeVisible();
}

test("a participant's path: a dream, steps, the next step done, a reflection, a milestone", async ({
  browser,
}) => {
  const { admin, participant } = await participantInGroup(browser, "Pirjo");
  const errors: string[] = [];
  participant.page.on("pageerror", (e) => errors.push(e.message));
  await walkThePath(participant.page, "A");
  expect(errors).toEqual([]);
  await admin.context.close();
  await participant.context.close();
});

test("the same path with JavaScript off", async ({ browser }) => {
  const { admin, participant } = await participantInGroup(browser, "Jaana");
  const plain = await browser.newContext({
    storageState: await participant.context.storageState(),
    javaScriptEnabled: false,
  });
  const p = await plain.newPage();
  await walkThePath(p, "B");
  await plain.close();
  await admin.context.close();
  await participant.context.close();
});

test("a refused entry is explained next to its field, in the participant's language", async ({
  browser,
}) => {
  const { admin, participant } = await participantInGroup(browser, "Kaija");
  const plain = await browser.newContext({
    storageState: await participant.context.storageState(),
    javaScriptEnabled: false,
  });
  const p = await plain.newPage();
  await p.goto("/journal/steps");
  // A space is enough for the browser's "required", not for the server.
  await p.getByLabel("Otsikko").fill(" ");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.getByText("Kirjoita otsikko, jossa on 1–120 merkkiä.")).toBeVisible();
  await expect(p.getByLabel("Otsikko")).toHaveAttribute("aria-invalid", "true");
  await expect(p.getByText("Täällä ei ole vielä mitään.")).toBeVisible();
  await plain.close();
  await admin.context.close();
  await participant.context.close();
});
