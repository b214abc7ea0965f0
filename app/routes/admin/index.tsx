import { Form, Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TWO_FACTOR_POLICY_INTENT, TwoFactorPolicyForm } from "~/components/admin/TwoFactorPolicyForm";
import { FormMessage, TextField } from "~/components/forms/fields";
import { organisationSettings, updateSmallNumberThreshold } from "~/data/organisations.server";
import { twoFactorRolesOf, updateTwoFactorRoles } from "~/data/two-factor.server";
import { SmallNumberThresholdSchema } from "~/schemas/admin";
import { twoFactorRolesInput, TwoFactorRolesSchema } from "~/schemas/two-factor";
import { formAction, intent } from "~/utils/form-action.server";
import { DEFAULT_INTENT, failureFor, fieldState, successFor } from "~/utils/form-answer";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Administration – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  const [settings, twoFactorRoles] = await Promise.all([organisationSettings(user.organisationId), twoFactorRolesOf(user.organisationId)]);
  return {
    organisation: settings.name,
    smallNumberThreshold: settings.smallNumberThreshold,
    twoFactorRoles,
    canReadAudit: can(user.role, "audit:read"),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  return formAction(request, {
    [DEFAULT_INTENT]: intent(SmallNumberThresholdSchema, async ({ smallNumberThreshold: threshold }) => {
      await updateSmallNumberThreshold(user, threshold);
      return ok({ message: `Sparat. Tal under ${threshold} visas nu som ”färre än ${threshold}”.` });
    }),
    [TWO_FACTOR_POLICY_INTENT]: intent(
      TwoFactorRolesSchema,
      async ({ roles }) => {
        await updateTwoFactorRoles(user, roles);
        return ok({ message: "Kraven på tvåstegsverifiering är sparade." });
      },
      { input: twoFactorRolesInput },
    ),
  });
}

const SECTIONS = [
  { to: "/admin/anvandare", title: "Användare", text: "Konton, roller och koordinatorernas tilldelningar av insats och kommun." },
  { to: "/admin/kommuner", title: "Kommuner", text: "Förbundets medlemskommuner." },
  { to: "/admin/insatser", title: "Insatser", text: "Insatser, startdatum, Trappans steg, SKAPA-områden och skala samt målvärden." },
  { to: "/admin/avslutsorsaker", title: "Avslutsorsaker", text: "Orsaker till avslut, som positiva eller negativa." },
  { to: "/admin/mal", title: "Mål", text: "Mål för hela förbundet och för varje insats, för alla år eller ett visst år." },
  { to: "/admin/utfallsgrupper", title: "Utfallsgrupper", text: "Grupper av avslutsorsaker som statistiken räknar, t.ex. arbete eller studier." },
  { to: "/admin/remittenter", title: "Remittenter", text: "De som skickar remisser till insatserna." },
] as const;

export default function AdminIndex({ loaderData, actionData }: Route.ComponentProps) {
  const { organisation, smallNumberThreshold, twoFactorRoles, canReadAudit } = loaderData;
  const failed = failureFor(actionData, DEFAULT_INTENT);
  const fields = fieldState(failed, { smallNumberThreshold: String(smallNumberThreshold) });
  return (
    <>
      <h1>Administration</h1>
      <p>Inställningar och listor för {organisation}.</p>
      <ul className="card-grid">
        {SECTIONS.map((section) => (
          <li key={section.to} className="card">
            <h2>
              <Link to={section.to}>{section.title}</Link>
            </h2>
            <p>{section.text}</p>
          </li>
        ))}
        {canReadAudit ? (
          <li className="card">
            <h2>
              <Link to="/admin/logg">Logg</Link>
            </h2>
            <p>Vem som har läst eller ändrat vad, och när.</p>
          </li>
        ) : null}
      </ul>

      <h2>Små tal</h2>
      <Form method="post" className="card stack narrow" noValidate>
        <FormMessage error={failed?.formError} success={successFor(actionData, DEFAULT_INTENT)?.message} />
        <TextField
          label="Visa ”färre än N” under"
          name="smallNumberThreshold"
          type="number"
          min={1}
          max={20}
          step={1}
          inputMode="numeric"
          required
          hint="Styrgruppens vyer och exporterna visar ”färre än N” i stället för antal som är mindre än N (1–20), så att ingen deltagare kan pekas ut. FOV per kön döljs alltid så."
          defaultValue={fields.value("smallNumberThreshold")}
          errors={fields.errors("smallNumberThreshold")}
        />
        <button type="submit" className="button">
          Spara gränsen
        </button>
      </Form>

      <h2>Tvåstegsverifiering</h2>
      <TwoFactorPolicyForm required={twoFactorRoles} actionData={actionData} />
    </>
  );
}
