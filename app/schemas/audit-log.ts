import { z } from "zod";
import type { AuditAction } from "~/data/audit.server";

// The audit log page: Swedish names of the logged actions and entities, and its query.

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  read: "Läst",
  create: "Skapat",
  update: "Ändrat",
  delete: "Tagit bort",
  "sign-in": "Loggat in",
  "sign-in-failure": "Misslyckad inloggning",
  "sign-out": "Loggat ut",
  "password-change": "Bytt lösenord",
  import: "Importerat",
  export: "Exporterat",
  "consent-withdrawal": "Återkallat samtycke",
  "access-denied": "Nekad åtkomst",
};

const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];

/** Entities with a Swedish name; others are shown by their key. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: "Användare",
  organisation: "Förbund",
  kommun: "Kommun",
  insats: "Insats",
  "skapa-area": "SKAPA-område",
  "closure-reason": "Avslutsorsak",
  referrer: "Remittent",
  participant: "Deltagare",
  enrolment: "Inskrivning",
  consent: "Samtycke",
  referral: "Remiss",
  "study-visit": "Studiebesök",
  report: "Rapport",
  statistics: "Statistik",
  activity: "Möte/aktivitet",
  "trappan-placement": "Placering i Trappan",
  "skapa-offer": "SKAPA erbjuden",
  "skapa-assessment": "SKAPA-skattning",
  "fov-screening": "FOV",
  "support-intervention": "Stödinsats",
  "income-change": "Försörjning",
  import: "Import",
};

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? entity;
}

// A view of the log is a link: the filters live in the query string. Anything malformed falls
// back to "no filter" rather than an error page.
export const AuditLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  entity: z
    .string()
    .regex(/^[a-z][a-z_-]{0,39}$/)
    .optional()
    .catch(undefined),
});

export const AUDIT_PAGE_SIZE = 50;
