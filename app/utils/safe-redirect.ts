// Redirects to addresses that come from outside (`redirectTo` fields and parameters): they must
// stay on this site, however they are spelled.

/** Any origin of ours would do: targets are resolved against it and must keep it. */
const SITE = "http://site.invalid";

/**
 * A redirect target that stays on this site, as a normalised, percent-encoded path (with its query
 * and fragment), else the fallback.
 *
 * The target is resolved with new URL() exactly as a browser would resolve a Location header
 * (backslashes are slashes, `.` and `..` segments collapse, tabs and newlines vanish), and refused
 * when it lands on another origin or on a path that starts with `//` or `/\` — the forms browsers
 * read as another host. What is returned is the resolved form, so what was checked is what is sent,
 * and it is ASCII, as a Location header must be.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Control characters are dropped by URL parsers (so `/\t/evil.com` would become `//evil.com`).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  const path = url.pathname;
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // Routers decode paths before matching and some re-resolve them: a path that decodes to another
  // host (`/%2F%2Fevil.com`, `/%5Cevil.com`) is refused as well.
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  if (/^[/\\]{2}/.test(decoded) || decoded.includes("\\")) return fallback;
  return path + url.search + url.hash;
}
