import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as userEditRoute from "~/routes/admin/user-edit";
import * as userNewRoute from "~/routes/admin/user-new";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, postRequest, type RouteResult } from "../route";

// E-mail addresses are unique across every förbund (they sign in), so a förbundschef may choose
// one that a user of another förbund has. The refusal must read exactly like the refusal of an
// address of their own förbund: nothing in it tells that the other förbund, or its user, exists.

const UNAVAILABLE = "E-postadressen kan inte användas. Välj en annan, eller ändra kontot i listan över användare om personen redan finns där.";

let chefCookie: string;
let colleague: { email: string };
let foreigner: { email: string };
let target: { id: string; email: string };

beforeAll(async () => {
  const org = await createOrganisation("Testförbundet");
  const other = await createOrganisation("Grannförbundet");
  chefCookie = await sessionCookie((await createUser(org.organisationId, "forbundschef")).id);
  colleague = await createUser(org.organisationId, "styrgrupp");
  foreigner = await createUser(other.organisationId, "styrgrupp");
  target = await createUser(org.organisationId, "styrgrupp");
});

/** The answer without the echoed input, which differs by the address typed. */
const refusal = ({ status, data }: RouteResult) => ({ status, reason: data.reason, fieldErrors: data.fieldErrors, formError: data.formError });

function createWith(email: string) {
  const fields = { name: "Ny Person", email, role: "styrgrupp", password: "ett-långt-lösenord" };
  return callRoute(userNewRoute.action, postRequest("/admin/anvandare/ny", fields, { cookie: chefCookie }));
}

async function editTo(email: string) {
  const path = `/admin/anvandare/${target.id}`;
  const { user } = (await callRoute(userEditRoute.loader, getRequest(path, chefCookie), { userId: target.id })).data;
  const fields = { intent: "save", name: user.name, email, role: user.role, active: "on", expectedUpdatedAt: user.updatedAt };
  return callRoute(userEditRoute.action, postRequest(path, fields, { cookie: chefCookie }), { userId: target.id });
}

describe("a taken e-mail address", () => {
  it("refuses a new user with another förbund's user's address exactly like one of the förbund's own", async () => {
    const before = await prisma.user.count();
    const own = await createWith(colleague.email);
    const foreign = await createWith(foreigner.email.toUpperCase());
    expect(refusal(own)).toEqual({ status: 400, reason: "refused", fieldErrors: { email: [UNAVAILABLE] }, formError: null });
    expect(refusal(foreign)).toEqual(refusal(own));
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses changing a user's address to another förbund's user's exactly like to a colleague's", async () => {
    const own = await editTo(colleague.email);
    const foreign = await editTo(foreigner.email);
    expect(refusal(own)).toEqual({ status: 400, reason: "refused", fieldErrors: { email: [UNAVAILABLE] }, formError: null });
    expect(refusal(foreign)).toEqual(refusal(own));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).email).toBe(target.email);
  });
});
