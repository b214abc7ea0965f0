// The participant page's Swedish for the enrolment date rules (domain/enrolment-dates.ts). The
// journal asks them of an event's date and of a closure; dates are shown as people read them.
import type { EnrolmentDateProblem } from "~/domain/enrolment-dates";
import { formatDate } from "~/utils/format";

export function dateProblemMessage(problem: EnrolmentDateProblem): string {
  switch (problem.code) {
    case "event-before-enrolment":
      return `Datumet kan inte ligga före inskrivningen (${formatDate(problem.enrolledDate)}).`;
    case "event-after-closure":
      return `Datumet kan inte ligga efter avslutet (${formatDate(problem.closedDate)}).`;
    case "closure-before-enrolment":
      return `Avslutsdatum kan inte ligga före inskrivningen (${formatDate(problem.enrolledDate)}).`;
    case "closure-before-event":
      return `Det finns händelser efter avslutsdatumet (senast ${formatDate(problem.latestEventDate)}).`;
    case "overlap":
      return `Avslutsdatum kan inte ligga efter nästa inskrivning (${formatDate(problem.other.enrolledDate)}).`;
    case "same-day-re-enrolment":
      return `Avslutsdatum måste ligga före nästa inskrivning (${formatDate(problem.other.enrolledDate)}): två inskrivningar kan inte dela en dag.`;
    case "no-consent":
      return "Samtycke saknas. Registrera samtycket innan deltagaren skrivs in.";
    case "before-consent":
      return `Inskrivningen kan inte ligga före samtycket (${formatDate(problem.consentDate)}).`;
  }
}
