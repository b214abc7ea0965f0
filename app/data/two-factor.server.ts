// Two-factor sign-in: each user's authenticator (the TOTP secret, sealed at rest), the one-time
// recovery codes (hashed) and the förbund's rule of which roles must use it. The codes
// themselves are computed in auth/two-factor-codes.ts; the throttle and the sign-in steps live
// in auth/two-factor.server.ts.
import { decryptTotpSecret, encryptTotpSecret } from "~/auth/two-factor-crypto.server";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  looksLikeTotpCode,
  normaliseRecoveryCode,
  totpStepOf,
} from "~/auth/two-factor-codes";
import { parseTwoFactorRoles, roleRequiresTwoFactor, serialiseTwoFactorRoles } from "~/auth/two-factor-policy";
import { ROLE_LABELS, type Role } from "~/auth/permissions";
import { conflict, fieldRefused, formRefused, gone, ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";

export const WRONG_CODE = "Koden stämmer inte eller har redan använts. Vänta på nästa kod i appen och försök igen.";
export const SETUP_GONE = "Inställningen har avbrutits. Börja om med en ny nyckel.";
export const ALREADY_ENABLED = "Tvåstegsverifiering är redan påslagen.";

type Actor = { id: string; organisationId: string };

export async function twoFactorRolesOf(organisationId: string): Promise<Role[]> {
  const org = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { twoFactorRoles: true } });
  return parseTwoFactorRoles(org.twoFactorRoles);
}

export async function updateTwoFactorRoles(actor: Actor, roles: readonly Role[]): Promise<void> {
  const stored = serialiseTwoFactorRoles(roles);
  const named = parseTwoFactorRoles(stored).map((role) => ROLE_LABELS[role]);
  await prisma.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: actor.organisationId }, data: { twoFactorRoles: stored } });
    const detail = `ändrat: tvåstegsverifiering krävs för ${named.length ? named.join(", ") : "ingen roll"}`;
    await audit({ organisationId: actor.organisationId, userId: actor.id, action: "update", entity: "organisation", entityId: actor.organisationId, detail }, tx);
  });
}

export interface TwoFactorStatus {
  /** When the user confirmed the authenticator; null when two-factor sign-in is off. */
  enabledAt: Date | null;
  /** The key shown while setup waits for its first code; never given once setup is confirmed. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
  /** Whether the user's role must use two-factor sign-in. */
  required: boolean;
}

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      role: true,
      organisation: { select: { twoFactorRoles: true } },
      twoFactor: { select: { secret: true, enabledAt: true } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  const enabledAt = user.twoFactor?.enabledAt ?? null;
  return {
    enabledAt,
    pendingSecret: user.twoFactor && !enabledAt ? decryptTotpSecret(user.twoFactor.secret) : null,
    recoveryCodesLeft: enabledAt ? user._count.recoveryCodes : 0,
    required: roleRequiresTwoFactor(user.organisation.twoFactorRoles, user.role),
  };
}

/** Starts (or, after a reload, keeps) a setup: a new secret waiting for its first code. */
export async function beginTwoFactorSetup(userId: string): Promise<WriteResult> {
  const current = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true, secret: true } });
  if (current?.enabledAt) return conflict(ALREADY_ENABLED);
  // A pending secret that can still be read is kept, so that a phone that already scanned it still works.
  if (current && decryptTotpSecret(current.secret)) return ok();
  const secret = encryptTotpSecret(generateTotpSecret());
  await prisma.twoFactor.upsert({ where: { userId }, create: { userId, secret }, update: { secret, lastUsedStep: null } });
  return ok();
}

async function newRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/**
 * The first code confirms the setup: two-factor sign-in is on from now, and the ten recovery
 * codes are returned, the only time they exist outside their hashes.
 */
export async function confirmTwoFactorSetup(user: Actor, code: string, now = Date.now()): Promise<WriteResult<{ recoveryCodes: string[] }>> {
  const current = await prisma.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true, secret: true } });
  if (!current) return gone(SETUP_GONE);
  if (current.enabledAt) return conflict(ALREADY_ENABLED);
  const secret = decryptTotpSecret(current.secret);
  if (!secret) return gone(SETUP_GONE);
  const step = totpStepOf(code, secret, now);
  if (step === null) return fieldRefused("code", WRONG_CODE);
  return prisma.$transaction(async (tx) => {
    // Only the setup that was checked is confirmed: a restart in between changed the secret.
    const { count } = await tx.twoFactor.updateMany({
      where: { userId: user.id, enabledAt: null, secret: current.secret },
      data: { enabledAt: new Date(now), lastUsedStep: step },
    });
    if (count !== 1) return conflict(SETUP_GONE);
    const recoveryCodes = await newRecoveryCodes(tx, user.id);
    await audit({ organisationId: user.organisationId, userId: user.id, action: "update", entity: "user", entityId: user.id, detail: "tvåstegsverifiering påslagen" }, tx);
    return ok({ recoveryCodes });
  });
}

/**
 * Checks a second-factor code of a user with two-factor sign-in on and uses it up: an
 * authenticator code (its time step must be later than the last one accepted, so a code
 * cannot be replayed) or an unused recovery code. Both are one conditional update, so two
 * requests at once cannot both use the same code.
 */
export async function spendSecondFactor(userId: string, code: string, now = Date.now()): Promise<"totp" | "recovery" | null> {
  const current = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true, secret: true } });
  if (!current?.enabledAt) return null;
  if (looksLikeTotpCode(code)) {
    const secret = decryptTotpSecret(current.secret);
    const step = secret ? totpStepOf(code, secret, now) : null;
    if (step === null) return null;
    const { count } = await prisma.twoFactor.updateMany({
      where: { userId, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  if (normaliseRecoveryCode(code).length === 0) return null;
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date(now) },
  });
  return count === 1 ? "recovery" : null;
}

/** Ten new recovery codes in place of the old ones (after a code has been checked). */
export async function replaceRecoveryCodes(user: Actor): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const codes = await newRecoveryCodes(tx, user.id);
    await audit({ organisationId: user.organisationId, userId: user.id, action: "update", entity: "user", entityId: user.id, detail: "nya reservkoder för tvåstegsverifiering" }, tx);
    return codes;
  });
}

async function removeTwoFactor(tx: Tx, userId: string): Promise<boolean> {
  const { count } = await tx.twoFactor.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  return count > 0;
}

/** The user turns their own second factor off (after a code has been checked). */
export async function turnOffTwoFactor(user: Actor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await removeTwoFactor(tx, user.id);
    await audit({ organisationId: user.organisationId, userId: user.id, action: "update", entity: "user", entityId: user.id, detail: "tvåstegsverifiering avstängd" }, tx);
  });
}

export const SELF_RESET = "Din egen tvåstegsverifiering ändrar du under Konto → Tvåstegsverifiering.";

/** The förbundschef resets a user's second factor (a lost phone): the user sets it up anew. */
export async function resetTwoFactor(editor: Actor, userId: string): Promise<WriteResult> {
  if (userId === editor.id) return formRefused(SELF_RESET);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organisationId: editor.organisationId }, select: { id: true } });
    if (!user) return gone("Användaren finns inte.");
    if (!(await removeTwoFactor(tx, userId))) return formRefused("Användaren har ingen tvåstegsverifiering att återställa.");
    await audit({ organisationId: editor.organisationId, userId: editor.id, action: "update", entity: "user", entityId: userId, detail: "tvåstegsverifiering återställd av förbundschef" }, tx);
    return ok();
  });
}

/** What the sign-in must ask of the user after the password. */
export async function secondStepOf(userId: string): Promise<"none" | "code" | "setup"> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, organisation: { select: { twoFactorRoles: true } }, twoFactor: { select: { enabledAt: true } } },
  });
  if (user.twoFactor?.enabledAt) return "code";
  return roleRequiresTwoFactor(user.organisation.twoFactorRoles, user.role) ? "setup" : "none";
}

/** A user of a pending sign-in, if the account can still sign in. */
export function activeUserForSignIn(userId: string) {
  return prisma.user.findFirst({ where: { id: userId, active: true }, select: { id: true, organisationId: true, email: true, role: true } });
}

/** The förbundschef's view of a user's second factor. */
export async function twoFactorOverview(organisationId: string, userId: string) {
  const row = await prisma.twoFactor.findFirst({ where: { userId, user: { organisationId } }, select: { enabledAt: true } });
  return { state: row?.enabledAt ? ("on" as const) : row ? ("pending" as const) : ("off" as const), enabledAt: row?.enabledAt ?? null };
}
