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

function mainSlice(bundle: ReportBundle): ReportSlice {
  return { filters: { insats: bundle.query.insats, kommun: bundle.query.kommun }, now: bundle.report, before: bundle.previous, goals: bundle.goals };
}

function options(bundle: ReportBundle) {
  return { threshold: bundle.smallNumberThreshold, enabled: true, closureCategories: bundle.closureReasonCategories };
}

let organisationId: string;

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
    const { counts, nonZero, small, hidden } = shown.summary;
    const primary = [...reportCounts(bundle.report), ...reportCounts(bundle.previous)].filter(([, value]) => value >= 1 && value < 3).length;
    expect(small).toBeLessThanOrEqual(primary);
    // Most non-zero counts stay visible.
    expect(nonZero - small - hidden).toBeGreaterThan(nonZero / 2);
    console.info(
      `demo 2026, alla insatser och kommuner: ${counts} tal, ${nonZero} ej noll; dolda förut ${primary} (${((100 * primary) / nonZero).toFixed(1)} % av ej noll), ` +
        `nu ${small + hidden} (${small} färre än 3, ${hidden} dolt; ${((100 * (small + hidden)) / nonZero).toFixed(1)} %)`,
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
