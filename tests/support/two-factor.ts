// Codes of the demo's published TOTP key (db/demo/two-factor.ts), computed as an authenticator
// app would, for the demo admin and chairs.
import { totpCode, totpStep } from "~/models/two-factor.server";
import { DEMO_TOTP_SECRET } from "~/ops/demo/two-factor.server";

export { DEMO_TOTP_SECRET };

/** The code of `secret` for the current 30-second step (or `offset` steps away). */
export function codeFor(secret: string, offset = 0): string {
  return totpCode(secret, totpStep() + offset);
}

/** A six-digit code that no step around now accepts for this secret. */
export function wrongCodeFor(secret: string): string {
  const valid = new Set([-1, 0, 1].map((offset) => codeFor(secret, offset)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}
