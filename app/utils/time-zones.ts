// IANA time zones known to this runtime (Intl), for the profile's time-zone setting.
let zones: Set<string> | undefined;

export function timeZones(): string[] {
  const list = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  zones ??= new Set(list);
  return list;
}

/** A zone Intl knows: its canonical names, and the aliases it resolves (Asia/Ho_Chi_Minh, Asia/Kolkata). */
export function isTimeZone(value: string): boolean {
  if (!zones) timeZones();
  if (zones!.has(value)) return true;
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
