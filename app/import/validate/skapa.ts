// SKAPA assessments: one row per area and date, grouped into one assessment per enrolment and
// date. The area and the scale are the insats's own; a stored score may be added to, not changed.
// A row is the participant's own rating, or with bedomare = koordinator the koordinator's rating
// of the same area on the same date: both land on the one score row of that area.
import { asText, displayValue, labelKey, parseInteger, parseRater, type Rater } from "../values";
import { expectedList } from "../rows";
import { keep, rowsOf, type Seen, type ValidationContext } from "./context";
import { eventKeys, SEP } from "./keys";
import { attach } from "./periods";
import type { ImportPlan, InsatsItem } from "./types";

type Area = { id: string; label: string };

export function validateSkapa(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  const plannedAssessments = new Map<string, string>();
  const plannedScores = new Map<string, ImportPlan["scores"][number]>();
  const plannedUpdates = new Map<string, ImportPlan["scoreUpdates"][number]>();
  const areasOf = areaLookups();
  for (const r of rowsOf(ctx, "skapa")) {
    const at = attach(ctx, r);
    const areaValue = r.required("omrade");
    const scoreValue = r.required("poang");
    const raterValue = r.raw("bedomare");
    const rater: Rater | null = raterValue === undefined ? "deltagare" : parseRater(raterValue);
    if (rater === null)
      r.fail("bedomare", `"${displayValue(raterValue)}" är ingen giltig bedömare. Förväntat deltagare eller koordinator (tomt betyder deltagare).`);
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
    if (!area || score === null || rater === null) continue;

    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const assessmentKey = eventKeys.assessment(enrolmentId, date);
    const storedAssessment = ctx.existing.events.assessments.get(assessmentKey);
    const storedScoreKey = storedAssessment ? eventKeys.score(storedAssessment, area.id) : null;
    // The stored score row of this area, if any: its rating by this row's rater may be filled in, not changed.
    let stored = false;
    let fillIn = false;
    if (storedScoreKey !== null && ctx.existing.events.scores.has(storedScoreKey)) {
      const storedScore = rater === "deltagare" ? ctx.existing.events.scores.get(storedScoreKey) : ctx.existing.events.coordinatorScores.get(storedScoreKey);
      if (storedScore === undefined || storedScore === null) fillIn = true;
      else {
        if (storedScore !== score) {
          const whose = rater === "deltagare" ? "" : " i koordinatorns bedömning";
          r.fail(
            "poang",
            `Området "${area.label}" har redan poängen ${storedScore}${whose} för "${at.code}" den ${date} i Stegvis. ` +
              `Förväntat samma poäng, eller ändra bedömningen i Stegvis.`,
          );
        }
        stored = true;
      }
    }
    const key = [assessmentKey, area.id, rater].join(SEP);
    const areaId = area.id;
    const rating = score;
    const forRater = rater === "deltagare" ? { participantScore: rating } : { coordinatorScore: rating };
    keep(ctx, r, "skapa", { key, seen, stored, what: rater === "deltagare" ? "område" : "område (koordinatorns bedömning)" }, () => {
      if (fillIn) {
        const updateKey = [storedAssessment, areaId].join(SEP);
        const update = plannedUpdates.get(updateKey);
        if (update) Object.assign(update, forRater);
        else {
          const created = { assessmentId: storedAssessment!, areaId, ...forRater };
          plannedUpdates.set(updateKey, created);
          ctx.plan.scoreUpdates.push(created);
        }
        return;
      }
      let assessmentId = storedAssessment ?? plannedAssessments.get(assessmentKey);
      if (!assessmentId) {
        assessmentId = ctx.options.newId();
        plannedAssessments.set(assessmentKey, assessmentId);
        ctx.plan.assessments.push({ id: assessmentId, enrolmentId, date });
        ctx.counts.assessments += 1;
      }
      // The participant's and the koordinator's rows of one area and date are one score row.
      const scoreKey = [assessmentId, areaId].join(SEP);
      const planned = plannedScores.get(scoreKey);
      if (planned) Object.assign(planned, forRater);
      else {
        const created: ImportPlan["scores"][number] = { assessmentId, areaId, participantScore: null, ...forRater };
        plannedScores.set(scoreKey, created);
        ctx.plan.scores.push(created);
      }
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
