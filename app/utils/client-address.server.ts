// The address a request came from, for rate limits and the sessions list.

/**
 * The client's address: the socket's, or, behind `trustedHops` proxies of ours, the entry of
 * X-Forwarded-For that the outermost trusted proxy appended (counted from the right). Entries to
 * the left of it are the client's own words and are never believed.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = socketAddress || "unknown";
  if (trustedHops === 0 || forwardedFor === undefined) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // [socket, nearest proxy's entry, …, leftmost]: hop n is the address the n-th proxy saw.
  const chain = [socket, ...entries.reverse()];
  return chain[Math.min(trustedHops, chain.length - 1)];
}
