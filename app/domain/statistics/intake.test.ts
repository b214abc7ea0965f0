import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { H1_2025, reportInput } from "./testing";
import type { ReferralRecord } from "./types";

const referral = (date: string, referrer: string, kommun: string, decision: ReferralRecord["decision"]): ReferralRecord => ({
  date,
  referrer,
  kommun,
  insats: "Samverkansteam Värend",
  decision,
});

describe("referrals and study visits", () => {
  it("counts referrals by their own date, with every decision key present", () => {
    const r = computeReport(
      reportInput({
        period: H1_2025,
        referrals: [
          referral("2025-01-01", "Försäkringskassan", "Växjö", "inskriven"),
          referral("2025-02-01", "Växjö kommun", "Växjö", "ko"),
          referral("2025-06-30", "Försäkringskassan", "Alvesta", null),
          referral("2024-12-31", "Försäkringskassan", "Alvesta", "inskriven"),
        ],
      }),
    );
    expect(r.referrals).toEqual({
      total: 3,
      byReferrer: { Försäkringskassan: 2, "Växjö kommun": 1 },
      byKommun: { Alvesta: 1, Växjö: 2 },
      byDecision: { inskriven: 1, konsultation: 0, ej_aktuell: 0, ko: 1, ej_beslutad: 1 },
    });
  });

  it("counts study visits in the period by kommun", () => {
    const visit = (date: string, kommun: string) => ({ date, kommun, insats: "SamSteg" });
    const r = computeReport(
      reportInput({
        period: H1_2025,
        studyVisits: [visit("2025-03-01", "Ljungby"), visit("2025-03-02", "Ljungby"), visit("2025-04-01", "Älmhult"), visit("2025-08-01", "Markaryd")],
      }),
    );
    expect(r.studyVisits).toEqual({ total: 3, byKommun: { Ljungby: 2, Älmhult: 1 } });
  });
});
