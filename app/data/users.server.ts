// The förbund's user accounts. Writes answer WriteResults: refusals the förbundschef can fix
// (a taken e-mail, a foreign assignment, a change of their own account that would lock the
// förbund out) come back as field messages; a stale form as a conflict.
//
// An e-mail is unique across every förbund, since it is what a user signs in with. A taken
// address is refused with one message, whoever has it, so that a förbundschef cannot tell a
// colleague's address from that of a user in another förbund by the answer.
import type { CurrentUser } from "~/auth/guards.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import type { Role } from "~/auth/permissions";
import { throttledCheck, waitAndRetry } from "~/auth/throttle.server";
import type { FieldErrors } from "~/schemas/form";
import { conflict, fieldRefused, formRefused, gone, ok, refused, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";

export const EMAIL_UNAVAILABLE =
  "E-postadressen kan inte användas. Välj en annan, eller ändra kontot i listan över användare om personen redan finns där.";
export const ASSIGNMENTS_INVALID = "En eller flera tilldelningar gäller en insats eller kommun som inte finns. Ladda om sidan och försök igen.";
export const USER_CONFLICT =
  "Någon annan har ändrat användaren medan du redigerade. Dina ändringar är inte sparade – ladda om sidan.";
export const SELF_DEMOTION = "Du kan inte ta bort din egen roll som förbundschef. Be en annan förbundschef om det behövs.";
export const SELF_DEACTIVATION = "Du kan inte inaktivera ditt eget konto.";
export const SELF_PASSWORD = "Byt ditt eget lösenord under Mitt konto → Byt lösenord.";
export const WRONG_CURRENT_PASSWORD = "Nuvarande lösenord stämmer inte.";

export async function findUserByEmail(email: string) {
  return prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, organisationId: true, email: true, passwordHash: true, active: true, role: true },
  });
}

/**
 * Sets a new password, when the current one is right, and ends every other session of the user.
 * The current password is guessed like a sign-in, so it is checked under the same throttle, from
 * the client's `address`.
 */
export async function changePassword(
  user: CurrentUser,
  passwords: { currentPassword: string; newPassword: string },
  address: string,
): Promise<WriteResult> {
  const check = await throttledCheck(user.email, address, async () => {
    const { passwordHash: currentHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    return (await verifyPassword(passwords.currentPassword, currentHash)) || null;
  });
  if (check.outcome === "throttled") return formRefused(`För många felaktiga lösenord. ${waitAndRetry(check.waitMs)}`);
  if (check.outcome === "failed") return fieldRefused("currentPassword", WRONG_CURRENT_PASSWORD);
  const passwordHash = await hashPassword(passwords.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
    await audit({ organisationId: user.organisationId, userId: user.id, action: "password-change", entity: "user", entityId: user.id }, tx);
  });
  return ok();
}

export async function listUsers(organisationId: string) {
  return prisma.user.findMany({
    where: { organisationId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, email: true, role: true, active: true,
      assignments: { select: { insats: { select: { name: true } }, kommun: { select: { name: true } } } },
    },
  });
}

export async function findUser(organisationId: string, userId: string) {
  return prisma.user.findFirst({
    where: { id: userId, organisationId },
    select: {
      id: true, name: true, email: true, role: true, active: true, updatedAt: true,
      assignments: { select: { insatsId: true, kommunId: true } },
    },
  });
}

export interface UserInput {
  name: string;
  email: string;
  role: Role;
  assignments: { insatsId: string; kommunId: string }[];
}

async function emailTaken(tx: Tx, email: string, exceptUserId?: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
  return !!user && user.id !== exceptUserId;
}

/** Checks that every assignment names an insats and a kommun of this förbund (ids can be tampered with). */
async function assignmentsBelongTo(tx: Tx, organisationId: string, assignments: UserInput["assignments"]): Promise<boolean> {
  if (!assignments.length) return true;
  const insatsIds = [...new Set(assignments.map((a) => a.insatsId))];
  const kommunIds = [...new Set(assignments.map((a) => a.kommunId))];
  const [insatser, kommuner] = await Promise.all([
    tx.insats.count({ where: { organisationId, id: { in: insatsIds } } }),
    tx.kommun.count({ where: { organisationId, id: { in: kommunIds } } }),
  ]);
  return insatser === insatsIds.length && kommuner === kommunIds.length;
}

export async function createUser(editor: CurrentUser, input: UserInput & { password: string }): Promise<WriteResult<{ id: string }>> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await emailTaken(tx, input.email)) return fieldRefused("email", EMAIL_UNAVAILABLE);
    if (!(await assignmentsBelongTo(tx, editor.organisationId, input.assignments))) return fieldRefused("assignments", ASSIGNMENTS_INVALID);
    const user = await tx.user.create({
      data: {
        organisationId: editor.organisationId,
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
        assignments: { create: input.role === "koordinator" ? input.assignments : [] },
      },
      select: { id: true },
    });
    await audit({ organisationId: editor.organisationId, userId: editor.id, action: "create", entity: "user", entityId: user.id, detail: `roll: ${input.role}` }, tx);
    return ok({ id: user.id });
  });
}

/** What keeps a save of a user from being written: the input, or the editor's own account. */
async function saveRefusals(tx: Tx, editor: CurrentUser, userId: string, input: UserInput & { active: boolean }): Promise<FieldErrors> {
  const refusals: FieldErrors = {};
  // A förbundschef who demotes or deactivates themself could leave the förbund without an administrator.
  const isSelf = userId === editor.id;
  if (isSelf && input.role !== "forbundschef") refusals.role = [SELF_DEMOTION];
  if (isSelf && !input.active) refusals.active = [SELF_DEACTIVATION];
  if (await emailTaken(tx, input.email, userId)) refusals.email = [EMAIL_UNAVAILABLE];
  if (!(await assignmentsBelongTo(tx, editor.organisationId, input.assignments))) refusals.assignments = [ASSIGNMENTS_INVALID];
  return refusals;
}

/**
 * Saves a user. `expectedUpdatedAt` is the version the form was loaded with: when someone saved
 * in between, nothing is written and the save is a conflict. `deactivated` tells whether this
 * save took the account out of use.
 */
export async function updateUser(
  editor: CurrentUser,
  userId: string,
  input: UserInput & { active: boolean; expectedUpdatedAt: string },
): Promise<WriteResult<{ deactivated: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.user.findFirst({ where: { id: userId, organisationId: editor.organisationId } });
    if (!current) return gone("Användaren finns inte.");
    const refusals = await saveRefusals(tx, editor, userId, input);
    if (Object.keys(refusals).length) return refused(refusals);
    if (current.updatedAt.toISOString() !== input.expectedUpdatedAt) return conflict(USER_CONFLICT);
    const changed = ["name", "email", "role", "active"].filter(
      (key) => current[key as keyof typeof current] !== input[key as keyof typeof input],
    );
    await tx.user.update({
      where: { id: userId },
      data: { name: input.name, email: input.email, role: input.role, active: input.active },
    });
    await tx.assignment.deleteMany({ where: { userId } });
    if (input.role === "koordinator" && input.assignments.length) {
      await tx.assignment.createMany({ data: input.assignments.map((a) => ({ ...a, userId })) });
    }
    // Deactivation or a new role ends the user's sessions at once.
    if (!input.active || current.role !== input.role) await tx.session.deleteMany({ where: { userId } });
    await audit({ organisationId: editor.organisationId, userId: editor.id, action: "update", entity: "user", entityId: userId, detail: `ändrat: ${[...changed, "tilldelningar"].join(", ")}` }, tx);
    return ok({ deactivated: current.active && !input.active });
  });
}

/** A new password set by the förbundschef; it ends the user's sessions. */
export async function setUserPassword(editor: CurrentUser, userId: string, password: string): Promise<WriteResult> {
  // Setting one's own password here would end one's own session; the account page asks for the current one.
  if (userId === editor.id) return fieldRefused("password", SELF_PASSWORD);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organisationId: editor.organisationId }, select: { id: true } });
    if (!user) return gone("Användaren finns inte.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    await audit({ organisationId: editor.organisationId, userId: editor.id, action: "password-change", entity: "user", entityId: userId, detail: "satt av förbundschef" }, tx);
    return ok();
  });
}
