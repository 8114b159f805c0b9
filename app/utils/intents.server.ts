// A form with several intents (name="intent") is answered by one handler per intent: routes keep
// a table of them, and this picks the form's.

/**
 * Runs the handler of `intent`; an intent the table does not have is answered by `otherwise`
 * (a route's 400).
 */
export function runIntent<Args, H extends Record<string, (args: Args) => unknown>, O>(
  handlers: H,
  intent: unknown,
  args: Args,
  otherwise: (args: Args) => O,
): ReturnType<H[keyof H]> | O {
  const name = typeof intent === "string" ? intent : "";
  return Object.hasOwn(handlers, name) ? (handlers[name](args) as ReturnType<H[keyof H]>) : otherwise(args);
}
