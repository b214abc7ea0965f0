import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { importFiles } from "~/data/import-write.server";
import * as detail from "~/routes/participants/detail";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, postRequest } from "../route";

// One table of enrolment date cases, each run through both ways an enrolment enters Stegvis:
// the participant page (a coordinator re-enrols a person) and the import (a deltagare row).
// Both start from the same history and must give the same verdict (app/domain/enrolment-dates.ts).

interface Case {
  name: string;
  /** The person's earlier enrolment: its consent, start and (when closed) end. */
  history: { consent: string; enrolled: string; closed: string | null };
  /** The consent in force for the new enrolment (a later one is recorded when it differs). */
  consent: string;
  enrolled: string;
  accepted: boolean;
}

const HISTORY = { consent: "2024-01-02", enrolled: "2024-01-10", closed: "2024-06-30" };

const CASES: Case[] = [
  { name: "a re-enrolment the day after the closure", history: HISTORY, consent: HISTORY.consent, enrolled: "2024-07-01", accepted: true },
  { name: "a re-enrolment on the day of the closure", history: HISTORY, consent: HISTORY.consent, enrolled: "2024-06-30", accepted: false },
  { name: "a re-enrolment inside the earlier enrolment", history: HISTORY, consent: HISTORY.consent, enrolled: "2024-03-01", accepted: false },
  { name: "an enrolment on the day of its consent", history: HISTORY, consent: "2024-09-01", enrolled: "2024-09-01", accepted: true },
  { name: "an enrolment before its consent", history: HISTORY, consent: "2024-09-01", enrolled: "2024-08-15", accepted: false },
  {
    name: "an enrolment while the earlier one is still open",
    history: { ...HISTORY, closed: null },
    consent: HISTORY.consent,
    enrolled: "2024-09-01",
    accepted: false,
  },
];

const HEADER = "deltagare;insats;kommun;kon;aldersgrupp;remittent;samtycke;inskriven;avslutad;avslutsorsak;planering_efter_avslut";

function row(code: string, consent: string, enrolled: string, closed: string | null): string {
  return [
    code,
    "SamSteg",
    "Ljungby",
    "kvinna",
    "30-39",
    "Arbetsförmedlingen",
    consent,
    enrolled,
    closed ?? "",
    closed ? "Arbete" : "",
    closed ? "ja" : "",
  ].join(";");
}

const deltagareFile = (rows: string[]) => ({ name: "deltagare.csv", data: new TextEncoder().encode([HEADER, ...rows].join("\n")) });

let organisationId: string;
let coordinator: { id: string; cookie: string };
let form: Record<string, string>;

beforeAll(async () => {
  const org = await createOrganisation();
  organisationId = org.organisationId;
  const scope = { insatsId: org.insatser[0].id, kommunId: org.kommuner[0].id };
  const user = await createUser(organisationId, "koordinator", { assignments: [scope] });
  coordinator = { id: user.id, cookie: await sessionCookie(user.id) };
  const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId, name: "Arbetsförmedlingen" } });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId, label: "30-39" } });
  form = { intent: "reenrol", ...scope, coordinatorId: user.id, referrerId: referrer.id, gender: "kvinna", ageGroupId: ageGroup.id, incomeStartId: "" };

  // Every case's history, twice: once for the page (P-n) and once for the import (I-n).
  const history = CASES.flatMap((c, n) => [
    row(`P-${n}`, c.history.consent, c.history.enrolled, c.history.closed),
    row(`I-${n}`, c.history.consent, c.history.enrolled, c.history.closed),
  ]);
  const result = await importFiles({ organisationId, files: [deltagareFile(history)], dryRun: false, createMissing: false });
  expect(result.ok ? [] : result.problems).toEqual([]);
});

async function throughThePage(n: number, c: Case) {
  const participant = await prisma.participant.findFirstOrThrow({ where: { organisationId, code: `P-${n}` }, select: { id: true } });
  if (c.consent !== c.history.consent) await prisma.consent.create({ data: { participantId: participant.id, givenDate: c.consent } });
  const before = await prisma.enrolment.count({ where: { participantId: participant.id } });
  const answer = await callRoute(
    detail.action,
    postRequest(`/deltagare/${participant.id}`, { ...form, enrolledDate: c.enrolled }, { cookie: coordinator.cookie }),
    {
      participantId: participant.id,
    },
  );
  const after = await prisma.enrolment.count({ where: { participantId: participant.id } });
  const accepted = answer.status === 302;
  // A refusal writes nothing and says why, at the date or (an open enrolment) at the top.
  if (!accepted) expect(answer.data.fieldErrors.enrolledDate ?? answer.data.formError).toBeTruthy();
  expect(after - before).toBe(accepted ? 1 : 0);
  return accepted;
}

async function throughTheImport(n: number, c: Case) {
  const result = await importFiles({
    organisationId,
    files: [deltagareFile([row(`I-${n}`, c.history.consent, c.history.enrolled, c.history.closed), row(`I-${n}`, c.consent, c.enrolled, null)])],
    dryRun: false,
    createMissing: false,
  });
  if (!result.ok) {
    expect(result.problems.map((problem) => problem.column)).toContain("inskriven");
    expect(result.problems.every((problem) => problem.message.length > 0)).toBe(true);
  }
  const enrolments = await prisma.enrolment.count({ where: { participant: { organisationId, code: `I-${n}` } } });
  expect(enrolments).toBe(result.ok ? 2 : 1);
  return result.ok;
}

describe("the date rules of an enrolment are one rule, on the page and in the import", () => {
  CASES.forEach((c, n) => {
    it(`${c.accepted ? "accepts" : "refuses"} ${c.name}, both ways`, async () => {
      const page = await throughThePage(n, c);
      const imported = await throughTheImport(n, c);
      expect({ page, imported }).toEqual({ page: c.accepted, imported: c.accepted });
    });
  });
});
