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
      byReferrerByKommun: { Försäkringskassan: { Alvesta: 1, Växjö: 1 }, "Växjö kommun": { Växjö: 1 } },
      byDecisionByKommun: { inskriven: { Växjö: 1 }, konsultation: {}, ej_aktuell: {}, ko: { Växjö: 1 }, ej_beslutad: { Alvesta: 1 } },
      queueAtEnd: 1,
      queueMedianWaitDays: 149,
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

describe("referrals crossed by kommun", () => {
  const r = computeReport(
    reportInput({
      period: H1_2025,
      referrals: [
        referral("2025-01-10", "Region Kronoberg", "Ljungby", "inskriven"),
        referral("2025-02-10", "Region Kronoberg", "Ljungby", "konsultation"),
        referral("2025-03-10", "Försäkringskassan", "Ljungby", "konsultation"),
        referral("2025-04-10", "Försäkringskassan", "Markaryd", null),
        referral("2024-04-10", "Försäkringskassan", "Markaryd", "konsultation"),
      ],
    }),
  );
  const sum = (map: Record<string, number>) => Object.values(map).reduce((a, b) => a + b, 0);

  it("counts remittent × kommun, each row summing to the remittent and each column to the kommun", () => {
    expect(r.referrals.byReferrerByKommun).toEqual({ Försäkringskassan: { Ljungby: 1, Markaryd: 1 }, "Region Kronoberg": { Ljungby: 2 } });
    for (const [referrer, kommuner] of Object.entries(r.referrals.byReferrerByKommun)) expect(sum(kommuner)).toBe(r.referrals.byReferrer[referrer]);
  });

  it("counts decision × kommun with every decision present, in the order of byDecision", () => {
    expect(r.referrals.byDecisionByKommun).toEqual({
      inskriven: { Ljungby: 1 },
      konsultation: { Ljungby: 2 },
      ej_aktuell: {},
      ko: {},
      ej_beslutad: { Markaryd: 1 },
    });
    expect(Object.keys(r.referrals.byDecisionByKommun)).toEqual(Object.keys(r.referrals.byDecision));
    for (const [decision, kommuner] of Object.entries(r.referrals.byDecisionByKommun)) expect(sum(kommuner)).toBe(r.referrals.byDecision[decision]);
  });
});

describe("the queue on the period's last day", () => {
  const queued = (date: string, enrolledDate: string | null = null): ReferralRecord => ({
    ...referral(date, "Försäkringskassan", "Växjö", "ko"),
    enrolledDate,
  });
  const report = (...referrals: ReferralRecord[]) => computeReport(reportInput({ period: H1_2025, referrals })).referrals;

  it("counts kö referrals not enrolled by `to`, also those dated before the period, with the median wait in days", () => {
    // Waits to 2025-06-30: 30, 60 and 211 days.
    const r = report(queued("2025-05-31"), queued("2025-05-01"), queued("2024-12-01"), queued("2025-07-01"));
    expect([r.queueAtEnd, r.queueMedianWaitDays]).toEqual([3, 60]);
    expect(r.byDecision.ko).toBe(2);
  });

  it("does not count a kö referral enrolled on or before `to`, but does one enrolled after it", () => {
    const r = report(queued("2025-03-01", "2025-06-30"), queued("2025-03-01", "2025-04-01"), queued("2025-04-01", "2025-07-01"), queued("2025-06-20", null));
    // In the queue: the one enrolled 1 July (90 days) and the one never enrolled (10 days).
    expect([r.queueAtEnd, r.queueMedianWaitDays]).toEqual([2, 50]);
  });

  it("counts no other decision, and has no median wait for an empty queue", () => {
    const r = report(referral("2025-02-01", "Försäkringskassan", "Växjö", "konsultation"), referral("2025-02-01", "Försäkringskassan", "Växjö", null));
    expect([r.queueAtEnd, r.queueMedianWaitDays]).toEqual([0, null]);
  });
});
