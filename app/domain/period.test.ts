import { describe, expect, it } from "vitest";
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  todayInSweden,
  fullYear,
  inPeriod,
  isPlausibleDate,
  isValidIsoDate,
  isValidPeriod,
  janAug,
  janJun,
  maxDate,
  minDate,
  previousPeriod,
  shiftYears,
  sinceStart,
} from "./period";

describe("isValidIsoDate", () => {
  it("accepts existing calendar dates, including leap days", () => {
    for (const date of ["2025-01-31", "2024-02-29", "2000-02-29", "2025-04-30", "2025-12-31"]) {
      expect(isValidIsoDate(date)).toBe(true);
    }
  });

  it("rejects dates that do not exist or are not written YYYY-MM-DD", () => {
    const invalid = [
      "2025-02-29",
      "1900-02-29",
      "2025-04-31",
      "2025-13-01",
      "2025-00-10",
      "2025-01-00",
      "2025-1-01",
      "20250101",
      "2025-01-01T00:00",
      " 2025-01-01",
      "",
      "0000-01-01",
    ];
    for (const date of invalid) expect(isValidIsoDate(date)).toBe(false);
  });
});

describe("isValidPeriod", () => {
  it("requires valid ends with from not after to", () => {
    expect(isValidPeriod({ from: "2025-01-01", to: "2025-01-01" })).toBe(true);
    expect(isValidPeriod({ from: "2025-01-02", to: "2025-01-01" })).toBe(false);
    expect(isValidPeriod({ from: "2025-01-01", to: "2025-02-30" })).toBe(false);
  });
});

describe("minDate and maxDate", () => {
  it("pick the earliest and latest date across month and year boundaries", () => {
    expect(minDate("2025-03-01", "2024-12-31", "2025-01-15")).toBe("2024-12-31");
    expect(maxDate("2025-03-01", "2024-12-31", "2025-10-01")).toBe("2025-10-01");
    expect(minDate("2025-06-30")).toBe("2025-06-30");
  });
});

describe("inPeriod", () => {
  const period = { from: "2025-01-01", to: "2025-06-30" };

  it("includes both ends", () => {
    expect(inPeriod("2025-01-01", period)).toBe(true);
    expect(inPeriod("2025-06-30", period)).toBe(true);
  });

  it("excludes the day before and the day after", () => {
    expect(inPeriod("2024-12-31", period)).toBe(false);
    expect(inPeriod("2025-07-01", period)).toBe(false);
  });
});

describe("previousPeriod", () => {
  it("is the same dates one year earlier", () => {
    expect(previousPeriod({ from: "2025-01-01", to: "2025-08-31" })).toEqual({
      from: "2024-01-01",
      to: "2024-08-31",
    });
  });

  it("turns 29 February into 28 February", () => {
    expect(previousPeriod({ from: "2024-02-29", to: "2024-12-31" })).toEqual({
      from: "2023-02-28",
      to: "2023-12-31",
    });
    expect(previousPeriod({ from: "2024-01-01", to: "2024-02-29" }).to).toBe("2023-02-28");
  });

  it("keeps 28 February when going back into a leap year", () => {
    expect(previousPeriod({ from: "2025-02-28", to: "2025-03-01" })).toEqual({
      from: "2024-02-28",
      to: "2024-03-01",
    });
  });
});

describe("shiftYears", () => {
  it("keeps a leap day between leap years and zero-pads the year", () => {
    expect(shiftYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(shiftYears("1000-05-01", -1)).toBe("0999-05-01");
  });
});

describe("period presets", () => {
  it("cover the usual report periods", () => {
    expect(fullYear(2025)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(janJun(2025)).toEqual({ from: "2025-01-01", to: "2025-06-30" });
    expect(janAug(2025)).toEqual({ from: "2025-01-01", to: "2025-08-31" });
    expect(sinceStart("2019-09-01", "2025-12-31")).toEqual({ from: "2019-09-01", to: "2025-12-31" });
  });
});

describe("day arithmetic", () => {
  it("counts whole days across a daylight-saving change and a leap day", () => {
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-12-31", "2025-01-01")).toBe(-364);
  });
  it("adds and subtracts days over month and year ends", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-05-30", -90)).toBe("2024-03-01");
  });
  it("numbers days from 1970 and back", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dateOfDayNumber(dayNumber("2024-02-29") + 1)).toBe("2024-03-01");
    expect(() => dayNumber("2025-02-29")).toThrow("Invalid date");
  });
  it("gives today's date in Swedish time", () => {
    expect(todayInSweden(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
    expect(todayInSweden(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });
});

describe("isPlausibleDate", () => {
  it("accepts real dates from 1900-01-01 to 2100-12-31", () => {
    for (const date of ["1900-01-01", "1980-01-01", "2025-03-14", "2100-12-31"]) expect(isPlausibleDate(date)).toBe(true);
  });

  it("refuses dates outside those years, and dates that do not exist", () => {
    for (const date of ["1899-12-31", "0001-01-01", "2101-01-01", "9999-12-31", "2025-02-29"]) expect(isPlausibleDate(date)).toBe(false);
  });
});
