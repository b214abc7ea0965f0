import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import type { Route } from "./+types/new";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { InsatsKommunFields } from "~/components/forms/insats-kommun";
import { createReferral, formFailure, intakeOptions, refusalResponse } from "~/data/participants.server";
import { parseForm } from "~/schemas/form";
import { ReferralSchema } from "~/schemas/participants";
import { todayInSweden } from "~/domain/period";

export const meta: Route.MetaFunction = () => [{ title: "Ny remiss – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  return { options: await intakeOptions(user), today: todayInSweden() };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  const formData = await request.formData();
  const result = parseForm(ReferralSchema, formData);
  if (!result.ok) return formFailure(formData, result.fieldErrors, result.formError);
  try {
    const { referralId } = await createReferral(user, result.data);
    return redirect(`/remisser/${referralId}`);
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewReferral() {
  const { options, today } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  const saving = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <p>
        <Link to="/remisser">← Remisser</Link>
      </p>
      <h1>Ny remiss</h1>
      <p className="muted">
        Registrera remissen först. Uppgifter om personen sparas först när samtycke är registrerat.
      </p>
      <Form method="post" className="card stack" noValidate>
        <FormMessage error={failure?.formError} />
        <TextField label="Remissdatum" name="date" type="date" required max={today} defaultValue={values.date ?? today} errors={errors.date} />
        <SelectField label="Remittent" name="referrerId" required options={options.referrers} defaultValue={values.referrerId} errors={errors.referrerId} />
        <InsatsKommunFields
          insatser={options.insatser}
          kommuner={options.kommuner}
          pairs={options.pairs}
          defaultInsatsId={values.insatsId}
          defaultKommunId={values.kommunId}
          errors={errors}
        />
        <button type="submit" className="button" disabled={saving}>
          Spara remissen
        </button>
      </Form>
    </div>
  );
}
