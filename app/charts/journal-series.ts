// The numbers behind the participant page's two charts, from one enrolment's rows. Pure; the
// chart.js configuration that draws them is built in journal-datasets.ts.
import { byDate, type DatedRow, type SkapaScore, type TrappanStep } from "~/domain/timeline";

export interface TrappanSeries {
  enrolledDate: string;
  steps: readonly TrappanStep[];
  /** The placements, oldest first. */
  points: Array<{ date: string; step: number }>;
}

/** Trappan over time for one enrolment: the line chart's points, oldest first. */
export function trappanSeries(enrolment: {
  enrolledDate: string;
  insats: { trappanSteps: readonly TrappanStep[] };
  placements: ReadonlyArray<DatedRow & { step: number }>;
}): TrappanSeries {
  return {
    enrolledDate: enrolment.enrolledDate,
    steps: enrolment.insats.trappanSteps,
    points: byDate(enrolment.placements).map((row) => ({ date: row.date, step: row.step })),
  };
}

export interface SkapaRatings {
  participant: number | null;
  coordinator: number | null;
}

export interface SkapaComparison {
  min: number;
  max: number;
  firstDate: string;
  latestDate: string | null;
  hasCoordinator: boolean;
  areas: Array<{ label: string; first: SkapaRatings; latest: SkapaRatings | null }>;
}

type Assessment = DatedRow & { scores: readonly SkapaScore[] };

function ratings(assessment: Assessment, areaId: string): SkapaRatings {
  const score = assessment.scores.find((s) => s.areaId === areaId);
  return { participant: score?.participantScore ?? null, coordinator: score?.coordinatorScore ?? null };
}

const answers = (assessment: Assessment | null, areaId: string) => assessment?.scores.some((score) => score.areaId === areaId) ?? false;

/**
 * SKAPA's first and latest assessment of one enrolment, per area of the instrument (areas retired
 * since are kept when either assessment answered them), the participant's and the coordinator's.
 * Null before the first assessment.
 */
export function skapaComparison(enrolment: {
  insats: { skapaScaleMin: number; skapaScaleMax: number; skapaAreas: ReadonlyArray<{ id: string; label: string; retired: boolean }> };
  assessments: readonly Assessment[];
}): SkapaComparison | null {
  const assessments = byDate(enrolment.assessments);
  if (assessments.length === 0) return null;
  const first = assessments[0];
  const latest = assessments.length > 1 ? assessments[assessments.length - 1] : null;
  const areas = enrolment.insats.skapaAreas
    .filter((area) => !area.retired || answers(first, area.id) || answers(latest, area.id))
    .map((area) => ({ label: area.label, first: ratings(first, area.id), latest: latest ? ratings(latest, area.id) : null }));
  return {
    min: enrolment.insats.skapaScaleMin,
    max: enrolment.insats.skapaScaleMax,
    firstDate: first.date,
    latestDate: latest?.date ?? null,
    hasCoordinator: areas.some((area) => area.first.coordinator !== null || area.latest?.coordinator != null),
    areas,
  };
}
