import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { addDays, todayInSweden } from "~/domain/period";
import * as participantListRoute from "~/routes/participants/list";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest } from "../route";

// The coordinator's list of participants (issue 4, point 5), through the real route module:
// scope, filters, sort, paging, facet counts and the follow-up flags computed from SQL facts.

const today = todayInSweden();
const ago = (days: number) => addDays(today, -days);

type Org = Awaited<ReturnType<typeof createOrganisation>>;

async function signedIn(
  organisationId: string,
  role: "koordinator" | "forbundschef" | "styrgrupp",
  assignments: { insatsId: string; kommunId: string }[] = [],
) {
  const user = await createUser(organisationId, role, { assignments });
  return { id: user.id, cookie: await sessionCookie(user.id) };
}

/** What the rows of one förbund's list are made of. */
interface ListContext {
  org: Org;
  coordinatorId: string;
  referrerId: string;
  ageGroupId: string;
  followUp: string;
  meeting: string;
}

async function listContext(org: Org, coordinatorId: string): Promise<ListContext> {
  const { organisationId } = org;
  return {
    org,
    coordinatorId,
    referrerId: (await prisma.referrer.findFirstOrThrow({ where: { organisationId } })).id,
    ageGroupId: (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId, label: "20-29" } })).id,
    followUp: (await prisma.activityType.findFirstOrThrow({ where: { organisationId, key: "referrer-follow-up" } })).id,
    meeting: (await prisma.activityType.findFirstOrThrow({ where: { organisationId, label: "Individuellt samtal" } })).id,
  };
}

interface ParticipantOptions {
  name?: string;
  insats?: number;
  kommun?: number;
  gender?: "kvinna" | "man" | "annat";
  enrolledDate?: string;
  closedDate?: string;
  steps?: Array<[string, number]>;
  followUps?: string[];
  meetings?: string[];
  fov?: Array<[string, string]>;
  skapaOffer?: string;
  earlier?: { enrolledDate: string; closedDate: string };
}

/** A participant with an enrolment (and optionally an earlier, closed one) and its events. */
async function createListParticipant(ctx: ListContext, code: string, options: ParticipantOptions = {}) {
  const { organisationId } = ctx.org;
  const p = await prisma.participant.create({
    data: { organisationId, code, name: options.name ?? null, consents: { create: { givenDate: "2020-01-01" } } },
  });
  const base = {
    organisationId,
    participantId: p.id,
    insatsId: ctx.org.insatser[options.insats ?? 0].id,
    kommunId: ctx.org.kommuner[options.kommun ?? 0].id,
    referrerId: ctx.referrerId,
    ageGroupId: ctx.ageGroupId,
    gender: options.gender ?? "kvinna",
    coordinatorId: ctx.coordinatorId,
  };
  if (options.earlier) await prisma.enrolment.create({ data: { ...base, ...options.earlier } });
  const e = await prisma.enrolment.create({ data: { ...base, enrolledDate: options.enrolledDate ?? ago(30), closedDate: options.closedDate ?? null } });
  for (const [date, step] of options.steps ?? []) await prisma.trappanPlacement.create({ data: { enrolmentId: e.id, date, step } });
  for (const date of options.followUps ?? []) await prisma.activity.create({ data: { enrolmentId: e.id, date, activityTypeId: ctx.followUp } });
  for (const date of options.meetings ?? []) await prisma.activity.create({ data: { enrolmentId: e.id, date, activityTypeId: ctx.meeting } });
  for (const [date, outcome] of options.fov ?? []) await prisma.fovScreening.create({ data: { enrolmentId: e.id, date, outcome } });
  if (options.skapaOffer) await prisma.skapaOffer.create({ data: { enrolmentId: e.id, date: options.skapaOffer } });
  return p.id;
}

const load = (search: string, cookie: string) => callRoute(participantListRoute.loader, getRequest(`/deltagare${search}`, cookie));
const codes = (result: { data: any }) => result.data.rows.map((row: any) => row.code);

describe("the list of my participants", () => {
  let list: Org;
  let users: Record<"koord" | "chef" | "empty" | "styrgrupp", { id: string; cookie: string }>;
  let ctx: ListContext;
  const participant = (code: string, options: ParticipantOptions = {}) => createListParticipant(ctx, code, options);

  const view = (search: string, cookie = users.koord.cookie) => load(search, cookie);

  beforeAll(async () => {
    list = await createOrganisation("Listförbundet");
    const [ins0] = list.insatser.map((i) => i.id);
    const [k0, k1] = list.kommuner.map((k) => k.id);
    users = {
      koord: await signedIn(list.organisationId, "koordinator", [
        { insatsId: ins0, kommunId: k0 },
        { insatsId: ins0, kommunId: k1 },
      ]),
      chef: await signedIn(list.organisationId, "forbundschef"),
      empty: await signedIn(list.organisationId, "koordinator"),
      styrgrupp: await signedIn(list.organisationId, "styrgrupp"),
    };
    ctx = await listContext(list, users.koord.id);
    // A: all done recently. B: nothing since enrolment 120 days ago. C: closed with a later meeting.
    await participant("A-01", {
      name: "Alva Ek",
      enrolledDate: ago(200),
      steps: [
        [ago(200), 2],
        [ago(20), 4],
      ],
      followUps: [ago(15)],
      meetings: [ago(5)],
      fov: [[ago(100), "nej"]],
      skapaOffer: ago(150),
    });
    await participant("B-02", { name: "Bo Lind", gender: "man", kommun: 1, enrolledDate: ago(120), fov: [[ago(110), "ej_tillfragad"]] });
    await participant("C-03", { name: "Cia Berg", enrolledDate: ago(300), closedDate: ago(40), steps: [[ago(300), 1]], meetings: [ago(30)] });
    // D: re-enrolled; only the current enrolment is a row.
    await participant("D-04", {
      name: "Dan Ahl",
      gender: "annat",
      enrolledDate: ago(10),
      steps: [[ago(10), 3]],
      earlier: { enrolledDate: ago(400), closedDate: ago(300) },
    });
    // E: another insats (not the koordinator's); F: another kommun outside the assignment.
    await participant("E-05", { name: "Eva Sten", insats: 1 });
    await participant("F-06", { name: "Fia Holm", kommun: 2 });
  });

  it("shows a koordinator only the active participants of their pairs, with flags", async () => {
    const result = await view("");
    expect(result.status).toBe(200);
    expect(result.data.heading).toBe("Mina deltagare");
    expect(codes(result)).toEqual(["A-01", "B-02", "D-04"]);
    const flags = Object.fromEntries(result.data.rows.map((row: any) => [row.code, row.flags]));
    expect(flags).toEqual({
      "A-01": [],
      "B-02": ["referrer-follow-up", "trappan", "fov", "skapa"],
      "D-04": ["fov", "skapa"],
    });
    const a = result.data.rows[0];
    expect(a).toMatchObject({ name: "Alva Ek", currentStep: 4, lastActivityDate: ago(5), enrolledDate: ago(200), gender: "kvinna", ageGroup: "20-29" });
  });

  it("shows the förbundschef every participant of the förbund; the styrgrupp gets 403", async () => {
    const result = await view("?status=alla", users.chef.cookie);
    expect(result.data.heading).toBe("Deltagare");
    expect(codes(result)).toEqual(["A-01", "B-02", "C-03", "D-04", "E-05", "F-06"]);
    expect((await view("", users.styrgrupp.cookie)).status).toBe(403);
  });

  it("shows nothing to a koordinator without assignments", async () => {
    const result = await view("?status=alla", users.empty.cookie);
    expect(result.data.total).toBe(0);
    expect(result.data.rows).toEqual([]);
  });

  it("filters by status, kommun, step, kön and insats from the URL", async () => {
    expect(codes(await view("?status=avslutad"))).toEqual(["C-03"]);
    const closed = (await view("?status=avslutad")).data.rows[0];
    expect(closed.flags).toEqual(["data-check"]);
    expect(codes(await view("?status=alla"))).toEqual(["A-01", "B-02", "C-03", "D-04"]);
    expect(codes(await view(`?kommun=${list.kommuner[1].id}`))).toEqual(["B-02"]);
    expect(codes(await view("?step=4"))).toEqual(["A-01"]);
    expect(codes(await view("?step=ingen"))).toEqual(["B-02"]);
    expect(codes(await view("?gender=annat"))).toEqual(["D-04"]);
    expect(codes(await view(`?insats=${list.insatser[1].id}`, users.chef.cookie))).toEqual(["E-05"]);
  });

  it("searches by code or by part of the name, case-insensitively", async () => {
    expect(codes(await view("?q=b-0"))).toEqual(["B-02"]);
    expect(codes(await view("?q=LIND"))).toEqual(["B-02"]);
    expect(codes(await view("?q=%25"))).toEqual([]);
  });

  it("sorts by code, name, enrolment date, current step and last activity, empty values last", async () => {
    expect(codes(await view("?dir=desc"))).toEqual(["D-04", "B-02", "A-01"]);
    expect(codes(await view("?sort=name&dir=desc"))).toEqual(["D-04", "B-02", "A-01"]);
    expect(codes(await view("?sort=enrolled"))).toEqual(["A-01", "B-02", "D-04"]);
    expect(codes(await view("?sort=step"))).toEqual(["D-04", "A-01", "B-02"]);
    expect(codes(await view("?sort=step&dir=desc"))).toEqual(["A-01", "D-04", "B-02"]);
    expect(codes(await view("?sort=activity&dir=desc"))).toEqual(["A-01", "B-02", "D-04"]);
  });

  it("counts each filter's values under the other filters", async () => {
    const { facets } = (await view("?gender=kvinna")).data;
    expect(facets.status).toEqual({ aktiv: 1, avslutad: 1 });
    expect(facets.gender).toEqual({ kvinna: 1, man: 1, annat: 1 });
    expect(facets.step).toEqual({ "4": 1 });
    expect(facets.kommun).toEqual({ [list.kommuner[0].id]: 1 });
  });

  it("falls back to defaults for values it does not know", async () => {
    const result = await view("?status=kanske&sort=skostorlek&dir=upp&page=-3&step=9");
    expect(result.data.query).toMatchObject({ status: "aktiv", sort: "code", dir: "asc", page: 1, step: undefined });
    expect(codes(result)).toEqual(["A-01", "B-02", "D-04"]);
  });

  it("keeps the chosen columns in the URL and sends no names when the name column is hidden", async () => {
    const result = await view("?cols=code&cols=step&cols=flags");
    expect(result.data.query.columns).toEqual(["step", "flags"]);
    expect(result.data.rows.map((row: any) => row.name)).toEqual([null, null, null]);
    expect((await view("?cols=code")).data.query.columns).toEqual([]);
  });

  it("pages 25 rows at a time and clamps a page beyond the end", async () => {
    const many = await createOrganisation("Sidförbundet");
    const koord = await signedIn(many.organisationId, "koordinator", [{ insatsId: many.insatser[0].id, kommunId: many.kommuner[0].id }]);
    const referrerId = (await prisma.referrer.findFirstOrThrow({ where: { organisationId: many.organisationId } })).id;
    const ageGroupId = (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId: many.organisationId } })).id;
    for (let n = 1; n <= 30; n++) {
      const p = await prisma.participant.create({ data: { organisationId: many.organisationId, code: `P-${String(n).padStart(2, "0")}` } });
      await prisma.enrolment.create({
        data: {
          organisationId: many.organisationId,
          participantId: p.id,
          insatsId: many.insatser[0].id,
          kommunId: many.kommuner[0].id,
          referrerId,
          ageGroupId,
          gender: "man",
          enrolledDate: ago(n),
        },
      });
    }
    const first = await view("", koord.cookie);
    expect(first.data).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.data.rows).toHaveLength(25);
    const second = await view("?page=2", koord.cookie);
    expect(codes(second)).toEqual(["P-26", "P-27", "P-28", "P-29", "P-30"]);
    const beyond = await view("?page=9", koord.cookie);
    expect(beyond.data.query.page).toBe(2);
    expect(codes(beyond)).toEqual(codes(second));
  });

  it("audits the list view as a read of the participants it showed", async () => {
    const result = await view("?q=A-01");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { userId: users.koord.id, entity: "participant-list" }, orderBy: { at: "desc" } });
    expect(event.action).toBe("read");
    expect(event.detail).toBe(`1 deltagare: ${result.data.rows[0].participantId}`);
  });
});

describe("the follow-up flags of the list", () => {
  it("are computed from the facts in SQL, with the 90-day edges", async () => {
    const org = await createOrganisation("Flaggförbundet");
    const koord = await signedIn(org.organisationId, "koordinator", [{ insatsId: org.insatser[0].id, kommunId: org.kommuner[0].id }]);
    const ctx = await listContext(org, koord.id);
    const done = { fov: [[ago(100), "avbojt"]] as Array<[string, string]>, skapaOffer: ago(100) };
    await createListParticipant(ctx, "G-90", { enrolledDate: ago(90), ...done });
    await createListParticipant(ctx, "G-91", { enrolledDate: ago(91), ...done });
    // A meeting is an activity but not a follow-up with the remittent.
    await createListParticipant(ctx, "H-90", { enrolledDate: ago(200), followUps: [ago(90)], steps: [[ago(90), 2]], meetings: [ago(1)], ...done });
    await createListParticipant(ctx, "H-91", { enrolledDate: ago(200), followUps: [ago(91)], steps: [[ago(91), 2]], meetings: [ago(1)], ...done });
    await createListParticipant(ctx, "I-00", { enrolledDate: ago(10), fov: [[ago(5), "ej_tillfragad"]] });
    const result = await load("", koord.cookie);
    expect(Object.fromEntries(result.data.rows.map((row: any) => [row.code, row.flags]))).toEqual({
      "G-90": [],
      "G-91": ["referrer-follow-up", "trappan"],
      "H-90": [],
      "H-91": ["referrer-follow-up", "trappan"],
      "I-00": ["fov", "skapa"],
    });
  });
});
