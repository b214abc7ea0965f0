// SKAPA assessments: one row per area and date, grouped into one assessment per enrolment and
// date. The area and the scale are the insats's own; a stored score may be added to, not changed.
import { asText, displayValue, labelKey, parseInteger } from "../values";
import { expectedList } from "../rows";
import { keep, rowsOf, type Seen, type ValidationContext } from "./context";
import { eventKeys, SEP } from "./keys";
import { attach } from "./periods";
import type { InsatsItem } from "./types";

type Area = { id: string; label: string };

export function validateSkapa(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  const plannedAssessments = new Map<string, string>();
  const areasOf = areaLookups();
  for (const r of rowsOf(ctx, "skapa")) {
    const at = attach(ctx, r);
    const areaValue = r.required("omrade");
    const scoreValue = r.required("poang");
    const insats = at?.period?.insatsId ? ctx.insatsById.get(at.period.insatsId) : undefined;
    let score: number | null = scoreValue === undefined ? null : parseInteger(scoreValue);
    if (scoreValue !== undefined && score === null) {
      r.fail("poang", `"${displayValue(scoreValue)}" är ingen giltig poäng. Förväntat ett heltal.`);
    }
    if (!at?.period || !insats) continue;
    let area: Area | undefined;
    if (areaValue !== undefined) {
      area = areasOf(insats).get(labelKey(asText(areaValue)));
      if (!area) {
        r.fail(
          "omrade",
          `"${displayValue(areaValue)}" är inget SKAPA-område i insatsen ${insats.name}. Förväntat ett av: ${expectedList(insats.areas.map((a) => a.label))}.`,
        );
      }
    }
    if (score !== null && (score < insats.skapaScaleMin || score > insats.skapaScaleMax)) {
      r.fail(
        "poang",
        `Poängen ${score} ligger utanför skalan i insatsen ${insats.name}. Förväntat ett heltal från ${insats.skapaScaleMin} till ${insats.skapaScaleMax}.`,
      );
      score = null;
    }
    if (!area || score === null) continue;

    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const assessmentKey = eventKeys.assessment(enrolmentId, date);
    const storedAssessment = ctx.existing.events.assessments.get(assessmentKey);
    let stored = false;
    if (storedAssessment) {
      const scoreKey = eventKeys.score(storedAssessment, area.id);
      if (ctx.existing.events.scores.has(scoreKey)) {
        const storedScore = ctx.existing.events.scores.get(scoreKey);
        if (storedScore !== score) {
          r.fail(
            "poang",
            `Området "${area.label}" har redan poängen ${storedScore ?? "tom"} för "${at.code}" den ${date} i Stegvis. ` +
              `Förväntat samma poäng, eller ändra bedömningen i Stegvis.`,
          );
        }
        stored = true;
      }
    }
    const key = [assessmentKey, area.id].join(SEP);
    const areaId = area.id;
    const participantScore = score;
    keep(ctx, r, "skapa", { key, seen, stored, what: "område" }, () => {
      let assessmentId = storedAssessment ?? plannedAssessments.get(assessmentKey);
      if (!assessmentId) {
        assessmentId = ctx.options.newId();
        plannedAssessments.set(assessmentKey, assessmentId);
        ctx.plan.assessments.push({ id: assessmentId, enrolmentId, date });
        ctx.counts.assessments += 1;
      }
      ctx.plan.scores.push({ assessmentId, areaId, participantScore });
    });
  }
}

/** Each insats's areas by label key, built the first time the insats is met. */
function areaLookups(): (insats: InsatsItem) => Map<string, Area> {
  const lookups = new Map<string, Map<string, Area>>();
  return (insats) => {
    let areas = lookups.get(insats.id);
    if (!areas) {
      areas = new Map();
      for (const area of insats.areas) if (!areas.has(labelKey(area.label))) areas.set(labelKey(area.label), area);
      lookups.set(insats.id, areas);
    }
    return areas;
  };
}
