import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { facilitatorWithParticipant, participantInGroup, shareWith } from "./support";

/** No violations of WCAG 2.1 A or AA on the page as it stands. */
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = results.violations.map(
    (v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found).toEqual([]);
}

test("every page meets WCAG 2.1 A and AA, for each kind of user", async ({ browser }) => {
  test.setTimeout(180_000);
  const { admin, participant } = await participantInGroup(browser, "Aada");
  const p = participant.page;

  // Something in every list, so the lists are checked too.
  await p.goto("/journal/dreams");
  await p.getByLabel("Otsikko").fill("Oma ammatti");
  await p.getByRole("button", { name: "Tallenna" }).first().tap();
  await expect(p.getByRole("heading", { name: "Oma ammatti" })).toBeVisible();
  const dream = p.url();
  await p.goto("/journal/steps");
  await p.getByLabel("Otsikko").fill("Soita koululle");
  await p.getByRole("button", { name: "Tallenna" }).first().tap();
  await expect(p.locator("li.step", { hasText: "Soita koululle" })).toBeVisible();
  const step = await p.locator("li.step a").first().getAttribute("href");
  await p.goto("/journal/reflections");
  await p.getByLabel("Mitä mielessäsi on").fill("Hyvä päivä.");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await expect(p.locator(".reflections li", { hasText: "Hyvä päivä." })).toBeVisible();
  const reflection = await p.locator(".reflections li a").first().getAttribute("href");

  for (const path of [
    "/",
    "/journal/dreams",
    new URL(dream).pathname,
    "/journal/steps",
    step!,
    "/journal/steps?done=1",
    "/journal/reflections",
    reflection!,
    "/journal/milestones",
    "/journal/checkins",
    "/journal/skills",
    "/journal/peer-work",
    "/mentoring",
    "/my-groups",
    "/devices",
    "/help",
    "/outbox",
    "/my-path",
    "/my-path?show=1",
    "/recipe",
  ]) {
    await expectAccessible(p, path);
  }
  await p.goto("/my-groups");
  const wishes = await p.getByRole("link", { name: "Toivelaatikko" }).getAttribute("href");
  await expectAccessible(p, wishes!);

  const a = admin.page;
  await a.goto("/groups");
  const group = await a.locator(".rows a").first().getAttribute("href");
  await a.goto("/admin");
  const area = await a.locator(".rows a").first().getAttribute("href");
  await a.goto(group!);
  await a.getByRole("button", { name: "Luo kutsulinkki" }).tap();
  await expect(a.locator(".qr svg")).toBeVisible();
  const share = new URL(a.url()).pathname;
  await a.goto(group!);
  await a.locator("li.member").getByRole("button", { name: "Palautuslinkki" }).first().tap();
  await expect(a.locator(".qr svg")).toBeVisible();
  const recoveryShare = new URL(a.url()).pathname;
  for (const path of ["/admin", area!, "/groups", group!, share, recoveryShare, "/figures", `/help/areas/${area!.split("/").pop()}`]) {
    await expectAccessible(a, path);
  }

  const stranger = await browser.newContext();
  const anonymous = await stranger.newPage();
  for (const path of [
    "/",
    "/sign-in",
    "/help",
    "/offline",
    share.replace("/share", ""),
    recoveryShare.replace("/share", ""),
    "/invite/not-a-code",
    "/no-such-page",
  ]) {
    await expectAccessible(anonymous, path);
  }
  await stranger.close();
  await admin.context.close();
  await participant.context.close();
});

test("the sharing pages meet WCAG 2.1 A and AA, for the participant and the facilitator", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { admin, facilitator, participant, groupUrl } = await facilitatorWithParticipant(browser, "Saavutettava");
  const p = participant.page;
  await p.goto("/journal/steps");
  await p.getByLabel("Otsikko").fill("Jaettava askel");
  await p.getByRole("button", { name: "Tallenna" }).tap();
  await p.getByRole("link", { name: "Jaettava askel" }).tap();
  const step = new URL(p.url()).pathname.split("/").pop();
  await shareWith(p, "Ryhmäni ohjaajat");

  const f = facilitator.page;
  await f.goto(groupUrl);
  await f.locator("li.member", { hasText: "Pirjo" }).getByRole("link", { name: /Jaettu sinulle/ }).tap();
  await f.waitForURL(/\/people\//);
  const person = new URL(f.url()).pathname;
  for (const path of [groupUrl.replace("http://localhost:3100", ""), person, "/figures"]) {
    await expectAccessible(f, path);
  }
  for (const path of [`/journal/share/${step}`, `/journal/steps/${step}`, "/journal/sharing", "/journal/seen", "/"]) {
    await expectAccessible(p, path);
  }
  for (const phone of [admin, facilitator, participant]) await phone.context.close();
});
