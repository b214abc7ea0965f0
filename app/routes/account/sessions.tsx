import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/sessions";
import { requireUser } from "~/auth/guards.server";
import { activeSince, clearSessionCookie } from "~/auth/session.server";
import { FormMessage } from "~/components/forms/fields";
import { endOtherSessions, endOwnSession, listActiveSessions } from "~/data/sessions.server";
import { NoFieldsSchema, SessionHandleSchema } from "~/schemas/two-factor";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, successFor } from "~/utils/form-answer";
import { formatDateTime, formatNumber } from "~/utils/format";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Mina inloggningar – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const sessions = await listActiveSessions(user, activeSince());
  return {
    sessions: sessions.map((session) => ({
      handle: session.handle,
      startedAt: formatDateTime(session.createdAt),
      lastSeenAt: formatDateTime(session.lastSeenAt),
      browser: session.userAgent ?? "Okänd webbläsare",
      current: session.current,
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  return formAction(request, {
    end: intent(SessionHandleSchema, async ({ id }) => {
      const ended = await endOwnSession(user, id);
      if (!ended.ok) return ended;
      // Ending this very session is signing out.
      if (ended.current) throw redirect("/logga-in", { headers: { "Set-Cookie": clearSessionCookie() } });
      return ok({ message: "Inloggningen är avslutad." });
    }),
    "end-others": intent(NoFieldsSchema, async () => {
      const count = await endOtherSessions(user);
      return ok({ message: count === 1 ? "1 annan inloggning är avslutad." : `${formatNumber(count)} andra inloggningar är avslutade.` });
    }),
  });
}

export default function Sessions({ loaderData, actionData }: Route.ComponentProps) {
  const { sessions } = loaderData;
  const failed = failureFor(actionData, ["end", "end-others"], actionData?.targetId ?? null);
  const succeeded = successFor(actionData, ["end", "end-others"], actionData?.targetId ?? null);
  return (
    <div className="narrow">
      <p>
        <Link to="/konto">Mitt konto</Link>
      </p>
      <h1>Mina inloggningar</h1>
      <p>Här är du inloggad just nu. Avsluta en inloggning du inte känner igen och byt sedan lösenord.</p>
      <FormMessage error={failed?.formError} success={succeeded?.message} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Aktiva inloggningar</caption>
          <thead>
            <tr>
              <th scope="col">Webbläsare</th>
              <th scope="col">Inloggad</th>
              <th scope="col">Senast aktiv</th>
              <th scope="col">
                <span className="visually-hidden">Åtgärd</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.handle}>
                <td>
                  {session.browser}
                  {session.current ? <strong> (den här)</strong> : null}
                </td>
                <td>{session.startedAt}</td>
                <td>{session.lastSeenAt}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="end" />
                    <input type="hidden" name="id" value={session.handle} />
                    <button type="submit" className="button button--link">
                      {session.current ? "Logga ut här" : "Avsluta"}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button">
            Avsluta alla andra inloggningar
          </button>
        </Form>
      ) : null}
    </div>
  );
}
