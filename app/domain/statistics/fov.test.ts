import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, H1_2025, reportInput } from "./testing";
import type { EnrolmentRecord, FovScreening } from "./types";

const fov = (...enrolments: EnrolmentRecord[]) => computeReport(reportInput({ period: H1_2025, enrolments })).fov;
const screened = (date: string, outcome: FovScreening["outcome"]): FovScreening => ({ date, outcome });

describe("FOV", () => {
  it("keeps a ja when a later screening says nej", () => {
    const f = fov(enrolment({ fov: [screened("2025-01-10", "ja"), screened("2025-04-10", "nej")] }));
    expect([f.answered, f.yes]).toEqual([1, 1]);
  });

  it("does not count avböjt or ej tillfrågad as answers", () => {
    const f = fov(
      enrolment({ fov: [screened("2025-01-10", "avbojt")] }),
      enrolment({ fov: [screened("2025-01-10", "ej_tillfragad"), screened("2025-02-10", "nej")] }),
    );
    expect([f.answered, f.yes]).toEqual([1, 0]);
  });

  it("ignores screenings after the end of the period and enrolments not active in it", () => {
    const f = fov(
      enrolment({ fov: [screened("2025-07-01", "ja")] }),
      enrolment({ closedDate: "2024-12-01", fov: [screened("2024-10-01", "ja")] }),
      enrolment({ fov: [screened("2024-10-01", "nej")] }),
    );
    expect([f.answered, f.yes]).toEqual([1, 0]);
  });

  it("splits by kön, with annat only when non-zero", () => {
    const f = fov(
      enrolment({ gender: "kvinna", fov: [screened("2025-01-10", "ja")] }),
      enrolment({ gender: "kvinna", fov: [screened("2025-01-10", "nej")] }),
      enrolment({ gender: "man", fov: [screened("2025-01-10", "nej")] }),
      enrolment({ gender: "annat", fov: [screened("2025-01-10", "nej")] }),
    );
    expect(f).toEqual({
      answered: 4,
      yes: 1,
      answeredByGender: { kvinna: 2, man: 1, annat: 1 },
      yesByGender: { kvinna: 1, man: 0 },
    });
  });
});
