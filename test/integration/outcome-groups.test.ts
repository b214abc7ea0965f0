import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { setupDatabase } from "~/data/setup.server";
import { buildReport } from "~/data/statistics.server";
import * as outcomeGroupsRoute from "~/routes/admin/outcome-groups";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";

// The outcome groups: their defaults, the förbundschef's page, and the report counting them.

const PATH = "/admin/utfallsgrupper";
type Org = Awaited<ReturnType<typeof createOrganisation>>;
let org: Org;
let otherOrg: Org;
let chefCookie: string;
let styrgruppCookie: string;

beforeAll(async () => {
  org = await createOrganisation("Utfallsförbundet");
  otherOrg = await createOrganisation("Annat utfallsförbund");
  chefCookie = await sessionCookie((await createUser(org.organisationId, "forbundschef")).id);
  styrgruppCookie = await sessionCookie((await createUser(org.organisationId, "styrgrupp")).id);
});

const post = (fields: Record<string, string | string[]>) => callRoute(outcomeGroupsRoute.action, postRequest(PATH, fields, { cookie: chefCookie }));
const reasonId = (organisationId: string, label: string) =>
  prisma.closureReason.findFirstOrThrow({ where: { organisationId, label }, select: { id: true } }).then((row) => row.id);

describe("outcome groups", () => {
  it("gives a new förbund the three default groups with their reasons, once", async () => {
    await setupDatabase("Utfallsförbundet");
    const result = await callRoute(outcomeGroupsRoute.loader, getRequest(PATH, chefCookie));
    expect(result.status).toBe(200);
    const { groups, reasons } = result.data as { groups: { name: string; reasonIds: string[] }[]; reasons: { id: string; label: string }[] };
    const labelsOf = (ids: string[]) => reasons.filter((reason) => ids.includes(reason.id)).map((reason) => reason.label);
    expect(groups.map((group) => [group.name, labelsOf(group.reasonIds)])).toEqual([
      ["Arbete eller studier", ["Arbete", "Reguljärt arbete", "Studier"]],
      ["Rätt försörjning", ["Hel aktivitetsersättning", "Hel sjukersättning", "Avslut mot pension"]],
      [
        "Åter till remittent",
        [
          "Åter till remittent i väntan på beslut om sjukersättning",
          "Åter till remittent, samordningsinsatser uttömda",
          "Åter till remittent vid personalomställning i insatsen",
        ],
      ],
    ]);
  });

  it("is the förbundschef's page only", async () => {
    const result = await callRoute(outcomeGroupsRoute.loader, getRequest(PATH, styrgruppCookie));
    expect(result.status).toBe(403);
  });

  it("creates, renames and deletes a group, with an audit entry each, and refuses a taken name or another förbund's reason", async () => {
    const arbete = await reasonId(org.organisationId, "Arbete");
    const sjuk = await reasonId(org.organisationId, "Hel sjukersättning");
    const created = await post({ intent: "create", name: "Arbete, studier eller rätt försörjning", reasonId: [arbete, sjuk] });
    expect(created.status).toBe(200);
    const group = await prisma.outcomeGroup.findFirstOrThrow({
      where: { organisationId: org.organisationId, name: "Arbete, studier eller rätt försörjning" },
      select: { id: true, sortOrder: true, reasons: { select: { closureReasonId: true } } },
    });
    expect(group.sortOrder).toBe(3);
    expect(group.reasons.map((row) => row.closureReasonId).sort()).toEqual([arbete, sjuk].sort());

    const taken = await post({ intent: "create", name: "arbete eller studier" });
    expect(taken.status).toBe(400);
    expect(taken.data).toMatchObject({ fieldErrors: { name: ["Det finns redan en utfallsgrupp som heter arbete eller studier."] } });

    const foreign = await reasonId(otherOrg.organisationId, "Studier");
    const tampered = await post({ intent: "update", id: group.id, name: "Blandat", reasonId: [arbete, foreign] });
    expect(tampered.status).toBe(400);

    const updated = await post({ intent: "update", id: group.id, name: "Positivt utfall", reasonId: [sjuk] });
    expect(updated.status).toBe(200);
    const after = await prisma.outcomeGroup.findUniqueOrThrow({
      where: { id: group.id },
      select: { name: true, reasons: { select: { closureReasonId: true } } },
    });
    expect(after).toEqual({ name: "Positivt utfall", reasons: [{ closureReasonId: sjuk }] });

    const deleted = await post({ intent: "delete", id: group.id });
    expect(deleted.status).toBe(200);
    expect(await prisma.outcomeGroup.count({ where: { id: group.id } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({
      where: { entity: "outcome-group", entityId: group.id },
      orderBy: { at: "asc" },
      select: { action: true, detail: true },
    });
    expect(audit).toEqual([
      { action: "create", detail: "namn: Arbete, studier eller rätt försörjning, avslutsskäl: Arbete, Hel sjukersättning" },
      { action: "update", detail: "namn: Arbete, studier eller rätt försörjning → Positivt utfall, avslutsskäl: Hel sjukersättning" },
      { action: "delete", detail: "namn: Positivt utfall" },
    ]);
  });

  it("counts the closures of each group in the report, a reason in two groups in both", async () => {
    const { organisationId, kommuner, insatser } = org;
    const studier = await reasonId(organisationId, "Studier");
    const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
    const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
    await post({ intent: "create", name: "Studier", reasonId: [studier] });
    const participant = await prisma.participant.create({ data: { organisationId, code: "UTF-0001" } });
    await prisma.enrolment.create({
      data: {
        organisationId,
        participantId: participant.id,
        insatsId: insatser[0].id,
        kommunId: kommuner[0].id,
        referrerId: referrer.id,
        ageGroupId: ageGroup.id,
        gender: "kvinna",
        enrolledDate: "2025-01-10",
        closedDate: "2025-05-01",
        closureReasonId: studier,
      },
    });
    const report = await buildReport(organisationId, { period: { from: "2025-01-01", to: "2025-12-31" }, insats: null, kommun: null });
    expect(report.closed.byGroup).toEqual({ "Arbete eller studier": 1, "Rätt försörjning": 0, "Åter till remittent": 0, Studier: 1 });
  });
});
