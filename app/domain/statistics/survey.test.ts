import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, reportInput } from "./testing";
import type { EnrolmentRecord } from "./types";

const closed = (extra: Partial<EnrolmentRecord>) => enrolment({ closedDate: "2025-05-01", closureReason: "Arbete", closureCategory: "positive", ...extra });
const survey = (...enrolments: EnrolmentRecord[]) => computeReport(reportInput({ enrolments })).survey;

describe("the participant's own view at closure", () => {
  it("counts answers and ja per question and kön over the closures of the period", () => {
    const s = survey(
      closed({ gender: "kvinna", surveySupport: true, surveyInfluence: false, surveyReadiness: true }),
      closed({ gender: "kvinna", surveySupport: false, surveyInfluence: true, surveyReadiness: null }),
      closed({ gender: "man", surveySupport: true, surveyInfluence: true, surveyReadiness: false }),
      // Closed before the period, and still open: neither is asked about this period.
      closed({ closedDate: "2024-12-31", surveySupport: true }),
      enrolment({ surveySupport: true }),
    );
    expect(s.support).toEqual({ answered: 3, yes: 2, answeredByGender: { kvinna: 2, man: 1 }, yesByGender: { kvinna: 1, man: 1 } });
    expect(s.influence).toEqual({ answered: 3, yes: 2, answeredByGender: { kvinna: 2, man: 1 }, yesByGender: { kvinna: 1, man: 1 } });
    expect(s.readiness).toEqual({ answered: 2, yes: 1, answeredByGender: { kvinna: 1, man: 1 }, yesByGender: { kvinna: 1, man: 0 } });
  });

  it("does not count a closure without an answer as answered", () => {
    const s = survey(closed({ gender: "man" }));
    expect(s.support).toEqual({ answered: 0, yes: 0, answeredByGender: { kvinna: 0, man: 0 }, yesByGender: { kvinna: 0, man: 0 } });
  });

  it("shows annat only when someone of annat or unstated kön answered", () => {
    const s = survey(closed({ gender: "annat", surveySupport: false }));
    expect(s.support.answeredByGender).toEqual({ kvinna: 0, man: 0, annat: 1 });
    expect(s.influence.answeredByGender).toEqual({ kvinna: 0, man: 0 });
  });
});
