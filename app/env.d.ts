/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { Messages } from "./locales/en";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response (set by app/server.ts). */
    cspNonce?: string;
    /** Set by entry.server.tsx when rendering failed after the page began to stream (never cached). */
    render?: { failed: boolean };
  }
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
