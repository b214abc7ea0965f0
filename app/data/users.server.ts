import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/permissions";
import { audit } from "./audit.server";
import { prisma } from "./db.server";

export async function findUserByEmail(email: string) {
  return prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, organisationId: true, email: true, passwordHash: true, active: true, role: true },
  });
}

export async function findPasswordHash(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return user.passwordHash;
}

/** Sets a new password and ends every other session of the user. */
export async function changePassword(user: { id: string; organisationId: string; sessionId: string }, password: string) {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
    await audit({ organisationId: user.organisationId, userId: user.id, action: "password-change", entity: "user", entityId: user.id }, tx);
  });
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

export async function emailTaken(email: string, exceptUserId?: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return !!user && user.id !== exceptUserId;
}

/** Checks that every assignment names an insats and a kommun of this förbund (ids can be tampered with). */
export async function assignmentsBelongTo(organisationId: string, assignments: UserInput["assignments"]): Promise<boolean> {
  if (!assignments.length) return true;
  const insatsIds = [...new Set(assignments.map((a) => a.insatsId))];
  const kommunIds = [...new Set(assignments.map((a) => a.kommunId))];
  const [insatser, kommuner] = await Promise.all([
    prisma.insats.count({ where: { organisationId, id: { in: insatsIds } } }),
    prisma.kommun.count({ where: { organisationId, id: { in: kommunIds } } }),
  ]);
  return insatser === insatsIds.length && kommuner === kommunIds.length;
}

export async function createUser(actor: { id: string; organisationId: string }, input: UserInput & { password: string }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        organisationId: actor.organisationId,
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
        assignments: { create: input.role === "koordinator" ? input.assignments : [] },
      },
      select: { id: true },
    });
    await audit({ organisationId: actor.organisationId, userId: actor.id, action: "create", entity: "user", entityId: user.id, detail: `roll: ${input.role}` }, tx);
    return user;
  });
}

/**
 * Saves a user. `expectedUpdatedAt` is the version the form was loaded with: when someone saved
 * in between, nothing is written and "conflict" is returned.
 */
export async function updateUser(
  actor: { id: string; organisationId: string },
  userId: string,
  input: UserInput & { active: boolean; expectedUpdatedAt: string },
): Promise<"saved" | "conflict" | "not-found"> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.user.findFirst({ where: { id: userId, organisationId: actor.organisationId } });
    if (!current) return "not-found";
    if (current.updatedAt.toISOString() !== input.expectedUpdatedAt) return "conflict";
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
    await audit({ organisationId: actor.organisationId, userId: actor.id, action: "update", entity: "user", entityId: userId, detail: `ändrat: ${[...changed, "tilldelningar"].join(", ")}` }, tx);
    return "saved";
  });
}

export async function setUserPassword(actor: { id: string; organisationId: string }, userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId, organisationId: actor.organisationId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    await audit({ organisationId: actor.organisationId, userId: actor.id, action: "password-change", entity: "user", entityId: userId, detail: "satt av förbundschef" }, tx);
  });
}
