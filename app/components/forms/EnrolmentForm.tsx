import type { EnrolmentFormOptions } from "~/data/enrolments.server";
import { GENDER_LABELS, GENDERS } from "~/domain/reference-defaults";
import type { FieldErrors } from "~/schemas/form";
import { SelectField, TextField } from "./fields";
import { InsatsKommunFields } from "./insats-kommun";

/** The fields of an enrolment, as posted. */
export type EnrolmentField =
  "insatsId" | "kommunId" | "coordinatorId" | "firstStep" | "referrerId" | "gender" | "ageGroupId" | "incomeStartId" | "enrolledDate";

/**
 * The fields of an enrolment: from a referral (the first one) and on the participant's page
 * (enrolled again). The koordinatorer and Trappan steps offered follow the chosen insats and
 * kommun. Until a post has failed, the koordinator is the user, if they are one.
 */
export function EnrolmentFields({
  options,
  currentUserId,
  today,
  failed,
  value,
  errors,
}: {
  options: EnrolmentFormOptions;
  currentUserId: string;
  today: string;
  /** Whether the form comes back from a failed post; `value` then gives the user's input. */
  failed: boolean;
  /** A field's starting value. */
  value: (name: EnrolmentField) => string | null | undefined;
  errors: FieldErrors;
}) {
  const ownCoordinator = options.coordinators.some((coordinator) => coordinator.value === currentUserId) ? currentUserId : null;
  return (
    <>
      <InsatsKommunFields
        insatser={options.insatser}
        kommuner={options.kommuner}
        pairs={options.pairs}
        defaultInsatsId={value("insatsId")}
        defaultKommunId={value("kommunId")}
        errors={errors}
      >
        {({ insatsId, kommunId }) => (
          <>
            <SelectField
              label="Koordinator"
              name="coordinatorId"
              options={options.coordinators.filter(
                (coordinator) => !insatsId || !kommunId || coordinator.pairs.some((pair) => pair.insatsId === insatsId && pair.kommunId === kommunId),
              )}
              defaultValue={failed ? value("coordinatorId") : ownCoordinator}
              placeholder="Ingen vald"
              errors={errors.coordinatorId}
            />
            <SelectField
              label="Steg i Trappan vid inskrivning"
              name="firstStep"
              options={(options.trappanSteps[insatsId] ?? []).map(({ step, label }) => ({ value: String(step), label: `${step} – ${label}` }))}
              defaultValue={value("firstStep")}
              placeholder="Placeras senare"
              errors={errors.firstStep}
            />
          </>
        )}
      </InsatsKommunFields>
      <div className="row">
        <SelectField label="Remittent" name="referrerId" required options={options.referrers} defaultValue={value("referrerId")} errors={errors.referrerId} />
        <SelectField
          label="Kön"
          name="gender"
          required
          options={GENDERS.map((gender) => ({ value: gender, label: GENDER_LABELS[gender] }))}
          defaultValue={value("gender")}
          errors={errors.gender}
        />
        <SelectField label="Åldersgrupp" name="ageGroupId" required options={options.ageGroups} defaultValue={value("ageGroupId")} errors={errors.ageGroupId} />
      </div>
      <div className="row">
        <SelectField
          label="Försörjning vid inskrivning"
          name="incomeStartId"
          options={options.incomeSources}
          defaultValue={value("incomeStartId")}
          placeholder="Ej angiven"
          errors={errors.incomeStartId}
        />
        <TextField
          label="Inskrivningsdatum"
          name="enrolledDate"
          type="date"
          required
          max={today}
          defaultValue={value("enrolledDate")}
          errors={errors.enrolledDate}
        />
      </div>
    </>
  );
}
