import { test, expect } from "@playwright/test";
import { facilitatorWithParticipant } from "./support";

test("a shared step is seen and answered, then taken back and gone at once", async ({ browser }) => {
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Jako");
  // The participant's sharing works without JavaScript.
  const plain = await browser.newContext({
    storageState: await participant.context.storageState(),
    javaScriptEnabled: false,
  });
  const p = await plain.newPage();
  await p.goto("/journal/steps");
  await p.getByLabel("Otsikko").fill("Hae työkokeiluun");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await p.getByRole("link", { name: "Hae työkokeiluun" }).tap();
  await expect(p.getByText("Vain sinä näet tämän.")).toBeVisible();

  // Before sharing: exactly what they will see.
  await p.getByRole("link", { name: "Valitse, kuka näkee tämän" }).tap();
  const preview = p.getByRole("region", { name: "Mitä he näkevät" });
  await expect(preview).toContainText("Hae työkokeiluun");
  await p.getByText("Ryhmäni ohjaajat", { exact: true }).tap();
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.getByText("Jaettu: Ryhmäni ohjaajat")).toBeVisible();

  // The facilitator sees it, new, and leaves a note.
  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle: 1/ }).tap();
  const shared = f.locator("li.shared-item", { hasText: "Hae työkokeiluun" });
  await expect(shared).toContainText("uutta");
  await shared.getByLabel(/Lyhyt viesti/).fill("Hienoa, hyvä suunnitelma!");
  await shared.getByRole("button", { name: "Lähetä" }).tap();
  await expect(f.locator("li.shared-item", { hasText: "Hae työkokeiluun" })).toContainText(
    "Hienoa, hyvä suunnitelma!",
  );

  // The participant sees the note on the step and on the home page.
  await p.reload();
  await expect(p.getByRole("region", { name: "Jakaminen" })).toContainText("Hienoa, hyvä suunnitelma!");
  await p.goto("/");
  await expect(p.getByRole("region", { name: "Sinulle jätetyt viestit" })).toContainText("Fanni");

  // Taken back: the facilitator's next look shows nothing of it.
  await p.goto("/journal/steps");
  await p.getByRole("link", { name: "Hae työkokeiluun" }).tap();
  await p.getByRole("link", { name: "Valitse, kuka näkee tämän" }).tap();
  await p.getByText("Ei kukaan muu kuin minä", { exact: true }).tap();
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.getByText("Vain sinä näet tämän.")).toBeVisible();
  await f.reload();
  await expect(f.getByText("Hae työkokeiluun")).toHaveCount(0);
  await expect(f.getByText("Sinulle ei ole juuri nyt jaettu mitään.")).toBeVisible();
  await f.goto(groupUrl);
  await expect(f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle/ })).toHaveCount(0);

  // Who has seen my things: the facilitator's look is there.
  await p.goto("/journal/sharing");
  await p.getByRole("link", { name: "Kuka on nähnyt asioitani" }).tap();
  await expect(p.locator("ul.seen")).toContainText("Fanni");
  await expect(p.locator("ul.seen")).toContainText("Hae työkokeiluun");
  await plain.close();
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});

test("stop sharing everything takes everything back", async ({ browser }) => {
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Kaikki");
  const p = participant.page;
  await p.goto("/journal/sharing");
  await p.getByLabel("Uudet ajatukset").selectOption("facilitators");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.getByText("Tallennettu.")).toBeVisible();
  await p.goto("/journal/reflections");
  await p.getByLabel("Mitä mielessäsi on").fill("Jaetaan oletuksena.");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.locator(".reflections li", { hasText: "Jaetaan oletuksena." })).toBeVisible();

  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle: 1/ }).tap();
  await expect(f.getByText("Jaetaan oletuksena.")).toBeVisible();

  await p.goto("/journal/sharing");
  await p.getByLabel("Kyllä, lopeta kaikki jakaminen").check();
  await p.getByRole("button", { name: "Lopeta kaiken jakaminen" }).tap();
  await expect(p.getByText("Mitään ei enää jaeta.")).toBeVisible();
  await expect(p.getByLabel("Uudet ajatukset")).toHaveValue("nobody");
  await f.reload();
  await expect(f.getByText("Jaetaan oletuksena.")).toHaveCount(0);
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});
