import { Form, Link } from "react-router";
import type { Route } from "./+types/user-edit";
import { notFound, requirePermission } from "~/auth/guards.server";
import { ROLE_LABELS, ROLES } from "~/auth/permissions";
import { AssignmentFields, useChosenRole } from "~/components/admin/AssignmentFields";
import { CheckboxField, FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { assignmentOptions } from "~/data/reference.server";
import { assignmentsBelongTo, emailTaken, findUser, setUserPassword, updateUser } from "~/data/users.server";
import {
  ASSIGNMENTS_INVALID,
  EMAIL_TAKEN,
  failure,
  failureFor,
  formContext,
  SELF_DEACTIVATION,
  SELF_DEMOTION,
  SELF_PASSWORD,
  success,
  USER_CONFLICT,
  UserEditSchema,
  userFormInput,
  type AdminActionResult,
} from "~/schemas/admin";
import { parseForm, type FieldErrors } from "~/schemas/form";
import { reply } from "./actions.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.user.name ?? "Användare"} – Stegvis` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requirePermission(request, "admin:manage");
  const [user, options] = await Promise.all([findUser(actor.organisationId, params.userId), assignmentOptions(actor.organisationId)]);
  if (!user) notFound("Användaren finns inte.");
  return {
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
  const actor = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = formContext(formData);
  const parsed = parseForm(UserEditSchema, formData, userFormInput(formData));
  if (!parsed.ok) return reply(failure(context, parsed));
  const target = await findUser(actor.organisationId, params.userId);
  if (!target) notFound("Användaren finns inte.");
  const isSelf = target.id === actor.id;
  const input = parsed.data;

  if (input.intent === "password") {
    // Setting one's own password here would end one's own session; the account page asks for the current one.
    if (isSelf) return reply(failure(context, { fieldErrors: { password: [SELF_PASSWORD] } }));
    await setUserPassword(actor, target.id, input.password);
    return reply({ result: success("password", "Lösenordet är bytt. Användarens inloggningar är avslutade."), status: 200 });
  }

  // A förbundschef who demotes or deactivates themself could leave the förbund without an administrator.
  const refusals: FieldErrors = {};
  if (isSelf && input.role !== "forbundschef") refusals.role = [SELF_DEMOTION];
  if (isSelf && !input.active) refusals.active = [SELF_DEACTIVATION];
  if (await emailTaken(input.email, target.id)) refusals.email = [EMAIL_TAKEN];
  if (!(await assignmentsBelongTo(actor.organisationId, input.assignments))) refusals.assignments = [ASSIGNMENTS_INVALID];
  if (Object.keys(refusals).length) return reply(failure(context, { fieldErrors: refusals }));

  const { name, email, role, active, assignments, expectedUpdatedAt } = input;
  const outcome = await updateUser(actor, target.id, { name, email, role, active, assignments, expectedUpdatedAt });
  if (outcome === "not-found") notFound("Användaren finns inte.");
  if (outcome === "conflict") return reply(failure(context, { fieldErrors: {}, formError: USER_CONFLICT }, 409));
  const message =
    target.active && !active ? "Användaren är sparad och inaktiverad. Alla hens inloggningar är avslutade." : "Användaren är sparad.";
  return reply({ result: success("save", message), status: 200 });
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

type LoaderData = Route.ComponentProps["loaderData"];

function UserForm({ user, isSelf, options, actionData }: LoaderData & { actionData: AdminActionResult | undefined }) {
  const failed = failureFor(actionData, "save");
  const values = failed?.values;
  const { role, onChange } = useChosenRole(values?.role ?? user.role);
  const checked = new Set(values ? (values.assignment?.split(",") ?? []) : user.assignments);

  return (
    <Form
      method="post"
      className="card stack"
      noValidate
      onChange={onChange}
    >
      <FormMessage error={failed?.formError} success={actionData?.ok && actionData.intent === "save" ? actionData.message : null} />
      <input type="hidden" name="intent" value="save" />
      {/* After a conflict the stale version is kept, so saving again still refuses until the page is reloaded. */}
      <input type="hidden" name="expectedUpdatedAt" value={values?.expectedUpdatedAt ?? user.updatedAt} />
      <TextField label="Namn" name="name" required autoComplete="off" defaultValue={values?.name ?? user.name} errors={failed?.fieldErrors.name} />
      <TextField
        label="E-post"
        name="email"
        type="email"
        required
        autoComplete="off"
        defaultValue={values?.email ?? user.email}
        errors={failed?.fieldErrors.email}
      />
      <SelectField
        label="Roll"
        name="role"
        required
        options={ROLE_OPTIONS}
        placeholder={null}
        hint={isSelf ? "Du kan inte ändra din egen roll." : "En ny roll avslutar användarens inloggningar."}
        defaultValue={role}
        errors={failed?.fieldErrors.role}
      />
      <CheckboxField
        label="Kontot är aktivt"
        name="active"
        hint={isSelf ? "Du kan inte inaktivera ditt eget konto." : "En inaktiverad användare loggas ut direkt och kan inte logga in."}
        defaultChecked={values ? values.active === "on" : user.active}
        errors={failed?.fieldErrors.active}
      />
      <AssignmentFields
        options={options}
        checked={checked}
        role={role}
        hint="En koordinator arbetar med deltagarna i de insatser och kommuner som är ikryssade."
        errors={failed?.fieldErrors.assignments}
      />
      <button type="submit" className="button">
        Spara användaren
      </button>
    </Form>
  );
}

export default function UserEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { user, isSelf } = loaderData;
  const passwordFailed = failureFor(actionData, "password");
  return (
    <div className="admin-narrow">
      <p>
        <Link to="/admin">Administration</Link> / <Link to="/admin/anvandare">Användare</Link>
      </p>
      <h1>{user.name}</h1>
      <FormMessage error={actionData && !actionData.ok && !["save", "password"].includes(actionData.intent) ? actionData.formError : null} />
      {/* Keyed by version, so that a save made elsewhere (seen after a reload) refills the form. */}
      <UserForm key={user.updatedAt} {...loaderData} actionData={actionData} />

      <h2>Nytt lösenord</h2>
      {isSelf ? (
        <p>
          Ditt eget lösenord byter du under <Link to="/konto/losenord">Byt lösenord</Link>.
        </p>
      ) : (
        <Form method="post" className="card stack" noValidate>
          <FormMessage error={passwordFailed?.formError} success={actionData?.ok && actionData.intent === "password" ? actionData.message : null} />
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
    </div>
  );
}
