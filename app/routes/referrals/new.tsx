import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/new";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { InsatsKommunFields } from "~/components/forms/insats-kommun";
import { createReferral } from "~/data/referrals.server";
import { intakeOptions } from "~/data/scope.server";
import { todayInSweden } from "~/domain/period";
import { ReferralSchema } from "~/schemas/participants";
import { formAction, intent } from "~/utils/form-action.server";
import { DEFAULT_INTENT, failureFor, fieldState } from "~/utils/form-answer";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Ny remiss – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  return { options: await intakeOptions(user), today: todayInSweden() };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  return formAction(request, {
    [DEFAULT_INTENT]: intent(ReferralSchema, async (input) => {
      const result = await createReferral(user, input);
      return result.ok ? ok({ redirectTo: `/remisser/${result.referralId}` }) : result;
    }),
  });
}

export default function NewReferral({ loaderData, actionData }: Route.ComponentProps) {
  const { options, today } = loaderData;
  const failure = failureFor(actionData, DEFAULT_INTENT);
  const f = fieldState(failure, { date: today });
  const saving = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <p>
        <Link to="/remisser">← Remisser</Link>
      </p>
      <h1>Ny remiss</h1>
      <p className="muted">Registrera remissen först. Uppgifter om personen sparas först när samtycke är registrerat.</p>
      <Form method="post" className="card stack" noValidate>
        <FormMessage error={failure?.formError} />
        <TextField label="Remissdatum" name="date" type="date" required max={today} defaultValue={f.value("date")} errors={f.errors("date")} />
        <SelectField
          label="Remittent"
          name="referrerId"
          required
          options={options.referrers}
          defaultValue={f.value("referrerId")}
          errors={f.errors("referrerId")}
        />
        <InsatsKommunFields
          insatser={options.insatser}
          kommuner={options.kommuner}
          pairs={options.pairs}
          defaultInsatsId={f.value("insatsId")}
          defaultKommunId={f.value("kommunId")}
          errors={failure?.fieldErrors ?? {}}
        />
        <button type="submit" className="button" disabled={saving}>
          Spara remissen
        </button>
      </Form>
    </div>
  );
}
