import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { participantInGroup } from "./support";

test("a participant takes everything along as a file, and prints a page of the path they pick", async ({
  browser,
}) => {
  const { admin, participant } = await participantInGroup(browser, "Viivi");
  const p = participant.page;
  for (const [title, area] of [
    ["Kokiksi", "work"],
    ["Salainen unelma", "home"],
  ]) {
    await p.goto("/journal/dreams");
    await p.getByLabel("Otsikko").fill(title);
    await p.getByLabel("Elämän alue").selectOption(area);
    await p.getByRole("button", { name: "Tallenna" }).first().tap();
    await expect(p.getByRole("heading", { name: title })).toBeVisible();
  }
  await p.getByRole("link", { name: "Uusi askel" }).tap();
  await p.getByLabel("Otsikko").fill("Hae kokkikouluun");
  await p.getByLabel("Mitä unelmaa kohti").selectOption({ label: "Kokiksi" });
  await p.getByRole("button", { name: "Tallenna" }).first().tap();
  await expect(p.locator("li.step", { hasText: "Hae kokkikouluun" })).toBeVisible();

  // Joining just now counts as the passkey confirmation both need.
  await p.goto("/devices");
  const take = p.getByRole("region", { name: "Ota tietosi mukaan" });
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    take.getByRole("button", { name: "Lataa kaikki tiedot (JSON-tiedosto)" }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^polku-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(file.display_name).toBe("Viivi");
  expect(file.dreams.map((d: { title: string }) => d.title)).toEqual(
    expect.arrayContaining(["Kokiksi", "Salainen unelma"]),
  );
  expect(file.steps.map((s: { title: string }) => s.title)).toContain("Hae kokkikouluun");
  // The download leaves the person where they were.
  await expect(p).toHaveURL(/\/devices$/);

  await take.getByRole("link", { name: "Tee polustasi sivu paperille" }).tap();
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Polkuni paperilla");
  await p.getByLabel("Kokiksi").check();
  await p.getByLabel("Hae kokkikouluun").check();
  await p.getByRole("button", { name: "Tee sivu" }).tap();
  const sheet = p.locator(".path-sheet");
  await expect(sheet).toContainText("Kokiksi");
  await expect(sheet).toContainText("Hae kokkikouluun");
  await expect(sheet).not.toContainText("Salainen unelma");
  await expect(p.getByRole("button", { name: "Tulosta" })).toBeVisible();

  // On paper: the path alone, without the app around it.
  await p.emulateMedia({ media: "print" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("Kokiksi");
  for (const around of [".top-bar", ".bottom-nav", ".account-bar", ".path-actions"]) {
    await expect(p.locator(around)).toBeHidden();
  }
  await p.emulateMedia({ media: "screen" });
  await expect(p.locator(".top-bar")).toBeVisible();

  // "Change what is on it" keeps the choices.
  await p.getByRole("link", { name: "Muuta valintoja" }).tap();
  await expect(p.getByLabel("Kokiksi")).toBeChecked();
  await expect(p.getByLabel("Salainen unelma")).not.toBeChecked();

  await participant.context.close();
  await admin.context.close();
});
