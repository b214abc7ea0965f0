import { z } from "zod";
import { GENDERS, REFERRAL_DECISIONS, TRAPPAN_STEPS } from "~/domain/reference-defaults";
import { checkbox, choice, isoDate, optionalChoice, optionalName, optionalParticipantCode, participantCode } from "./form";

// The forms of referral intake and enrolment (the URL state of the intake lists is intake-lists.ts).

/** A calendar date that has already happened: events are recorded, not planned. */
export const pastDate = (label: string) => isoDate(label, { past: true });

export const ReferralSchema = z.object({
  date: pastDate("Remissdatum"),
  referrerId: choice("Välj en remittent."),
  kommunId: choice("Välj en kommun."),
  insatsId: choice("Välj en insats."),
});
export type ReferralInput = z.output<typeof ReferralSchema>;

export const DecisionSchema = z.object({
  decision: z.enum(REFERRAL_DECISIONS, { error: "Välj ett beslut i listan." }),
  version: z.coerce.number({ error: "Ladda om sidan och försök igen." }).int(),
});
export type DecisionInput = z.output<typeof DecisionSchema>;

export const StudyVisitSchema = z.object({
  date: pastDate("Datum för studiebesöket"),
  kommunId: choice("Välj en kommun."),
  insatsId: choice("Välj en insats."),
  // The visitor is usually not a participant yet; when they are, the coordinator types the code.
  participantCode: optionalParticipantCode(),
});
export type StudyVisitInput = z.output<typeof StudyVisitSchema>;

export const ConsentSchema = z
  .object({
    code: participantCode(),
    name: optionalName("Namnet", 200),
    givenDate: pastDate("Datum för samtycket"),
    coversSharing: checkbox,
    coversStatistics: checkbox,
  })
  .refine((value) => value.coversSharing || value.coversStatistics, {
    path: ["coversSharing"],
    message: "Ange vad samtycket omfattar: informationsutbyte mellan parterna, uppföljningsstatistik eller båda.",
  });
export type ConsentInput = z.output<typeof ConsentSchema>;

/** Label of the optional consent date when an existing participant is linked to a referral. */
export const NEW_CONSENT_DATE = "Datum för nytt samtycke";

/**
 * A person enrolled before, referred again: the referral is linked to them by their code. A new
 * consent date is needed only when their latest consent is withdrawn or missing; the server
 * decides that, so the date is optional here.
 */
export const LinkParticipantSchema = z
  .object({
    code: participantCode(),
    givenDate: z
      .preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), pastDate(NEW_CONSENT_DATE).optional())
      .transform((value) => value ?? null),
    coversSharing: checkbox,
    coversStatistics: checkbox,
  })
  .refine((value) => value.givenDate === null || value.coversSharing || value.coversStatistics, {
    path: ["coversSharing"],
    message: "Ange vad samtycket omfattar: informationsutbyte mellan parterna, uppföljningsstatistik eller båda.",
  });
export type LinkParticipantInput = z.output<typeof LinkParticipantSchema>;

const firstStep = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce
    .number({ error: "Välj ett steg mellan 1 och 6." })
    .int("Välj ett steg mellan 1 och 6.")
    .min(1, "Välj ett steg mellan 1 och 6.")
    .max(TRAPPAN_STEPS.length, "Välj ett steg mellan 1 och 6.")
    .optional(),
);

export const EnrolmentSchema = z.object({
  insatsId: choice("Välj en insats."),
  kommunId: choice("Välj en kommun."),
  coordinatorId: optionalChoice("Välj en koordinator i listan."),
  referrerId: choice("Välj en remittent."),
  gender: z.enum(GENDERS, { error: "Välj kön." }),
  ageGroupId: choice("Välj en åldersgrupp."),
  incomeStartId: optionalChoice("Välj en försörjning i listan."),
  enrolledDate: pastDate("Inskrivningsdatum"),
  /** The initial Trappan placement, dated on the enrolment date. */
  firstStep,
});
export type EnrolmentInput = z.output<typeof EnrolmentSchema>;
