import { test, expect } from "@playwright/test";
import { facilitatorWithParticipant } from "./support";

test("a wish is posted, voted and marked planned, and nobody sees who wrote it", async ({ browser }) => {
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Toive");
  const p = participant.page;
  await p.goto("/my-groups");
  await p.getByRole("link", { name: "Toivelaatikko" }).tap();
  await p.getByLabel("Mitä toivot?").fill("Retki Nuuksioon");
  await p.getByLabel(/Miksi\?/).fill("Luontoon yhdessä");
  await p.getByRole("button", { name: "Lisää toive" }).tap();
  const mine = p.locator("li.wish", { hasText: "Retki Nuuksioon" });
  await expect(mine).toContainText("Sinä kirjoitit tämän.");
  await mine.getByRole("button", { name: "Toivon tätä myös" }).tap();
  await expect(p.locator("li.wish", { hasText: "Retki Nuuksioon" })).toContainText("Ääniä: 1");

  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.getByRole("link", { name: "Toivelaatikko" }).tap();
  const wish = f.locator("li.wish", { hasText: "Retki Nuuksioon" });
  await expect(wish).toContainText("Ääniä: 1");
  await expect(wish).not.toContainText("Pirjo");
  await expect(wish).not.toContainText("Sinä kirjoitit tämän.");
  await wish.getByRole("button", { name: "Toivon tätä myös" }).tap();
  await expect(f.locator("li.wish", { hasText: "Retki Nuuksioon" })).toContainText("Ääniä: 2");
  await f.locator("li.wish", { hasText: "Retki Nuuksioon" }).locator("summary", { hasText: "Vastaa toiveeseen" }).tap();
  await f.getByLabel("Tilanne").selectOption("planned");
  await f.getByLabel(/Sana ryhmälle/).fill("Toukokuussa, kun on lämmintä.");
  await f.getByRole("button", { name: "Tallenna" }).tap();
  await expect(f.locator("li.wish", { hasText: "Retki Nuuksioon" })).toContainText("Suunnitteilla");

  await p.reload();
  const answered = p.locator("li.wish", { hasText: "Retki Nuuksioon" });
  await expect(answered).toContainText("Suunnitteilla – Toukokuussa, kun on lämmintä.");
  await expect(answered).toContainText("Ääniä: 2");
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});
