// clientAddressOf (app/utils/client-address.server.ts): which address rate limits count.
import { describe, expect, it } from "vitest";
import { clientAddressOf } from "~/utils/client-address.server";

describe("clientAddressOf", () => {
  it("takes the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.9", "1.2.3.4", 0)).toBe("203.0.113.9");
    expect(clientAddressOf(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind one proxy takes the entry it appended (the rightmost), not the client's own", () => {
    expect(clientAddressOf("10.0.0.1", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.1", "1.1.1.1, 2.2.2.2 ,198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.1", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("behind two proxies counts two from the right", () => {
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("never goes past the chain: fewer entries than proxies gives the leftmost", () => {
    expect(clientAddressOf("10.0.0.1", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.1", "", 1)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
  });
});
