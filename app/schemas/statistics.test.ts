import { describe, expect, it } from "vitest";
import { parseStatisticsQuery, resolvePeriod, statisticsSearch, type StatisticsQuery } from "./statistics";

const TODAY = "2026-11-24";
const parse = (search: string) => parseStatisticsQuery(new URLSearchParams(search), TODAY);

function query(search: string): StatisticsQuery {
  const parsed = parse(search);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

const INSATSER = [
  { name: "SamSteg", startDate: "2023-11-01" },
  { name: "Samverkansteam", startDate: "2024-03-01" },
  { name: "Ny insats", startDate: null },
];

describe("the statistics query in the URL", () => {
  it("shows this year, all insatser and kommuner, small numbers hidden, on a fresh visit", () => {
    expect(query("")).toEqual({ period: "helar", ar: 2026, fran: null, till: null, insats: null, kommun: null, dolj: true });
  });

  it("reads the small-number box as the form sends it: a hidden 0, and a 1 when ticked", () => {
    expect(query("dolj=0").dolj).toBe(false);
    expect(query("dolj=0&dolj=1").dolj).toBe(true);
  });

  it("asks for both dates of a custom period, in order", () => {
    expect(parse("period=anpassad")).toMatchObject({
      ok: false,
      errors: { fran: "Ange från vilket datum, ÅÅÅÅ-MM-DD.", till: "Ange till vilket datum, ÅÅÅÅ-MM-DD." },
    });
    expect(parse("period=anpassad&fran=2025-08-31&till=2025-01-01")).toMatchObject({
      ok: false,
      errors: { till: "Till-datumet får inte vara före från-datumet." },
    });
    expect(parse("period=anpassad&fran=2025-02-30&till=2025-03-01")).toMatchObject({
      ok: false,
      errors: { fran: "Från-datumet är inte ett giltigt datum." },
    });
    expect(parse("period=kvartal&ar=tjugo")).toMatchObject({
      ok: false,
      errors: { period: "Välj en period i listan.", ar: "Året ska vara ett årtal." },
    });
  });
});

describe("the period of a view", () => {
  it("turns the presets into dates", () => {
    expect(resolvePeriod(query("period=helar&ar=2025"), INSATSER)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-12-31" } });
    expect(resolvePeriod(query("period=jan-jun&ar=2025"), INSATSER)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-06-30" } });
    expect(resolvePeriod(query("period=jan-aug&ar=2025"), INSATSER)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-08-31" } });
    expect(resolvePeriod(query("period=anpassad&fran=2025-03-01&till=2025-05-31"), INSATSER)).toEqual({
      ok: true,
      period: { from: "2025-03-01", to: "2025-05-31" },
    });
  });

  it("runs since the start from the insats's start date, or the earliest one, to the end of the year", () => {
    expect(resolvePeriod(query("period=sedan-start&ar=2025&insats=Samverkansteam"), INSATSER)).toEqual({
      ok: true,
      period: { from: "2024-03-01", to: "2025-12-31" },
    });
    expect(resolvePeriod(query("period=sedan-start&ar=2025"), INSATSER)).toEqual({ ok: true, period: { from: "2023-11-01", to: "2025-12-31" } });
    expect(resolvePeriod(query("period=sedan-start&ar=2025&insats=Ny%20insats"), INSATSER)).toEqual({
      ok: false,
      field: "period",
      message: "Insatsen Ny insats har inget startdatum. Förbundschefen anger det under Administration → Insatser; välj under tiden en annan period.",
    });
    expect(resolvePeriod(query("period=sedan-start&ar=2022&insats=SamSteg"), INSATSER)).toEqual({
      ok: false,
      field: "ar",
      message: "Insatsen startade först 2023-11-01. Välj ett senare år.",
    });
  });

  it("writes a view back as a link with only what it needs", () => {
    expect(statisticsSearch(query("period=jan-aug&ar=2025&insats=SamSteg&fran=2020-01-01"), true)).toBe("period=jan-aug&ar=2025&insats=SamSteg&dolj=1");
    expect(statisticsSearch(query("period=anpassad&fran=2025-03-01&till=2025-05-31&kommun=%C3%84lmhult"), false)).toBe(
      "period=anpassad&fran=2025-03-01&till=2025-05-31&kommun=%C3%84lmhult&dolj=0",
    );
  });
});
