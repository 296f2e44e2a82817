import { test, expect, Page } from "@playwright/test";
import { participantInGroup } from "./support";

const aspects = [
  "Voin päättää oman elämäni asioista",
  "Minua kuullaan ja voin vaikuttaa asioihin",
  "Teen jotain muiden tai yhteisen hyvän eteen",
  "Arjessani on toimiva rytmi",
  "Pidän huolta terveydestäni",
  "Minulla on läheisiä ihmisiä",
  "Tunnen olevani valmis opiskeluun tai työhön",
];

async function checkIn(p: Page, day: string, ratings: number[]) {
  await p.goto("/journal/checkins");
  const form = p.getByRole("region", { name: "Miten asiat ovat nyt?" });
  await form.getByLabel("Päivä").fill(day);
  for (const [i, aspect] of aspects.entries()) {
    await form.getByRole("group", { name: aspect }).getByLabel(String(ratings[i]), { exact: true }).check();
  }
  await form.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.getByText("Tallennettu. Kiitos, että pysähdyit.")).toBeVisible();
}

test("two check-ins draw a chart, with and without JavaScript", async ({ browser }) => {
  const { admin, participant } = await participantInGroup(browser, "Katsaus");
  const p = participant.page;
  await p.goto("/");
  await expect(p.getByText("Nyt on hyvä hetki tilannekatsaukselle.")).toBeVisible();

  await checkIn(p, "2026-10-20", [2, 2, 1, 3, 2, 3, 1]);
  await expect(p.locator("figure.checkin-chart")).toHaveCount(0);
  await checkIn(p, "2026-11-20", [4, 3, 2, 4, 3, 4, 2]);
  const chart = p.locator("figure.checkin-chart");
  await expect(chart).toBeVisible();
  await expect(chart.getByRole("img", { name: `${aspects[0]}: 2, 4` })).toBeVisible();
  await expect(chart.locator("polyline")).toHaveCount(7);
  await expect(p.locator("ul.checkins li")).toHaveCount(2);

  // Without JavaScript it works the same.
  const plain = await browser.newContext({
    storageState: await participant.context.storageState(),
    javaScriptEnabled: false,
  });
  const q = await plain.newPage();
  await checkIn(q, "2026-11-22", [5, 4, 3, 4, 4, 4, 3]);
  await expect(q.locator("ul.checkins li")).toHaveCount(3);
  await expect(q.locator("figure.checkin-chart").getByRole("img", { name: `${aspects[0]}: 2, 4, 5` })).toBeVisible();
  await plain.close();
  for (const phone of [admin, participant]) await phone.context.close();
});
