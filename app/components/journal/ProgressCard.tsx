import { SkapaRadar } from "~/charts/SkapaRadar";
import { TrappanChart } from "~/charts/TrappanChart";
import type { JournalView } from "~/data/journal/page.server";
import { formatDate } from "~/utils/format";

/** "Utveckling": Trappan over time and SKAPA's first against latest, for the latest enrolment. */
export function ProgressCard({ current, trappan, skapa, today }: Pick<JournalView, "current" | "trappan" | "skapa" | "today">) {
  if (!current || !trappan) return null;
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Utveckling</h2>
      <p className="muted">Inskrivningen från {formatDate(current.enrolledDate)}.</p>
      <TrappanChart series={trappan} endDate={current.closedDate ?? today} />
      {skapa ? <SkapaRadar comparison={skapa} /> : <p className="muted">Ingen SKAPA-skattning ännu.</p>}
    </section>
  );
}
