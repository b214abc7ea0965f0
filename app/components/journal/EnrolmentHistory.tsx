import type { JournalView } from "~/data/journal/page.server";
import { formatDate } from "~/utils/format";

/** Every enrolment of the person, the latest first. */
export function EnrolmentHistory({ enrolments }: { enrolments: JournalView["enrolments"] }) {
  if (enrolments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="enrolments-heading">
      <h2 id="enrolments-heading">Inskrivningar</h2>
      <ol className="enrolment-list">
        {enrolments.map((enrolment, index) => (
          <li key={enrolment.id}>
            <h3>
              {index === 0 ? (enrolment.closedDate ? "Senaste" : "Pågående") : "Tidigare"}: {enrolment.insats}, {enrolment.kommun}
            </h3>
            <dl className="journal-facts journal-facts--compact">
              <div>
                <dt>Period</dt>
                <dd>
                  {formatDate(enrolment.enrolledDate)} – {enrolment.closedDate ? formatDate(enrolment.closedDate) : "pågår"}
                </dd>
              </div>
              {enrolment.closureReason ? (
                <div>
                  <dt>Avslutsorsak</dt>
                  <dd>{enrolment.closureReason}</dd>
                </div>
              ) : null}
              <div>
                <dt>Koordinator</dt>
                <dd>{enrolment.coordinator ?? "Ingen vald"}</dd>
              </div>
              <div>
                <dt>Remittent</dt>
                <dd>{enrolment.referrer}</dd>
              </div>
              <div>
                <dt>Kön, ålder</dt>
                <dd>
                  {enrolment.gender}, {enrolment.ageGroup}
                </dd>
              </div>
              <div>
                <dt>Försörjning vid start</dt>
                <dd>{enrolment.incomeStart ?? "Ej angiven"}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
