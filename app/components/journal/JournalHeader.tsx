import { Link } from "react-router";
import type { JournalView } from "~/data/journal/page.server";
import { formatDate, formatNumber } from "~/utils/format";

/** Who the participant is and where their latest enrolment stands. */
export function JournalHeader({ participant, current }: { participant: JournalView["participant"]; current: JournalView["current"] }) {
  const status = !current ? "Ej inskriven" : current.open ? "Aktiv" : "Avslutad";
  return (
    <header className="journal-header card">
      <p className="journal-header__crumb">
        <Link to="/deltagare">← Deltagare</Link>
      </p>
      <h1>
        {participant.code ?? "Deltagare utan kod"}
        {participant.name ? <span className="journal-header__name"> – {participant.name}</span> : null}
      </h1>
      <dl className="journal-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge ${current?.open ? "badge--ok" : ""}`}>{status}</span>
          </dd>
        </div>
        <div>
          <dt>Aktuellt steg</dt>
          <dd>{current?.currentStep ? <span title={current.currentStep.text}>Steg {current.currentStep.step}</span> : "Inte placerad"}</dd>
        </div>
        {current ? (
          <>
            <div>
              <dt>{current.open ? "Dagar sedan inskrivning" : "Dagar i insatsen"}</dt>
              <dd>{formatNumber(current.daysEnrolled)}</dd>
            </div>
            <div>
              <dt>Inskriven</dt>
              <dd>
                {formatDate(current.enrolledDate)}
                {current.closedDate ? `, avslutad ${formatDate(current.closedDate)}` : ""}
              </dd>
            </div>
            <div>
              <dt>Insats</dt>
              <dd>
                {current.insats}, {current.kommun}
              </dd>
            </div>
            <div>
              <dt>Koordinator</dt>
              <dd>{current.coordinator ?? "Ingen vald"}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {current?.currentStep ? <p className="journal-header__step">{current.currentStep.text}</p> : null}
    </header>
  );
}
