import { Form, Link } from "react-router";
import type { Route } from "./+types/user-edit";
import { notFound, requirePermission } from "~/auth/guards.server";
import { ROLE_LABELS, ROLES } from "~/auth/permissions";
import { activeSince } from "~/auth/session.server";
import { AssignmentFields, useChosenRole } from "~/components/admin/AssignmentFields";
import { USER_SECURITY_INTENTS, UserSecurity } from "~/components/admin/UserSecurity";
import { CheckboxField, FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { assignmentOptions } from "~/data/reference.server";
import { countActiveSessions, endAllSessionsOf } from "~/data/sessions.server";
import { resetTwoFactor, twoFactorOverview } from "~/data/two-factor.server";
import { findUser, setUserPassword, updateUser } from "~/data/users.server";
import { NoFieldsSchema } from "~/schemas/two-factor";
import { UserEditSchemas, userFormInput } from "~/schemas/users";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, fieldState, successFor, type FormAnswer } from "~/utils/form-answer";
import { formatDateTime } from "~/utils/format";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.user.name ?? "Användare"} – Stegvis` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requirePermission(request, "admin:manage");
  const [user, options] = await Promise.all([findUser(actor.organisationId, params.userId), assignmentOptions(actor.organisationId)]);
  if (!user) notFound("Användaren finns inte.");
  const [twoFactor, activeSessions] = await Promise.all([twoFactorOverview(actor.organisationId, user.id), countActiveSessions(user.id, activeSince())]);
  return {
    security: {
      twoFactor: twoFactor.state,
      twoFactorSince: twoFactor.enabledAt ? formatDateTime(twoFactor.enabledAt) : null,
      activeSessions,
    },
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      active: user.active,
      // The version the form is loaded with; saving checks that nobody saved in between.
      updatedAt: user.updatedAt.toISOString(),
      assignments: user.assignments.map((a) => `${a.insatsId}:${a.kommunId}`),
    },
    isSelf: user.id === actor.id,
    options,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const editor = await requirePermission(request, "admin:manage");
  const userId = params.userId;
  return formAction(request, {
    save: intent(
      UserEditSchemas.save,
      async (input) => {
        const saved = await updateUser(editor, userId, input);
        if (!saved.ok) return saved;
        return ok({
          message: saved.deactivated ? "Användaren är sparad och inaktiverad. Alla hens inloggningar är avslutade." : "Användaren är sparad.",
        });
      },
      { input: userFormInput },
    ),
    password: intent(UserEditSchemas.password, async ({ password }) => {
      const result = await setUserPassword(editor, userId, password);
      return result.ok ? ok({ message: "Lösenordet är bytt. Användarens inloggningar är avslutade." }) : result;
    }),
    "reset-two-factor": intent(NoFieldsSchema, async () => {
      const result = await resetTwoFactor(editor, userId);
      return result.ok ? ok({ message: "Tvåstegsverifieringen är återställd. Användaren kan sätta upp den på nytt." }) : result;
    }),
    "end-sessions": intent(NoFieldsSchema, async () => {
      const result = await endAllSessionsOf(editor, userId);
      return result.ok ? ok({ message: "Alla användarens inloggningar är avslutade." }) : result;
    }),
  });
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

type LoaderData = Route.ComponentProps["loaderData"];

function UserForm({ user, isSelf, options, actionData }: LoaderData & { actionData: FormAnswer | undefined }) {
  const failed = failureFor(actionData, "save");
  const fields = fieldState(failed, {
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.active ? "on" : undefined,
    assignment: user.assignments.join(","),
    expectedUpdatedAt: user.updatedAt,
  });
  const { role, onChange } = useChosenRole(fields.value("role") || user.role);
  const checked = new Set(fields.value("assignment")?.split(",") ?? []);

  return (
    <Form method="post" className="card stack" noValidate onChange={onChange}>
      <FormMessage error={failed?.formError} success={successFor(actionData, "save")?.message} />
      <input type="hidden" name="intent" value="save" />
      {/* After a conflict the stale version is kept, so saving again still refuses until the page is reloaded. */}
      <input type="hidden" name="expectedUpdatedAt" value={fields.value("expectedUpdatedAt")} />
      <TextField label="Namn" name="name" required autoComplete="off" defaultValue={fields.value("name")} errors={fields.errors("name")} />
      <TextField label="E-post" name="email" type="email" required autoComplete="off" defaultValue={fields.value("email")} errors={fields.errors("email")} />
      <SelectField
        label="Roll"
        name="role"
        required
        options={ROLE_OPTIONS}
        placeholder={null}
        hint={isSelf ? "Du kan inte ändra din egen roll." : "En ny roll avslutar användarens inloggningar."}
        defaultValue={role}
        errors={fields.errors("role")}
      />
      <CheckboxField
        label="Kontot är aktivt"
        name="active"
        hint={isSelf ? "Du kan inte inaktivera ditt eget konto." : "En inaktiverad användare loggas ut direkt och kan inte logga in."}
        defaultChecked={fields.checked("active")}
        errors={fields.errors("active")}
      />
      <AssignmentFields
        options={options}
        checked={checked}
        role={role}
        hint="En koordinator arbetar med deltagarna i de insatser och kommuner som är ikryssade."
        errors={fields.errors("assignments")}
      />
      <button type="submit" className="button">
        Spara användaren
      </button>
    </Form>
  );
}

export default function UserEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { user, isSelf, security } = loaderData;
  const passwordFailed = failureFor(actionData, "password");
  return (
    <div className="admin-narrow">
      <p>
        <Link to="/admin">Administration</Link> / <Link to="/admin/anvandare">Användare</Link>
      </p>
      <h1>{user.name}</h1>
      {/* A failure that neither form shows: an outdated or tampered page. */}
      <FormMessage
        error={actionData && !actionData.ok && !failureFor(actionData, ["save", "password", ...USER_SECURITY_INTENTS]) ? actionData.formError : null}
      />
      {/* Keyed by version, so that a save made elsewhere (seen after a reload) refills the form. */}
      <UserForm key={user.updatedAt} {...loaderData} actionData={actionData} />

      <h2>Nytt lösenord</h2>
      {isSelf ? (
        <p>
          Ditt eget lösenord byter du under <Link to="/konto/losenord">Byt lösenord</Link>.
        </p>
      ) : (
        <Form method="post" className="card stack" noValidate>
          <FormMessage error={passwordFailed?.formError} success={successFor(actionData, "password")?.message} />
          <input type="hidden" name="intent" value="password" />
          <TextField
            label="Nytt lösenord"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint="Minst 12 tecken. Användarens inloggningar avslutas."
            errors={passwordFailed?.fieldErrors.password}
          />
          <button type="submit" className="button">
            Sätt nytt lösenord
          </button>
        </Form>
      )}

      <h2>Inloggning</h2>
      <UserSecurity view={security} isSelf={isSelf} actionData={actionData} />
    </div>
  );
}
