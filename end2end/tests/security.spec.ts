import { test, expect } from "@playwright/test";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { adminPhone } from "./support";

test("a form posted from a page on another origin is refused and writes nothing", async ({ browser }) => {
  const phone = await adminPhone(browser, "Admin Csrf");
  const p = phone.page;
  // With Polku's service worker in charge of its writes, as on a phone.
  await p.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Another origin on the same host: the same site, so cookies go along.
  const other = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>Arvonta</title>
      <form method="post" action="http://localhost:3100/api/reflection_create">
        <input name="request_id" value="csrf-request-0001">
        <input name="written_on" value="2026-11-23">
        <input name="body" value="Vieraan sivun kirjoitus">
        <button>Osallistu arvontaan</button>
      </form>`);
  });
  await new Promise<void>((listening) => other.listen(0, "127.0.0.1", listening));
  const port = (other.address() as AddressInfo).port;
  try {
    await p.goto(`http://localhost:${port}/`);
    const answer = p.waitForResponse("**/api/reflection_create");
    await p.getByRole("button", { name: "Osallistu arvontaan" }).tap();
    expect((await answer).status()).toBe(403);
    await expect(p).toHaveURL(/\/api\/reflection_create$/);
    await p.goto("/journal/reflections");
    await expect(p.getByRole("heading", { name: "Ajatukseni" })).toBeVisible();
    await expect(p.getByText("Vieraan sivun kirjoitus")).toHaveCount(0);
  } finally {
    other.close();
  }
  await phone.context.close();
});

test("the pages run under the content security policy without a violation", async ({ browser }) => {
  const phone = await adminPhone(browser, "Admin Csp");
  const p = phone.page;
  const violations: string[] = [];
  p.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  for (const path of ["/", "/journal/reflections", "/journal/checkins", "/devices", "/help"]) {
    await p.goto(path);
    await p.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
  await phone.context.close();
});

test("a person deletes their account and is signed out", async ({ browser }) => {
  const phone = await adminPhone(browser, "Admin Poistuva");
  const p = phone.page;
  // Joining just now counts as a passkey confirmation (ten minutes); after
  // that the server refuses until the person confirms again.
  await p.goto("/devices");
  const erase = p.getByRole("region", { name: "Poista tilini" });
  await erase.getByLabel("Poista nekin").check();
  await erase.getByRole("button", { name: "Poista tilini" }).tap();
  // The box is required: nothing is deleted until it is ticked.
  await expect(p).toHaveURL(/\/devices$/);
  await erase.getByLabel(/Ymmärrän, että tilini/).check();
  await erase.getByRole("button", { name: "Poista tilini" }).tap();
  await expect(p.getByText("Tilisi ja kaikki sen tiedot on poistettu.")).toBeVisible();
  await p.goto("/devices");
  await expect(p.getByRole("region", { name: "Poista tilini" })).toHaveCount(0);
  await phone.context.close();
});
