import { test, expect } from "@playwright/test";
import { facilitatorWithParticipant, joinWith, newPhone, shareWith } from "./support";

test("a peer mentor is proposed, accepted, sees only their share, encourages, and is let go", async ({ browser }) => {
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Tuki");
  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.getByLabel("Kutsu roolissa").selectOption("peer_mentor");
  await f.getByRole("button", { name: "Luo kutsulinkki" }).tap();
  await expect(f.locator(".qr svg")).toBeVisible();
  const mentorLink = await f.getByLabel("Linkki").inputValue();
  const mentor = await newPhone(browser);
  const m = mentor.page;
  await joinWith(m, mentorLink, "Mikko");

  // The facilitator proposes Mikko to Pirjo; nothing opens yet.
  await f.goto(groupUrl);
  const mentoring = f.getByRole("region", { name: "Vertaisohjaus" });
  await mentoring.getByLabel("vertaisohjaaja").selectOption({ label: "Mikko" });
  await mentoring.getByLabel("osallistuja").selectOption({ label: "Pirjo" });
  await mentoring.getByRole("button", { name: "Ehdota" }).tap();
  await expect(f.getByRole("region", { name: "Vertaisohjaus" })).toContainText("ehdotettu, odottaa vastausta");

  // Pirjo is asked on her home page, and accepts.
  const p = participant.page;
  await p.goto("/");
  await p.getByRole("region", { name: "Sinulle ehdotetaan vertaisohjaajaa" }).getByRole("link", { name: "Vastaa" }).tap();
  await expect(p.getByRole("region", { name: "Sinulle ehdotetaan vertaisohjaajaa" })).toContainText("Mikko");
  await p.getByRole("button", { name: "Hyväksy" }).tap();
  await expect(p.getByRole("region", { name: "Vertaisohjaajani" })).toContainText("Mikko");

  // She shares one step with her peer mentor only.
  await p.goto("/journal/steps");
  await p.getByLabel("Otsikko").fill("Soitan opintoneuvojalle");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await p.getByRole("link", { name: "Soitan opintoneuvojalle" }).tap();
  await shareWith(p, "Vertaisohjaajani");

  // Mikko sees it and encourages.
  await m.goto("/mentoring");
  await m.getByRole("region", { name: "Tukemani ihmiset" }).getByRole("link", { name: "Pirjo" }).tap();
  const item = m.locator("li.shared-item", { hasText: "Soitan opintoneuvojalle" });
  await expect(item).toBeVisible();
  await item.getByText("Olen ylpeä sinusta.").tap();
  await item.getByLabel(/Muutama oma sana/).fill("Tsemppiä puheluun!");
  await item.getByRole("button", { name: "Lähetä kannustus" }).tap();
  await expect(m.locator("li.shared-item", { hasText: "Soitan opintoneuvojalle" })).toContainText("Tsemppiä puheluun!");

  // The facilitator does not see the step at all.
  await f.goto(groupUrl);
  await expect(f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle/ })).toHaveCount(0);
  await expect(f.getByText("Soitan opintoneuvojalle")).toHaveCount(0);

  // Pirjo reads the encouragement at home, and may hide it.
  await p.goto("/");
  const notes = p.getByRole("region", { name: "Sinulle jätetyt viestit" });
  await expect(notes).toContainText("Olen ylpeä sinusta. Tsemppiä puheluun!");
  await expect(notes).toContainText("Mikko");

  // She ends the link: Mikko's reload shows nothing of hers.
  await p.goto("/mentoring");
  await p.getByRole("region", { name: "Vertaisohjaajani" }).getByRole("button", { name: "Lopeta" }).tap();
  await expect(p.getByText("Täällä ei ole vielä mitään.")).toBeVisible();
  await m.reload();
  await expect(m.getByText("Soitan opintoneuvojalle")).toHaveCount(0);
  await expect(m.getByText("Sitä ei löydy.", { exact: false })).toBeVisible();

  await p.goto("/");
  await p.getByRole("region", { name: "Sinulle jätetyt viestit" }).getByRole("button", { name: "Piilota" }).tap();
  await expect(p.getByText("Tsemppiä puheluun!")).toHaveCount(0);
  for (const phone of [admin, facilitator, participant, mentor]) await phone.context.close();
});
