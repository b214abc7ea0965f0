import { z } from "zod";
import { ROLES } from "~/auth/permissions";
import type { AuditAction } from "~/data/audit.server";
import type { GoalMetric } from "~/domain/goals";
import { TRAPPAN_STEPS } from "~/domain/reference-defaults";
import { checkbox, email, formValues, id, isoDate, newPassword, requiredText, UNKNOWN_INTENT, type FieldErrors } from "./form";

// The forms of the administration pages. Every form that does more than one thing carries a
// hidden `intent`; the schema is a discriminated union on it, so the action gets typed input.

const recordId = id("Posten");

/** A whole number typed into a form, within [min, max]. */
export const integerText = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} måste fyllas i.` })
    .trim()
    // Abort: an empty field needs one message, not also "must be a whole number".
    .min(1, { message: `${label} måste fyllas i.`, abort: true })
    .regex(/^-?\d+$/, { message: `${label} måste vara ett heltal.`, abort: true })
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${label} måste vara mellan ${min} och ${max}.`);

/** An optional calendar date: an empty field is no date. */
const optionalDate = (label: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), isoDate(label).optional()).transform((value) => value ?? null);

/** An optional sort number: empty means "last". */
const optionalSortOrder = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  integerText("Ordningen", 0, 999).optional(),
);

// ── Översikt ───────────────────────────────────────────────────────────────

export const SmallNumberThresholdSchema = z.object({
  smallNumberThreshold: integerText("Gränsen", 1, 20),
});

// ── Kommuner and remittenter: lists of names ───────────────────────────────

const namedListSchema = (maxLength: number) =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("create"), name: requiredText("Namnet", maxLength) }),
      z.object({ intent: z.literal("rename"), id: recordId, name: requiredText("Namnet", maxLength) }),
      z.object({ intent: z.literal("delete"), id: recordId }),
    ],
    { error: UNKNOWN_INTENT },
  );

export const KommunFormSchema = namedListSchema(100);
export const ReferrerFormSchema = namedListSchema(200);
export type NamedListFormSchema = ReturnType<typeof namedListSchema>;

// ── Avslutsorsaker ─────────────────────────────────────────────────────────

export const CLOSURE_CATEGORIES = ["positive", "negative"] as const;
export type ClosureCategoryKey = (typeof CLOSURE_CATEGORIES)[number];
export const CLOSURE_CATEGORY_LABELS: Record<ClosureCategoryKey, string> = {
  positive: "Positivt eller potentiellt positivt",
  negative: "Ingen förändring eller negativt",
};
const closureCategory = z.enum(CLOSURE_CATEGORIES, { error: "Välj en kategori." });

export const ClosureReasonFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create"), label: requiredText("Avslutsorsaken"), category: closureCategory }),
    z.object({ intent: z.literal("update"), id: recordId, label: requiredText("Avslutsorsaken"), category: closureCategory }),
    z.object({ intent: z.literal("delete"), id: recordId }),
  ],
  { error: UNKNOWN_INTENT },
);

// ── Insatser ───────────────────────────────────────────────────────────────

const insatsName = requiredText("Namnet", 100);

export const InsatsListFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create"), name: insatsName, startDate: optionalDate("Startdatum") }),
    z.object({ intent: z.literal("delete"), id: recordId }),
  ],
  { error: UNKNOWN_INTENT },
);

/**
 * The goal targets the förbundschef can set per insats. Shares are typed in percent and stored
 * as a ratio (0..1); counts are stored as typed.
 */
export const ADMIN_GOAL_METRICS = [
  { metric: "trappan_share", label: "Stegförflyttning", kind: "share" },
  { metric: "skapa_offered_share", label: "Erbjudna SKAPA", kind: "share" },
  { metric: "skapa_progressed_share", label: "Progression SKAPA", kind: "share" },
  { metric: "new_enrolments", label: "Nyinskrivna per period", kind: "count" },
  { metric: "active", label: "Aktiva deltagare", kind: "count" },
  { metric: "closed_with_plan_share", label: "Planering efter avslut", kind: "share" },
  { metric: "survey_support_share", label: "Upplevt stöd", kind: "share" },
  { metric: "survey_influence_share", label: "Upplevt inflytande", kind: "share" },
  { metric: "survey_readiness_share", label: "Ökad beredskap", kind: "share" },
] as const satisfies ReadonlyArray<{ metric: GoalMetric; label: string; kind: "share" | "count" }>;

export type AdminGoalMetric = (typeof ADMIN_GOAL_METRICS)[number]["metric"];

/** An empty field is "no target"; a share accepts a decimal comma ("82,5"). */
const targetField = ({ label, kind }: (typeof ADMIN_GOAL_METRICS)[number]) => {
  const text = z.string().trim().optional();
  if (kind === "share") {
    const message = `${label} måste vara ett tal mellan 0 och 100.`;
    return text
      .refine((value) => !value || /^\d{1,3}([.,]\d{1,2})?$/.test(value), message)
      .transform((value) => (value ? Number(value.replace(",", ".")) : null))
      .refine((value) => value === null || value <= 100, message)
      .transform((value) => (value === null ? null : value / 100));
  }
  return text
    .refine((value) => !value || /^\d{1,6}$/.test(value), `${label} måste vara ett heltal, 0 eller större.`)
    .transform((value) => (value ? Number(value) : null));
};

const targetsSchema = z
  .object({
    intent: z.literal("targets"),
    ...(Object.fromEntries(ADMIN_GOAL_METRICS.map((goal) => [goal.metric, targetField(goal)])) as Record<
      AdminGoalMetric,
      ReturnType<typeof targetField>
    >),
  })
  .transform(({ intent, ...targets }) => ({ intent, targets: targets as Record<AdminGoalMetric, number | null> }));

const areaFields = { label: requiredText("Området", 100) };
const areaId = id("Området");

type StepField = `step${(typeof TRAPPAN_STEPS)[number]}`;
const stepFields = Object.fromEntries(TRAPPAN_STEPS.map((step) => [`step${step}`, requiredText(`Steg ${step}`)])) as Record<
  StepField,
  ReturnType<typeof requiredText>
>;

/** Step numbers are fixed (1–6); only their labels are edited, as fields step1 … step6. */
const stepsSchema = z
  .object({ intent: z.literal("steps"), ...stepFields })
  .transform(({ intent, ...labels }) => ({ intent, labels: TRAPPAN_STEPS.map((step) => labels[`step${step}`]) }));

export const InsatsEditFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("details"), name: insatsName, startDate: optionalDate("Startdatum") }),
    stepsSchema,
    z
      .object({
        intent: z.literal("scale"),
        skapaScaleMin: integerText("Lägsta värde", 0, 100),
        skapaScaleMax: integerText("Högsta värde", 0, 100),
      })
      .refine((value) => value.skapaScaleMin < value.skapaScaleMax, {
        path: ["skapaScaleMax"],
        message: "Högsta värde måste vara större än lägsta värde.",
      }),
    z.object({ intent: z.literal("area-create"), ...areaFields, sortOrder: optionalSortOrder }),
    z.object({ intent: z.literal("area-update"), areaId, ...areaFields, sortOrder: integerText("Ordningen", 0, 999) }),
    z.object({ intent: z.literal("area-retire"), areaId }),
    z.object({ intent: z.literal("area-reactivate"), areaId }),
    z.object({ intent: z.literal("area-delete"), areaId }),
    targetsSchema,
  ],
  { error: UNKNOWN_INTENT },
);

// ── Användare ──────────────────────────────────────────────────────────────

const role = z.enum(ROLES, { error: "Välj en roll." });

/** Checkbox values "insatsId:kommunId", one per ticked insats × kommun pair. */
const assignments = z
  .array(z.string().regex(/^[\w-]+:[\w-]+$/, "En tilldelning är felaktig. Ladda om sidan och försök igen."))
  .default([])
  .transform((pairs) =>
    [...new Set(pairs)].map((pair) => {
      const [insatsId, kommunId] = pair.split(":");
      return { insatsId, kommunId };
    }),
  );

const userFields = {
  name: requiredText("Namnet", 100),
  email,
  role,
  assignments,
};

export const UserCreateSchema = z.object({ ...userFields, password: newPassword });

export const UserEditSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("save"),
      ...userFields,
      active: checkbox,
      expectedUpdatedAt: z.string({ error: UNKNOWN_INTENT }).min(1, UNKNOWN_INTENT),
    }),
    z.object({ intent: z.literal("password"), password: newPassword }),
  ],
  { error: UNKNOWN_INTENT },
);

export const EMAIL_TAKEN = "E-postadressen används redan av ett annat konto.";
export const ASSIGNMENTS_INVALID = "En eller flera tilldelningar gäller en insats eller kommun som inte finns. Ladda om sidan och försök igen.";
export const USER_CONFLICT =
  "Någon annan har ändrat användaren medan du redigerade. Dina ändringar är inte sparade – ladda om sidan.";
export const SELF_DEMOTION = "Du kan inte ta bort din egen roll som förbundschef. Be en annan förbundschef om det behövs.";
export const SELF_DEACTIVATION = "Du kan inte inaktivera ditt eget konto.";
export const SELF_PASSWORD = "Byt ditt eget lösenord under ”Byt lösenord” i sidhuvudet.";

/** The form as an object for zod, with the checkbox group as an array (Object.fromEntries keeps one). */
export function userFormInput(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), assignments: formData.getAll("assignment") };
}

// ── Logg ───────────────────────────────────────────────────────────────────

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  read: "Läst",
  create: "Skapat",
  update: "Ändrat",
  delete: "Tagit bort",
  "sign-in": "Loggat in",
  "sign-out": "Loggat ut",
  "password-change": "Bytt lösenord",
  import: "Importerat",
  export: "Exporterat",
  "consent-withdrawal": "Återkallat samtycke",
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

// ── Action results ─────────────────────────────────────────────────────────

/**
 * What every admin action returns. `intent` and `targetId` tell the page which of its forms the
 * message belongs to, so that a rename error shows beside the row that was renamed.
 */
export type AdminActionResult =
  | { ok: true; intent: string; targetId: string | null; message: string }
  | {
      ok: false;
      intent: string;
      targetId: string | null;
      fieldErrors: FieldErrors;
      formError: string | null;
      values: Record<string, string>;
    };

export type AdminFailure = Extract<AdminActionResult, { ok: false }>;

/** A refusal from the data layer: with `field`, the user can fix the input; without, the state is in the way. */
export type Refusal = { ok: false; reason: "not-found" } | { ok: false; reason: "refused"; field?: string; message: string };

const NOT_FOUND_MESSAGE = "Posten finns inte längre, eller hör till ett annat förbund. Ladda om sidan.";

/** The body and HTTP status of a failed action. */
export function failure(
  context: { intent: string; targetId?: string | null; values: Record<string, string> },
  problem: Refusal | { fieldErrors: FieldErrors; formError?: string | null },
  status?: number,
): { result: AdminFailure; status: number } {
  const base = { ok: false as const, intent: context.intent, targetId: context.targetId ?? null, values: withoutSecrets(context.values) };
  if ("fieldErrors" in problem) {
    // An unknown intent can only come from a tampered or outdated form: say so at the top.
    const { intent: intentErrors, ...fieldErrors } = problem.fieldErrors;
    const formError = problem.formError ?? intentErrors?.[0] ?? null;
    return { result: { ...base, fieldErrors, formError }, status: status ?? 400 };
  }
  if (problem.reason === "not-found") return { result: { ...base, fieldErrors: {}, formError: NOT_FOUND_MESSAGE }, status: 404 };
  if (problem.field) return { result: { ...base, fieldErrors: { [problem.field]: [problem.message] }, formError: null }, status: 400 };
  return { result: { ...base, fieldErrors: {}, formError: problem.message }, status: 409 };
}

export function success(intent: string, message: string, targetId: string | null = null): AdminActionResult {
  return { ok: true, intent, targetId, message };
}

export interface FormContext {
  intent: string;
  targetId: string | null;
  values: Record<string, string>;
}

/** Which form was posted (its intent and the row it concerns) and what was typed in it. */
export function formContext(formData: FormData, idField = "id"): FormContext {
  const targetId = formData.get(idField);
  return {
    intent: String(formData.get("intent") ?? ""),
    targetId: typeof targetId === "string" && targetId ? targetId : null,
    values: formValues(formData),
  };
}

/** The reply to a data-layer write: its success message, or the refusal as a failure. */
export function outcomeResult<T extends object>(
  context: FormContext,
  outcome: ({ ok: true } & T) | Refusal,
  message: (saved: T) => string,
): { result: AdminActionResult; status: number } {
  if (!outcome.ok) return failure(context, outcome);
  return { result: success(context.intent, message(outcome), context.targetId), status: 200 };
}

/** The failure that belongs to this form, if the last action was this form's and failed. */
export function failureFor(result: AdminActionResult | undefined, intent: string | readonly string[], targetId: string | null = null) {
  if (!result || result.ok || result.targetId !== targetId) return null;
  return (typeof intent === "string" ? result.intent === intent : intent.includes(result.intent)) ? result : null;
}

/** A password is never sent back to the page. */
function withoutSecrets(values: Record<string, string>): Record<string, string> {
  const { password: _password, ...rest } = values;
  return rest;
}
