// The per-response Content-Security-Policy nonce, made available to the components that render
// inline scripts (Remix's <Scripts/>, <ScrollRestoration/>). Browsers hide the value from the DOM,
// so on the client it is an empty string.
import { createContext, useContext, type ReactNode } from "react";

const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce() {
  return useContext(NonceContext);
}
