import { Link } from "react-router";
import type { Route } from "./+types/insats-edit";
import { notFound, requirePermission } from "~/auth/guards.server";
import { DetailsSection, ScaleSection, TargetsSection, TrappanSection } from "~/components/admin/InsatsSettingsForms";
import { AREA_INTENTS, SkapaAreasSection } from "~/components/admin/SkapaAreasSection";
import { FormMessage } from "~/components/forms/fields";
import {
  createSkapaArea,
  deleteSkapaArea,
  findInsatsForEdit,
  saveInsatsTargets,
  setSkapaAreaRetired,
  updateInsatsDetails,
  updateSkapaArea,
  updateSkapaScale,
  updateTrappanLabels,
} from "~/data/insatser.server";
import { InsatsEditSchemas as schemas } from "~/schemas/admin";
import { formAction, intent } from "~/utils/form-action.server";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.insats.name ?? "Insats"} – Stegvis` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  const insats = await findInsatsForEdit(user.organisationId, params.insatsId);
  if (!insats) notFound("Insatsen finns inte.");
  return { insats };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const insatsId = params.insatsId;
  return formAction(
    request,
    {
      details: intent(schemas.details, async (input) => {
        const result = await updateInsatsDetails(user, insatsId, input);
        return result.ok ? ok({ message: "Namn och startdatum är sparade." }) : result;
      }),
      steps: intent(schemas.steps, async ({ labels }) => {
        const result = await updateTrappanLabels(user, insatsId, labels);
        return result.ok ? ok({ message: "Trappans steg är sparade." }) : result;
      }),
      scale: intent(schemas.scale, async ({ skapaScaleMin: min, skapaScaleMax: max }) => {
        const result = await updateSkapaScale(user, insatsId, { min, max });
        return result.ok ? ok({ message: `SKAPA-skalan är nu ${min}–${max}.` }) : result;
      }),
      targets: intent(schemas.targets, async ({ targets }) => {
        const result = await saveInsatsTargets(user, insatsId, targets);
        return result.ok ? ok({ message: "Målvärdena är sparade." }) : result;
      }),
      "area-create": intent(schemas["area-create"], async (input) => {
        const result = await createSkapaArea(user, insatsId, input);
        return result.ok ? ok({ message: `Området ${input.label} är tillagt.` }) : result;
      }),
      "area-update": intent(schemas["area-update"], async ({ areaId, ...input }) => {
        const result = await updateSkapaArea(user, insatsId, areaId, input);
        return result.ok ? ok({ message: `Området ${input.label} är sparat.` }) : result;
      }),
      "area-retire": intent(schemas["area-retire"], async ({ areaId }) => {
        const result = await setSkapaAreaRetired(user, insatsId, areaId, true);
        return result.ok ? ok({ message: `Området ${result.label} är inaktiverat.` }) : result;
      }),
      "area-reactivate": intent(schemas["area-reactivate"], async ({ areaId }) => {
        const result = await setSkapaAreaRetired(user, insatsId, areaId, false);
        return result.ok ? ok({ message: `Området ${result.label} är aktivt igen.` }) : result;
      }),
      "area-delete": intent(schemas["area-delete"], async ({ areaId }) => {
        const result = await deleteSkapaArea(user, insatsId, areaId);
        return result.ok ? ok({ message: `Området ${result.label} är borttaget.` }) : result;
      }),
    },
    { idField: "areaId" },
  );
}

const SECTION_INTENTS: readonly string[] = ["details", "steps", "scale", "targets", "area-create", ...AREA_INTENTS];

export default function InsatsEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { insats } = loaderData;
  // A message no section shows: an outdated form, or an area someone else removed meanwhile.
  const orphan =
    actionData &&
    (!SECTION_INTENTS.includes(actionData.intent) || (actionData.targetId !== null && !insats.skapaAreas.some((area) => area.id === actionData.targetId)));
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link> / <Link to="/admin/insatser">Insatser</Link>
      </p>
      <h1>{insats.name}</h1>
      {orphan ? <FormMessage error={actionData.ok ? null : actionData.formError} success={actionData.ok ? actionData.message : null} /> : null}
      <DetailsSection insats={insats} actionData={actionData} />
      <TrappanSection insats={insats} actionData={actionData} />
      <ScaleSection insats={insats} actionData={actionData} />
      <SkapaAreasSection insats={insats} actionData={actionData} />
      <TargetsSection insats={insats} actionData={actionData} />
    </>
  );
}
