// IANA time zones known to this runtime (Intl), for the profile's time-zone setting.
let zones: Set<string> | undefined;

export function timeZones(): string[] {
  const list = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  zones ??= new Set(list);
  return list;
}

export function isTimeZone(value: string): boolean {
  if (!zones) timeZones();
  return zones!.has(value);
}
