import { Form, Link } from "react-router";
import type { Route } from "./+types/audit-log";
import { requirePermission } from "~/auth/guards.server";
import { SelectField } from "~/components/forms/fields";
import { listAuditEvents } from "~/data/audit.server";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_PAGE_SIZE, auditActionLabel, auditEntityLabel, AuditLogQuerySchema } from "~/schemas/audit-log";
import { formatDateTime, formatNumber } from "~/utils/format";

export const meta: Route.MetaFunction = () => [{ title: "Logg – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "audit:read");
  const query = AuditLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { total, events } = await listAuditEvents(user.organisationId, {
    page: query.page,
    pageSize: AUDIT_PAGE_SIZE,
    action: query.action,
    entity: query.entity,
  });
  return {
    filters: { action: query.action ?? "", entity: query.entity ?? "" },
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    events: events.map((event) => ({
      id: event.id,
      at: formatDateTime(event.at),
      // A removed user's events stay, without the name.
      user: event.user ? event.user.name : "Okänd användare",
      action: auditActionLabel(event.action),
      entity: auditEntityLabel(event.entity),
      entityId: event.entityId,
      participantId: event.participantId,
      detail: event.detail,
    })),
  };
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

/** The address of another page of the same view: filters are kept, so a view is a link. */
function pageLink(filters: { action: string; entity: string }, page: number): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.entity) params.set("entity", filters.entity);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/logg?${search}` : "/admin/logg";
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { filters, page, pageCount, total, events } = loaderData;
  // A filter value from an old link that the list does not name still shows as an option.
  const entityOptions =
    filters.entity && !AUDIT_ENTITY_LABELS[filters.entity] ? [...ENTITY_OPTIONS, { value: filters.entity, label: filters.entity }] : ENTITY_OPTIONS;
  const filtered = Boolean(filters.action || filters.entity);
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Logg</h1>
      <p>
        Vem som har läst eller ändrat vad, och när – och vad som nekades: åtkomst till deltagare utanför ens insatser och kommuner, och misslyckade
        inloggningar. Loggen visar id och fältnamn, aldrig känsliga uppgifter.
      </p>
      <Form method="get" className="card row" key={`${filters.action}|${filters.entity}`}>
        <SelectField label="Händelse" name="action" options={ACTION_OPTIONS} placeholder="Alla händelser" defaultValue={filters.action} />
        <SelectField label="Post" name="entity" options={entityOptions} placeholder="Alla slags poster" defaultValue={filters.entity} />
        <button type="submit" className="button">
          Visa
        </button>
        {filtered ? <Link to="/admin/logg">Visa alla händelser</Link> : null}
      </Form>

      <p role="status">
        {formatNumber(total)} {total === 1 ? "händelse" : "händelser"}
        {filtered ? " med valda filter" : ""}. Sida {formatNumber(page)} av {formatNumber(pageCount)}.
      </p>
      {events.length === 0 ? (
        <p>Inga händelser att visa.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              Logghändelser, nyaste först (sida {formatNumber(page)} av {formatNumber(pageCount)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Tidpunkt</th>
                <th scope="col">Användare</th>
                <th scope="col">Händelse</th>
                <th scope="col">Post</th>
                <th scope="col">Deltagare-id</th>
                <th scope="col">Detalj</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="admin-nowrap">{event.at}</td>
                  <td>{event.user}</td>
                  <td>{event.action}</td>
                  <td>
                    {event.entity}
                    {event.entityId ? (
                      <>
                        {" "}
                        <code>{event.entityId}</code>
                      </>
                    ) : null}
                  </td>
                  <td>{event.participantId ? <code>{event.participantId}</code> : "–"}</td>
                  <td>{event.detail ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Sidor i loggen" className="admin-pager">
          {page > 1 ? <Link to={pageLink(filters, page - 1)}>← Föregående sida</Link> : null}
          {page < pageCount ? <Link to={pageLink(filters, page + 1)}>Nästa sida →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
