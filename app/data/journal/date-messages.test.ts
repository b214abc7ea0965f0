import { describe, expect, it } from "vitest";
import { closureProblem, eventDateProblem, overlapProblem } from "~/domain/enrolment-dates";
import { dateProblemMessage } from "./date-messages";

const words = (problem: Parameters<typeof dateProblemMessage>[0] | null) => (problem ? dateProblemMessage(problem) : null);

describe("the journal's words for the date rules", () => {
  it("names the enrolment's dates, formatted, when an event falls outside it", () => {
    const span = { enrolledDate: "2025-01-10", closedDate: "2025-06-30" };
    expect(words(eventDateProblem("2025-01-09", span))).toBe("Datumet kan inte ligga före inskrivningen (10 januari 2025).");
    expect(words(eventDateProblem("2025-07-01", span))).toBe("Datumet kan inte ligga efter avslutet (30 juni 2025).");
  });

  it("names what a closure date collides with", () => {
    expect(words(closureProblem({ enrolledDate: "2025-01-10", closedDate: "2025-01-09" }))).toBe("Avslutsdatum kan inte ligga före inskrivningen (10 januari 2025).");
    expect(words(closureProblem({ enrolledDate: "2025-01-10", closedDate: "2025-05-01" }, "2025-05-02"))).toBe(
      "Det finns händelser efter avslutsdatumet (senast 2 maj 2025).",
    );
    const next = { enrolledDate: "2025-09-01", closedDate: null };
    expect(words(overlapProblem({ enrolledDate: "2025-01-10", closedDate: "2025-09-02" }, [next]))).toBe("Avslutsdatum kan inte ligga efter nästa inskrivning (1 september 2025).");
    expect(words(overlapProblem({ enrolledDate: "2025-01-10", closedDate: "2025-09-01" }, [next]))).toBe(
      "Avslutsdatum måste ligga före nästa inskrivning (1 september 2025): två inskrivningar kan inte dela en dag.",
    );
  });
});
