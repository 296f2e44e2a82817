import { test, expect } from "@playwright/test";
import { facilitatorWithParticipant, shareWith } from "./support";

test("a skill shared with the facilitator is confirmed in person and shows its mark", async ({ browser }) => {
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Taito");
  const p = participant.page;
  await p.goto("/journal/skills");
  await p.getByLabel("Taito", { exact: true }).selectOption("naloxone");
  await p.getByLabel("Opittu").fill("2026-11-02");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await p.getByRole("link", { name: "Naloksoni ja yliannostuksen ensiapu" }).tap();
  await expect(p.getByText("Ei vielä vahvistettu.")).toBeVisible();
  await shareWith(p, "Ryhmäni ohjaajat");

  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle: 1/ }).tap();
  const shared = f.locator("li.shared-item", { hasText: "Naloksoni" });
  await shared.getByRole("button", { name: "Vahvista: olen nähnyt taidon itse" }).tap();
  await expect(f.locator("li.shared-item", { hasText: "Naloksoni" })).toContainText("vahvistettu kasvokkain");

  await p.goto("/journal/skills");
  await expect(p.locator("ul.skills li", { hasText: "Naloksoni" })).toContainText("vahvistettu kasvokkain");
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});
