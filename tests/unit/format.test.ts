import { describe, expect, it } from "vitest";
import { countryName, formatDate } from "~/utils/format";

describe("remembered formatting", () => {
  it("gives the same answer the second time, per language, time zone and precision", () => {
    const at = "2026-03-16T23:30:00.000Z";
    for (let round = 0; round < 2; round++) {
      expect(formatDate(at, "en")).toBe("16 Mar 2026");
      expect(formatDate(at, "en", "Asia/Ho_Chi_Minh")).toBe("17 Mar 2026");
      expect(formatDate(at, "en", "UTC", true)).toBe("16 Mar 2026, 23:30");
      expect(formatDate(at, "fr", "UTC", true)).toMatch(/^16 mars 2026/);
      expect(formatDate("2026-03-16", "en", "Pacific/Kiritimati")).toBe("16 Mar 2026");
      expect(formatDate(at, "en", "Not/A_Zone")).toBe("16 Mar 2026");
      expect(formatDate("not a date", "en")).toBe("");
      expect(formatDate(null, "en")).toBe("");
      expect(countryName("VN", "en")).toBe("Vietnam");
      expect(countryName("VN", "fr")).toBe("Viêt Nam");
      expect(countryName("??", "en")).toBe("??");
    }
  });
});
