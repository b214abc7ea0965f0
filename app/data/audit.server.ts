import { prisma, type Tx } from "./db.server";

export type AuditAction =
  | "read"
  | "create"
  | "update"
  | "delete"
  | "sign-in"
  | "sign-in-failure"
  | "sign-out"
  | "password-change"
  | "import"
  | "export"
  | "consent-withdrawal"
  | "access-denied";

export interface AuditEntry {
  organisationId: string;
  userId: string | null;
  action: AuditAction;
  /** The kind of record: "participant", "enrolment", "user", "kommun", ... */
  entity: string;
  entityId?: string | null;
  participantId?: string | null;
  /** What happened, without sensitive values: e.g. the names of the changed fields. */
  detail?: string | null;
}

/** The one way to write the audit log. Pass the transaction when the audited change is in one. */
export async function audit(entry: AuditEntry, tx: Tx = prisma): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organisationId: entry.organisationId,
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      participantId: entry.participantId ?? null,
      detail: entry.detail ?? null,
    },
  });
}

/** What a failed sign-in entry repeats of the e-mail: an address has at most 254 characters. */
const LOGGED_EMAIL_LENGTH = 254;
const LOGGED_ADDRESS_LENGTH = 64;

/**
 * A failed sign-in to an account, in its förbund's log: the e-mail as typed (lower-cased, cut)
 * and the client address, never the password. Who tried is unknown, so no user is named.
 */
export async function auditFailedSignIn(account: { id: string; organisationId: string }, email: string, address: string): Promise<void> {
  const typed = email.trim().toLowerCase().slice(0, LOGGED_EMAIL_LENGTH);
  await audit({
    organisationId: account.organisationId,
    userId: null,
    action: "sign-in-failure",
    entity: "user",
    entityId: account.id,
    detail: `e-post: ${typed}, adress: ${address.slice(0, LOGGED_ADDRESS_LENGTH)}`,
  });
}

/** The names of the fields whose values differ: what an "update" audit entry records. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => after[key] !== undefined && after[key] !== before[key]);
}

export async function listAuditEvents(
  organisationId: string,
  { page, pageSize, action, entity, userId }: { page: number; pageSize: number; action?: string; entity?: string; userId?: string },
) {
  const where = {
    organisationId,
    ...(action ? { action } : {}),
    ...(entity ? { entity } : {}),
    ...(userId ? { userId } : {}),
  };
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, at: true, action: true, entity: true, entityId: true, participantId: true, detail: true,
        user: { select: { name: true, email: true } },
      },
    }),
  ]);
  return { total, events };
}
