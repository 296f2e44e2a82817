import { type BrowserContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";

const bin = process.env.POLKU_BIN ?? "../target/debug/polku";

/** A fresh one-time admin invite, as `polku admin invite` prints it. */
export function adminInvite(): string {
  const out = execFileSync(bin, [
    "admin",
    "invite",
    "--database-url",
    process.env.POLKU_E2E_DATABASE_URL!,
    "--origin",
    "http://localhost:3100",
  ]).toString();
  const link = out.match(/http:\/\/localhost:3100(\/invite\/\S+)/)?.[1];
  if (!link) throw new Error(`no invite link in: ${out}`);
  return link;
}

/** A phone with a passkey authenticator that unlocks with the screen lock. */
export async function withPasskeyAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}
