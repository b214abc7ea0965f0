import { Link } from "react-router";
import type { Route } from "./+types/detail";
import { requireAccess, requirePermission, requireReferralAccess } from "~/auth/guards.server";
import { DecisionForm } from "~/components/referrals/DecisionForm";
import { ParticipantIntake } from "~/components/referrals/ParticipantIntake";
import { PersonSection } from "~/components/referrals/PersonSection";
import { ReferralEnrolmentForm } from "~/components/referrals/ReferralEnrolmentForm";
import { linkParticipant, recordConsent } from "~/data/consent.server";
import { createEnrolment, enrolmentFormOptions } from "~/data/enrolments.server";
import { referralPage, referralParticipant, setReferralDecision } from "~/data/referrals.server";
import { todayInSweden } from "~/domain/period";
import { REFERRAL_DECISION_LABELS } from "~/domain/reference-defaults";
import { ConsentSchema, DecisionSchema, EnrolmentSchema, LinkParticipantSchema } from "~/schemas/participants";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, successFor } from "~/utils/form-answer";
import { formatDate } from "~/utils/format";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Remiss – Stegvis" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  const { referral } = requireAccess(await referralPage(user, params.referralId));
  // The enrolment form exists only once consent is recorded: before that nothing about the person is asked.
  const enrolable = referral.participant !== null && !referral.participant.hasOpenEnrolment;
  return {
    referral,
    enrolmentOptions: enrolable ? await enrolmentFormOptions(user) : null,
    currentUserId: user.id,
    today: todayInSweden(),
  };
}

const LINKED = "Remissen är kopplad till deltagaren. Deltagarens tidigare samtycke gäller. Fyll i den nya inskrivningen nedan.";
const LINKED_WITH_CONSENT = "Remissen är kopplad till deltagaren och det nya samtycket är registrerat. Fyll i den nya inskrivningen nedan.";

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  const { referralId } = params;
  await requireReferralAccess(user, referralId);
  return formAction(request, {
    decision: intent(DecisionSchema, async (input) => {
      const result = await setReferralDecision(user, referralId, input);
      return result.ok ? ok({ message: "Beslutet är sparat." }) : result;
    }),
    consent: intent(ConsentSchema, async (input) => {
      const result = await recordConsent(user, referralId, input);
      return result.ok ? ok({ message: "Samtycket är registrerat. Fyll i inskrivningen nedan." }) : result;
    }),
    link: intent(LinkParticipantSchema, async (input) => {
      const result = await linkParticipant(user, referralId, input);
      if (!result.ok) return result;
      const { consentRecorded } = result;
      return ok({ message: consentRecorded ? LINKED_WITH_CONSENT : LINKED, detail: { consentRecorded } });
    }),
    enrolment: intent(EnrolmentSchema, async (input) => {
      const linked = await referralParticipant(user, referralId);
      if (!linked.ok) return linked;
      const result = await createEnrolment(user, linked.participantId, input);
      return result.ok ? ok({ redirectTo: `/deltagare/${linked.participantId}` }) : result;
    }),
  });
}

export default function ReferralDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { referral, enrolmentOptions, currentUserId, today } = loaderData;
  const person = referral.participant;
  return (
    <div className="stack">
      <p>
        <Link to="/remisser">← Remisser</Link>
      </p>
      <h1>Remiss {formatDate(referral.date)}</h1>
      <dl className="journal-facts">
        <div>
          <dt>Remittent</dt>
          <dd>{referral.referrer}</dd>
        </div>
        <div>
          <dt>Insats</dt>
          <dd>{referral.insats}</dd>
        </div>
        <div>
          <dt>Kommun</dt>
          <dd>{referral.kommun}</dd>
        </div>
        <div>
          <dt>Beslut</dt>
          <dd>{referral.decision ? REFERRAL_DECISION_LABELS[referral.decision] : "Ej beslutad"}</dd>
        </div>
      </dl>

      <DecisionForm referral={referral} failure={failureFor(actionData, "decision")} success={successFor(actionData, "decision")} />

      {referral.erased ? (
        <p className="alert alert--info">Samtycket har återkallats och uppgifterna om personen är raderade. Remissen räknas fortfarande i statistiken.</p>
      ) : person ? (
        <PersonSection person={person} saved={successFor(actionData, ["consent", "link"])?.message ?? null} />
      ) : (
        <ParticipantIntake key={referral.id} consent={failureFor(actionData, "consent")} link={failureFor(actionData, "link")} today={today} />
      )}

      {person && enrolmentOptions ? (
        <ReferralEnrolmentForm
          referral={referral}
          options={enrolmentOptions}
          currentUserId={currentUserId}
          today={today}
          failure={failureFor(actionData, "enrolment")}
          reEnrolment={person.enrolmentCount > 0}
        />
      ) : null}
    </div>
  );
}
