import { z } from "zod";
import type { GoalMetric } from "~/domain/goals";
import { CLOSURE_CATEGORIES, TRAPPAN_STEPS } from "~/domain/reference-defaults";
import { emptyToUndefined, id, isoDate, requiredText } from "./form";

// The forms of the förbund's settings and reference lists (översikt, kommuner, remittenter,
// avslutsorsaker, insatser). A page with more than one form posts a hidden `intent`; each
// intent has its own schema here, keyed like the handlers of the page's action.

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
const optionalDate = (label: string) => z.preprocess(emptyToUndefined, isoDate(label).optional()).transform((value) => value ?? null);

/** An optional sort number: empty means "last". */
const optionalSortOrder = z.preprocess(emptyToUndefined, integerText("Ordningen", 0, 999).optional());

/** The "färre än N" threshold of the overview page. */
export const SmallNumberThresholdSchema = z.object({
  smallNumberThreshold: integerText("Gränsen", 1, 20),
});

/** The create, rename and delete forms of a list of names whose names are at most `maxLength` long. */
export const namedListSchemas = (maxLength: number) => ({
  create: z.object({ name: requiredText("Namnet", maxLength) }),
  rename: z.object({ id: recordId, name: requiredText("Namnet", maxLength) }),
  delete: z.object({ id: recordId }),
});

export const KommunSchemas = namedListSchemas(100);
export const ReferrerSchemas = namedListSchemas(200);
export type NamedListSchemas = ReturnType<typeof namedListSchemas>;

const closureReasonFields = {
  label: requiredText("Avslutsorsaken"),
  category: z.enum(CLOSURE_CATEGORIES, { error: "Välj en kategori." }),
};

export const ClosureReasonSchemas = {
  create: z.object(closureReasonFields),
  update: z.object({ id: recordId, ...closureReasonFields }),
  delete: z.object({ id: recordId }),
};

const insatsName = requiredText("Namnet", 100);

const insatsDetails = z.object({ name: insatsName, startDate: optionalDate("Startdatum") });

export const InsatsListSchemas = {
  create: insatsDetails,
  delete: z.object({ id: recordId }),
};

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
  { metric: "active_persons", label: "Aktiva personer", kind: "count" },
  { metric: "consultations", label: "Konsultationsärenden", kind: "count" },
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
  .object(Object.fromEntries(ADMIN_GOAL_METRICS.map((goal) => [goal.metric, targetField(goal)])) as Record<AdminGoalMetric, ReturnType<typeof targetField>>)
  .transform((targets) => ({ targets: targets as Record<AdminGoalMetric, number | null> }));

const areaFields = { label: requiredText("Området", 100) };
const areaId = id("Området");

type StepField = `step${(typeof TRAPPAN_STEPS)[number]}`;
const stepFields = Object.fromEntries(TRAPPAN_STEPS.map((step) => [`step${step}`, requiredText(`Steg ${step}`)])) as Record<
  StepField,
  ReturnType<typeof requiredText>
>;

/** Step numbers are fixed (1–6); only their labels are edited, as fields step1 … step6. */
const stepsSchema = z.object(stepFields).transform((labels) => ({ labels: TRAPPAN_STEPS.map((step) => labels[`step${step}`]) }));

const scaleSchema = z
  .object({
    skapaScaleMin: integerText("Lägsta värde", 0, 100),
    skapaScaleMax: integerText("Högsta värde", 0, 100),
  })
  .refine((value) => value.skapaScaleMin < value.skapaScaleMax, {
    path: ["skapaScaleMax"],
    message: "Högsta värde måste vara större än lägsta värde.",
  });

export const InsatsEditSchemas = {
  details: insatsDetails,
  steps: stepsSchema,
  scale: scaleSchema,
  targets: targetsSchema,
  "area-create": z.object({ ...areaFields, sortOrder: optionalSortOrder }),
  "area-update": z.object({ areaId, ...areaFields, sortOrder: integerText("Ordningen", 0, 999) }),
  "area-retire": z.object({ areaId }),
  "area-reactivate": z.object({ areaId }),
  "area-delete": z.object({ areaId }),
};
