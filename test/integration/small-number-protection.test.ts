// Small-number protection on the demo förbund, through the real database: every view the
// styrgrupp can choose (insats × kommun) is protected together, a reader using every relation
// the views publish recovers no hidden count, and the report stays worth reading.
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportBundle } from "~/data/statistics.server";
import { seedDemo } from "~/data/seed.server";
import { fullYear } from "~/domain/period";
import type { ReportBundle } from "~/domain/report-bundle";
import { protectReport, protectSlices, reportCounts, type ReportSlice } from "~/domain/statistics/disclosure";
import { naiveRecovered } from "~/domain/statistics/disclosure/testing";
import { BASELINE_FIELDS } from "../../scripts/cli/bench";

function mainSlice(bundle: ReportBundle): ReportSlice {
  return { filters: { insats: bundle.query.insats, kommun: bundle.query.kommun }, now: bundle.report, before: bundle.previous, goals: bundle.goals };
}

function options(bundle: ReportBundle) {
  return { threshold: bundle.smallNumberThreshold, enabled: true, closureCategories: bundle.closureReasonCategories, outcomeGroups: bundle.outcomeGroups };
}

let organisationId: string;

// The main tables: the fields of the first statistics issue, which the bench's SQL also computes.
const CORE_FIELDS = BASELINE_FIELDS;

function valueAt(node: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), node);
}

describe("small-number protection on the demo year", () => {
  beforeAll(async () => {
    organisationId = (await seedDemo({ today: "2026-11-24" }))!.organisationId;
  });

  it("leaves no hidden count recoverable across all views, and most counts visible", async () => {
    const bundle = await buildReportBundle(organisationId, { period: fullYear(2026), insats: null, kommun: null }, { suppressSmallNumbers: true });
    const slices = [mainSlice(bundle), ...bundle.linked];
    const { model, states } = protectSlices(slices, options(bundle));
    const rec = naiveRecovered(model.system, states, bundle.smallNumberThreshold);
    expect(rec).toEqual([]);

    const shown = protectReport(mainSlice(bundle), bundle.linked, options(bundle));
    expect(shown.now.active.total).toBe(bundle.report.active.total);
    // The tables of the statistics section as the förbunds publish them today (the report of the
    // first statistics issue), and everything with the newer cross-tables.
    const core = (path: readonly string[]) => CORE_FIELDS[path[0]!] === "all" || (CORE_FIELDS[path[0]!] ?? []).includes(path[1]!);
    const tally = (keep: (path: readonly string[]) => boolean) => {
      let nonZero = 0;
      let primary = 0;
      let hiddenNow = 0;
      for (const [period, raw, seen] of [
        ["now", bundle.report, shown.now],
        ["before", bundle.previous, shown.before],
      ] as const) {
        for (const [path, value] of reportCounts(raw)) {
          if (!keep(path) || value === 0) continue;
          nonZero++;
          if (value < 3) primary++;
          if (typeof valueAt(seen, path) === "string") hiddenNow++;
          void period;
        }
      }
      return { nonZero, primary, hiddenNow };
    };
    const main = tally(core);
    const all = tally(() => true);
    // Most non-zero counts of the main tables stay visible.
    expect(main.nonZero - main.hiddenNow).toBeGreaterThan(main.nonZero / 2);
    const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
    console.info(
      `demo 2026, alla insatser och kommuner, huvudtabellerna: ${main.nonZero} tal ej noll; dolda av primärregeln ${main.primary} (${pct(main.primary, main.nonZero)}), ` +
        `nu ${main.hiddenNow} (${pct(main.hiddenNow, main.nonZero)}). Med alla tabeller: ${all.nonZero} ej noll; ${all.primary} (${pct(all.primary, all.nonZero)}) → ${all.hiddenNow} (${pct(all.hiddenNow, all.nonZero)})`,
    );
  });

  it("keeps the demo's kommun views from the styrgrupp, since one kommun is small", async () => {
    const period = { from: "2026-01-01", to: "2026-06-30" };
    const kommun = await buildReportBundle(organisationId, { period, insats: null, kommun: "Älmhult" }, { suppressSmallNumbers: true });
    expect(kommun.steeringRefusal?.field).toBe("kommun");
    const both = await buildReportBundle(organisationId, { period, insats: "Samverkansteam", kommun: "Älmhult" }, { suppressSmallNumbers: true });
    expect(both.steeringRefusal?.message).toMatch(/inte båda/);
    // The förbundschef may still open it, protected together with the whole report.
    const { model, states } = protectSlices([mainSlice(both), ...both.linked], options(both));
    expect(states.some((state) => state !== "shown")).toBe(true);
    expect(naiveRecovered(model.system, states, both.smallNumberThreshold)).toEqual([]);
  });
});
