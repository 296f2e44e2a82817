import { test, expect } from "@playwright/test";
import { facilitatorWithParticipant, shareWith } from "./support";

test("peer work is written down, shared without its note, and counted", async ({ browser }) => {
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Vertaistyo");
  const p = participant.page;
  await p.goto("/");
  await p.getByRole("link", { name: "Vertaistyön päiväkirja" }).tap();
  await p.getByLabel("Mitä teit?").selectOption("overdose_aid");
  await p.getByLabel(/Muistiinpano itsellesi/).fill("Soitin 112 ja odotin");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p).toHaveURL(/\/journal\/peer-work$/);
  await p.getByRole("link", { name: "Yliannostuksen ensiapu" }).tap();
  await expect(p.locator("p", { hasText: "Soitin 112 ja odotin" })).toBeVisible();
  await shareWith(p, "Ryhmäni ohjaajat");

  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle: 1/ }).tap();
  await expect(f.locator("li.shared-item", { hasText: "Yliannostuksen ensiapu" })).toBeVisible();
  await expect(f.getByText("Soitin 112")).toHaveCount(0);

  // The figures count it as a number, and one is under five.
  await admin.page.goto("/figures");
  const row = admin.page.locator("tr", { hasText: "Vertaistyo" });
  await expect(row.locator("td").nth(6)).toHaveText("<5");
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});
