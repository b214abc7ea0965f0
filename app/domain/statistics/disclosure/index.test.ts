import { describe, expect, it } from "vitest";
import { previousPeriod } from "../../period";
import { enrolment, reportInput, steps, YEAR_2025 } from "../testing";
import type { EnrolmentRecord, ReferralRecord, ReportInput } from "../types";
import { familyView, MIN_VIEW_SIZE, protectedViews, reportFamily, steeringRefusal } from "./family";
import { protectReport, protectSlices } from "./index";
import { naiveRecovered } from "./testing";
import { goalFollowUpFromRecords, type GoalTarget } from "../../goals";

const OPTIONS = { threshold: 3, enabled: true, closureCategories: { Arbete: "positive", "Avbrott, flytt": "negative" } as const };

function many(n: number, overrides: Partial<EnrolmentRecord> = {}): EnrolmentRecord[] {
  return Array.from({ length: n }, () => enrolment(overrides));
}

/** The whole report as the steering group sees it, and a check that nothing can be worked out. */
function protect(input: ReportInput, filters = { insats: null as string | null, kommun: null as string | null }, targets: GoalTarget[] = []) {
  const family = reportFamily(input, previousPeriod(input.period), (slice) => (targets.length ? goalFollowUpFromRecords(targets, slice) : []));
  const views = protectedViews(family);
  const main = familyView(family, filters)!;
  const { model, states } = protectSlices(views, OPTIONS);
  expect(naiveRecovered(model.system, states, 3)).toEqual([]);
  return protectReport(main, views, { ...OPTIONS, outcomeGroups: input.outcomeGroups });
}

const closed = (kommun: string, n: number) =>
  many(n, { kommun, enrolledDate: "2024-09-01", closedDate: "2025-05-01", closureReason: "Arbete", closureCategory: "positive" });

describe("the issue's examples cannot be worked back out", () => {
  it("Avslutade per kommun: Ljungby 6 + Markaryd 6 + Älmhult färre än 3 = 14", () => {
    const shown = protect(reportInput({ enrolments: [...closed("Ljungby", 6), ...closed("Markaryd", 6), ...closed("Älmhult", 2)] }));
    const byKommun = shown.now.closed.byKommun;
    expect(byKommun.Älmhult).toBe("färre än 3");
    expect([byKommun.Ljungby, byKommun.Markaryd]).toContain("dolt");
    expect(shown.now.closed.total).toBe(14);
  });

  it("Steg uppåt per kön: 24 + 14 + färre än 3 = 40", () => {
    const up = steps(["2025-01-10", 1], ["2025-05-01", 3]);
    const shown = protect(
      reportInput({
        enrolments: [
          ...many(24, { gender: "kvinna", placements: up }),
          ...many(14, { gender: "man", placements: up }),
          ...many(2, { gender: "annat", placements: up }),
        ],
      }),
    );
    const byGender = shown.now.trappan.byGender;
    expect(byGender.annat?.movedUp).toBe("färre än 3");
    expect([byGender.kvinna.movedUp, byGender.man.movedUp]).toContain("dolt");
    expect(byGender.annat?.share).toBe("–");
  });

  it("Remisser per remittent: 46 of 47 shown would give away Annan insats 1", () => {
    const referral = (referrer: string): ReferralRecord => ({ date: "2025-03-01", referrer, kommun: "Ljungby", insats: "SamSteg", decision: "inskriven" });
    const referrals = [
      ...Array.from({ length: 20 }, () => referral("Försäkringskassan")),
      ...Array.from({ length: 15 }, () => referral("Arbetsförmedlingen")),
      ...Array.from({ length: 11 }, () => referral("Socialtjänst")),
      referral("Annan insats"),
    ];
    const shown = protect(reportInput({ enrolments: many(30), referrals }));
    expect(shown.now.referrals.byReferrer["Annan insats"]).toBe("färre än 3");
    expect(shown.now.referrals.byReferrer.Socialtjänst).toBe("dolt");
    expect(shown.now.referrals.total).toBe(47);
  });

  it("Höjd aktivitetsnivå föregående period: total 7, one 3 and four hidden cells", () => {
    const support = (type: string) => ({ date: "2024-04-01", type, raisesActivityLevel: true });
    const enrolments = [
      ...many(3, { enrolledDate: "2024-01-10", support: [support("Arbetsträning")] }),
      ...["Studier", "Praktik", "Kurs", "Friskvård"].map((type) => enrolment({ enrolledDate: "2024-01-10", support: [support(type)] })),
      ...many(25),
    ];
    const shown = protect(reportInput({ enrolments }));
    const byType = shown.before.support.byType;
    expect(byType.Arbetsträning?.raisedActivity).toBe("dolt");
    expect(shown.before.support.raisedActivity).toBe(7);
  });

  it("Kvinnor färre än 3, Män 3 (75,0 %), Totalt 4: one more cell and the share are hidden", () => {
    const shown = protect(reportInput({ enrolments: [enrolment({ gender: "kvinna" }), ...many(3, { gender: "man" })] }));
    const { byGender, total } = shown.now.active;
    expect(byGender.kvinna).toBe("färre än 3");
    expect([byGender.man, total]).toContain("dolt");
  });

  it("shows two small parts of a small total as färre än 3 and the total as dolt", () => {
    const shown = protect(reportInput({ enrolments: [enrolment({ gender: "kvinna" }), enrolment({ gender: "man" })] }));
    const { byGender, total } = shown.now.active;
    // "färre än 3" three times would say 1, 1 and 2: one of them is shown as "dolt" instead.
    expect([byGender.kvinna, byGender.man, total]).toContain("dolt");
    expect([byGender.kvinna, byGender.man, total].every((cell) => typeof cell === "string")).toBe(true);
  });

  it("protects FOV by kön even where the view shows small numbers", () => {
    const screened = (outcome: "ja" | "nej", gender: "kvinna" | "man") => enrolment({ gender, fov: [{ date: "2025-02-01", outcome }] });
    const input = reportInput({ enrolments: [screened("ja", "kvinna"), ...Array.from({ length: 5 }, () => screened("nej", "man")), ...many(10)] });
    const family = reportFamily(input, previousPeriod(input.period), () => []);
    const shown = protectReport(family.whole, [], { ...OPTIONS, enabled: false });
    expect(shown.now.fov.answeredByGender.kvinna).toBe("färre än 3");
    expect(shown.now.fov.answered).toBe(6);
    expect(shown.now.fov.answeredByGender.man).toBe("dolt");
    expect(shown.now.active.total).toBe(16);
  });
});

describe("the report's newer tables", () => {
  it("försörjning at start: 23 + färre än 3 beside 25 active keeps a second cell back", () => {
    const shown = protect(reportInput({ enrolments: [...many(23, { incomeStart: "Sjukpenning" }), ...many(2, { incomeStart: "Lön" })] }));
    expect(shown.now.income.atStart.Lön).toBe("färre än 3");
    expect(shown.now.income.atStart.Sjukpenning).toBe("dolt");
    expect(shown.now.active.total).toBe(25);
  });
});

describe("goals", () => {
  it("an outcome group's share by kön: Män 2 of 2 closed is kept back, and so is what would give it away", () => {
    const closure = (gender: "kvinna" | "man", n: number, closureReason: string) =>
      many(n, {
        gender,
        enrolledDate: "2024-09-01",
        closedDate: "2025-05-01",
        closureReason,
        closureCategory: closureReason === "Arbete" ? "positive" : "negative",
      });
    const input = reportInput({
      outcomeGroups: [{ name: "Arbete eller studier", reasons: ["Arbete", "Studier"] }],
      enrolments: [...closure("kvinna", 8, "Arbete"), ...closure("man", 2, "Arbete"), ...closure("kvinna", 5, "Avbrott, flytt")],
    });
    const shown = protect(input, undefined, [{ metric: "outcome_group_share", outcomeGroup: "Arbete eller studier", value: 0.6 }]);
    const [goal] = shown.goals;
    expect(goal!.byGender.man).toBe("–");
    expect(goal!.outcome).toBeCloseTo(10 / 15);
    expect(shown.now.closed.byGroup["Arbete eller studier"]).toBe(10);
  });
});

describe("the cross-tables", () => {
  it("avslutsskäl per kommun: a small cell gets a partner in its row and its column", () => {
    const closedIn = (kommun: string, closureReason: string, n: number) =>
      many(n, { kommun, enrolledDate: "2024-09-01", closedDate: "2025-05-01", closureReason, closureCategory: "positive" });
    const shown = protect(
      reportInput({
        enrolments: [
          ...closedIn("Ljungby", "Arbete", 6),
          ...closedIn("Ljungby", "Studier", 1),
          ...closedIn("Markaryd", "Arbete", 5),
          ...closedIn("Markaryd", "Studier", 4),
          ...many(30),
        ],
      }),
    );
    const cross = shown.now.closed.byReasonByKommun;
    expect(cross.Studier?.Ljungby).toBe("färre än 3");
    expect([cross.Studier?.Markaryd, cross.Arbete?.Ljungby]).toContain("dolt");
  });

  it("Trappan transitions: a small cell is not given away by its baseline row", () => {
    const moved = (from: number, to: number, n: number) => many(n, { placements: steps(["2025-01-10", from], ["2025-05-01", to]) });
    const shown = protect(reportInput({ enrolments: [...moved(2, 4, 6), ...moved(2, 3, 1), ...moved(1, 3, 5), ...moved(1, 4, 4)] }));
    const transitions = shown.now.trappan.transitions;
    expect(transitions["2"]?.["3"]).toBe("färre än 3");
    expect(transitions["2"]?.["4"]).toBe("dolt");
  });
});

describe("the shown report", () => {
  it("follows the report's shape: a kommun named like a field is still a count, shares follow their counts", () => {
    const up = steps(["2025-01-10", 1], ["2025-05-01", 3]);
    const shown = protect(reportInput({ enrolments: [...many(5, { kommun: "share", placements: up }), ...many(4, { kommun: "Ljungby", placements: up })] }));
    expect(shown.now.active.byKommun.share).toBe(5);
    expect(shown.now.trappan.byKommun.share).toEqual({ measured: 5, movedUp: 5, share: 1 });
    expect(shown.now.trappan.share).toBe(1);
    expect(shown.now.period).toEqual(YEAR_2025);
  });
});

describe("views across the filters", () => {
  /** Three kommuner big enough to be opened, each with a few small cells. */
  function threeKommuner(): ReportInput {
    const enrolments: EnrolmentRecord[] = [];
    const genders = ["kvinna", "man"] as const;
    const groups = ["16–19", "20–29", "30–39", "40–49"];
    let i = 0;
    for (const [kommun, size] of [
      ["Ljungby", 31],
      ["Markaryd", 24],
      ["Älmhult", 22],
    ] as const) {
      for (let k = 0; k < size; k++, i++) {
        enrolments.push(
          enrolment({
            kommun,
            gender: genders[i % 7 === 0 ? 0 : 1]!,
            ageGroup: groups[(i * 5) % 4]!,
            enrolledDate: "2024-02-01",
            closedDate: i % 9 === 0 ? "2025-03-01" : null,
            closureReason: i % 9 === 0 ? "Arbete" : null,
            closureCategory: i % 9 === 0 ? "positive" : null,
          }),
        );
      }
    }
    return reportInput({ period: YEAR_2025, enrolments });
  }

  it("opens the kommun views when each kommun is big enough, and protects them with the whole report", () => {
    const input = threeKommuner();
    const family = reportFamily(input, previousPeriod(input.period), () => []);
    expect(family.open.kommun).toBe(true);
    const views = protectedViews(family);
    expect(views).toHaveLength(4);
    const { model, states } = protectSlices(views, OPTIONS);
    expect(naiveRecovered(model.system, states, 3)).toEqual([]);
    const whole = protectReport(family.whole, views, OPTIONS);
    for (const view of family.views.kommun) {
      const kommun = view.filters.kommun!;
      const own = protectReport(view, views, OPTIONS);
      expect(own.now.active.total).toEqual(whole.now.active.byKommun[kommun]);
      expect(own.now.closed.total).toEqual(whole.now.closed.byKommun[kommun] ?? 0);
    }
  });

  it("closes the kommun views to steering roles when one kommun is small, and an insats in a kommun always", () => {
    const input = reportInput({ enrolments: [...many(MIN_VIEW_SIZE, { kommun: "Ljungby" }), ...many(MIN_VIEW_SIZE - 1, { kommun: "Älmhult" })] });
    const family = reportFamily(input, previousPeriod(input.period), () => []);
    expect(family.open.kommun).toBe(false);
    expect(protectedViews(family)).toEqual([family.whole]);
    expect(steeringRefusal(family, { insats: null, kommun: "Ljungby" })?.field).toBe("kommun");
    expect(steeringRefusal(family, { insats: "SamSteg", kommun: "Ljungby" })?.message).toMatch(/inte båda/);
    expect(steeringRefusal(family, { insats: null, kommun: null })).toBeNull();
  });
});
