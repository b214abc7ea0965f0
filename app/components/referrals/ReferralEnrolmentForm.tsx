import { Form, useNavigation } from "react-router";
import { EnrolmentFields } from "~/components/forms/EnrolmentForm";
import { FormMessage } from "~/components/forms/fields";
import type { EnrolmentFormOptions } from "~/data/enrolments.server";
import type { ReferralView } from "~/data/referrals.server";
import { fieldState, type FormFailure } from "~/utils/form-answer";

/** The enrolment of a referral's person: the referral's insats, kommun and remittent to start with. */
export function ReferralEnrolmentForm({
  referral,
  options,
  currentUserId,
  today,
  failure,
  reEnrolment,
}: {
  referral: ReferralView;
  options: EnrolmentFormOptions;
  currentUserId: string;
  today: string;
  failure: FormFailure | null;
  reEnrolment: boolean;
}) {
  const f = fieldState(failure, {
    insatsId: referral.insatsId,
    kommunId: referral.kommunId,
    referrerId: referral.referrerId,
    enrolledDate: today,
  });
  const saving = useNavigation().state === "submitting";
  return (
    <section className="card" aria-labelledby="enrolment-heading">
      <h2 id="enrolment-heading">{reEnrolment ? "Ny inskrivning" : "Inskrivning"}</h2>
      <Form method="post" className="stack intake-form" noValidate>
        <input type="hidden" name="intent" value="enrolment" />
        <FormMessage error={failure?.formError} />
        <EnrolmentFields
          options={options}
          currentUserId={currentUserId}
          today={today}
          failed={failure !== null}
          value={f.value}
          errors={failure?.fieldErrors ?? {}}
        />
        <button type="submit" className="button" disabled={saving}>
          Skriv in deltagaren
        </button>
      </Form>
    </section>
  );
}
