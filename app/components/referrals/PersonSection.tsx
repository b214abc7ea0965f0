import { Link } from "react-router";
import { FormMessage } from "~/components/forms/fields";
import type { ReferralView } from "~/data/referrals.server";
import { formatDate } from "~/utils/format";

/** The person of a referral once their consent is recorded (or they were linked by code). */
export function PersonSection({ person, saved }: { person: NonNullable<ReferralView["participant"]>; saved: string | null }) {
  const consent = person.consent;
  return (
    <section className="card" aria-labelledby="person-heading">
      <h2 id="person-heading">Deltagare</h2>
      <FormMessage success={saved} />
      <dl className="journal-facts">
        <div>
          <dt>Kod</dt>
          <dd>{person.code}</dd>
        </div>
        {person.name ? (
          <div>
            <dt>Namn</dt>
            <dd>{person.name}</dd>
          </div>
        ) : null}
        {consent ? (
          <>
            <div>
              <dt>Samtycke lämnat</dt>
              <dd>{formatDate(consent.givenDate)}</dd>
            </div>
            <div>
              <dt>Samtycket omfattar</dt>
              <dd>
                {[consent.coversSharing ? "Informationsutbyte" : null, consent.coversStatistics ? "Uppföljningsstatistik" : null].filter(Boolean).join(", ")}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {person.enrolmentCount > 0 ? (
        <p>
          <Link to={`/deltagare/${person.id}`}>Till deltagarens sida</Link>
        </p>
      ) : null}
    </section>
  );
}
