import { Form, Link } from "react-router";
import type { Route } from "./+types/insats-edit";
import { notFound, requirePermission } from "~/auth/guards.server";
import { useResetAfter } from "~/components/admin/CreateForm";
import { DeleteButton } from "~/components/admin/DeleteButton";
import { FormMessage, TextField } from "~/components/forms/fields";
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
} from "~/data/reference.server";
import { TRAPPAN_STEPS } from "~/domain/reference-defaults";
import {
  ADMIN_GOAL_METRICS,
  failureFor,
  InsatsEditFormSchema,
  outcomeResult,
  type AdminActionResult,
  type AdminFailure,
} from "~/schemas/admin";
import { adminFormAction } from "./actions.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.insats.name ?? "Insats"} – Stegvis` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  const insats = await findInsatsForEdit(user.organisationId, params.insatsId);
  if (!insats) notFound("Insatsen finns inte.");
  return { insats };
}

export function action({ request, params }: Route.ActionArgs) {
  const insatsId = params.insatsId;
  return adminFormAction(request, InsatsEditFormSchema, async (user, input, context) => {
    switch (input.intent) {
      case "details": {
        const { name, startDate } = input;
        return outcomeResult(context, await updateInsatsDetails(user, insatsId, { name, startDate }), () => "Namn och startdatum är sparade.");
      }
      case "steps":
        return outcomeResult(context, await updateTrappanLabels(user, insatsId, input.labels), () => "Trappans steg är sparade.");
      case "scale": {
        const scale = { min: input.skapaScaleMin, max: input.skapaScaleMax };
        return outcomeResult(context, await updateSkapaScale(user, insatsId, scale), () => `SKAPA-skalan är nu ${scale.min}–${scale.max}.`);
      }
      case "targets":
        return outcomeResult(context, await saveInsatsTargets(user, insatsId, input.targets), () => "Målvärdena är sparade.");
      case "area-create": {
        const { label, sortOrder } = input;
        return outcomeResult(context, await createSkapaArea(user, insatsId, { label, sortOrder }), () => `Området ${label} är tillagt.`);
      }
      case "area-update": {
        const { label, sortOrder } = input;
        return outcomeResult(context, await updateSkapaArea(user, insatsId, input.areaId, { label, sortOrder }), () => `Området ${label} är sparat.`);
      }
      case "area-retire":
        return outcomeResult(context, await setSkapaAreaRetired(user, insatsId, input.areaId, true), ({ label }) => `Området ${label} är inaktiverat.`);
      case "area-reactivate":
        return outcomeResult(context, await setSkapaAreaRetired(user, insatsId, input.areaId, false), ({ label }) => `Området ${label} är aktivt igen.`);
      case "area-delete":
        return outcomeResult(context, await deleteSkapaArea(user, insatsId, input.areaId), ({ label }) => `Området ${label} är borttaget.`);
    }
  }, "areaId");
}

type LoaderData = Route.ComponentProps["loaderData"];
type ActionData = AdminActionResult | undefined;

/** The outcome of the last post, shown in the section it came from so it is seen without scrolling. */
function SectionMessage({ actionData, intents, targetId = null }: { actionData: ActionData; intents: readonly string[]; targetId?: string | null }) {
  if (!actionData || !intents.includes(actionData.intent) || actionData.targetId !== targetId) return null;
  return <FormMessage error={actionData.ok ? null : actionData.formError} success={actionData.ok ? actionData.message : null} />;
}

/** A whole-number field of a form: the typed value after a failed post, else the stored one. */
function WholeNumberField({
  failed,
  name,
  stored,
  max,
  ...rest
}: {
  failed: AdminFailure | null;
  name: string;
  stored: number | undefined;
  max: number;
  label: string;
  required?: boolean;
  hint?: string;
}) {
  return (
    <TextField
      {...rest}
      name={name}
      type="number"
      min={0}
      max={max}
      step={1}
      inputMode="numeric"
      defaultValue={failed?.values[name] ?? stored}
      errors={failed?.fieldErrors[name]}
    />
  );
}

/** A ratio as the percentage typed in the form: 0.8 → "80". */
function percentText(ratio: number): string {
  return String(Number((ratio * 100).toFixed(2)));
}

function DetailsSection({ insats, actionData }: { insats: LoaderData["insats"]; actionData: ActionData }) {
  const failed = failureFor(actionData, "details");
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Namn och startdatum</h2>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset>
        <SectionMessage actionData={actionData} intents={["details"]} />
        <input type="hidden" name="intent" value="details" />
        <TextField label="Namn" name="name" required defaultValue={failed?.values.name ?? insats.name} errors={failed?.fieldErrors.name} />
        <TextField
          label="Startdatum"
          name="startDate"
          type="date"
          hint="Frivilligt. Rapporten ”sedan start” börjar här."
          defaultValue={failed?.values.startDate ?? insats.startDate}
          errors={failed?.fieldErrors.startDate}
        />
        <button type="submit" className="button">
          Spara namn och startdatum
        </button>
      </Form>
    </section>
  );
}

function TrappanSection({ insats, actionData }: { insats: LoaderData["insats"]; actionData: ActionData }) {
  const failed = failureFor(actionData, "steps");
  const labels = new Map(insats.trappanSteps.map((step) => [step.step, step.label]));
  return (
    <section aria-labelledby="trappan-heading">
      <h2 id="trappan-heading">Trappans steg</h2>
      <Form method="post" className="card stack" noValidate preventScrollReset>
        <p className="field__hint">Stegens nummer är fasta (1–3 är trappans nedre del, 4–6 den övre); bara beskrivningarna kan ändras.</p>
        <SectionMessage actionData={actionData} intents={["steps"]} />
        <input type="hidden" name="intent" value="steps" />
        {TRAPPAN_STEPS.map((step) => (
          <TextField
            key={step}
            label={`Steg ${step}`}
            name={`step${step}`}
            required
            defaultValue={failed?.values[`step${step}`] ?? labels.get(step) ?? ""}
            errors={failed?.fieldErrors[`step${step}`]}
          />
        ))}
        <button type="submit" className="button">
          Spara Trappans steg
        </button>
      </Form>
    </section>
  );
}

function ScaleSection({ insats, actionData }: { insats: LoaderData["insats"]; actionData: ActionData }) {
  const failed = failureFor(actionData, "scale");
  return (
    <section aria-labelledby="scale-heading">
      <h2 id="scale-heading">SKAPA-skala</h2>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset>
        <p className="field__hint">Deltagaren skattar varje område på skalan. Svar som redan är registrerade måste rymmas i en ny skala.</p>
        <SectionMessage actionData={actionData} intents={["scale"]} />
        <input type="hidden" name="intent" value="scale" />
        <div className="row">
          <WholeNumberField failed={failed} label="Lägsta värde" name="skapaScaleMin" max={100} required stored={insats.skapaScaleMin} />
          <WholeNumberField failed={failed} label="Högsta värde" name="skapaScaleMax" max={100} required stored={insats.skapaScaleMax} />
        </div>
        <button type="submit" className="button">
          Spara skalan
        </button>
      </Form>
    </section>
  );
}

type Area = LoaderData["insats"]["skapaAreas"][number];

function AreaItem({ area, actionData }: { area: Area; actionData: ActionData }) {
  const failed = failureFor(actionData, "area-update", area.id);
  return (
    <li className="card stack">
      <SectionMessage actionData={actionData} intents={["area-update", "area-retire", "area-reactivate", "area-delete"]} targetId={area.id} />
      <Form method="post" className="row" noValidate preventScrollReset>
        <input type="hidden" name="intent" value="area-update" />
        <input type="hidden" name="areaId" value={area.id} />
        <TextField label="Område" name="label" required defaultValue={failed?.values.label ?? area.label} errors={failed?.fieldErrors.label} />
        <WholeNumberField failed={failed} label="Ordning" name="sortOrder" max={999} required stored={area.sortOrder} />
        <button type="submit" className="button button--secondary">
          Spara<span className="visually-hidden"> {area.label}</span>
        </button>
      </Form>
      <div className="admin-actions">
        {area.retired ? <span className="badge badge--warn">Inaktivt</span> : <span className="badge badge--ok">Aktivt</span>}
        <span className="muted">{area.usage ? `Har ${area.usage}.` : "Inga svar ännu."}</span>
        <Form method="post" className="inline-form" preventScrollReset>
          <input type="hidden" name="intent" value={area.retired ? "area-reactivate" : "area-retire"} />
          <input type="hidden" name="areaId" value={area.id} />
          <button type="submit" className="button button--secondary">
            {area.retired ? "Återaktivera" : "Inaktivera"}
            <span className="visually-hidden"> {area.label}</span>
          </button>
        </Form>
        {area.usage === null ? (
          <DeleteButton id={area.id} name={area.label} noun="området" intent="area-delete" idField="areaId" preventScrollReset />
        ) : null}
      </div>
    </li>
  );
}

function AreasSection({ insats, actionData }: { insats: LoaderData["insats"]; actionData: ActionData }) {
  const createFailed = failureFor(actionData, "area-create");
  const createForm = useResetAfter(actionData, "area-create");
  return (
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading">SKAPA-områden</h2>
      <p>
        Områdena visas i ordningens nummerföljd. Ett område som har svar kan inaktiveras men inte tas bort: svaren finns kvar, men området
        erbjuds inte i nya skattningar.
      </p>
      <ul className="admin-list">
        {insats.skapaAreas.map((area) => (
          <AreaItem key={area.id} area={area} actionData={actionData} />
        ))}
      </ul>
      <h3>Lägg till område</h3>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset ref={createForm}>
        <SectionMessage actionData={actionData} intents={["area-create"]} />
        <input type="hidden" name="intent" value="area-create" />
        <TextField label="Område" name="label" required defaultValue={createFailed?.values.label} errors={createFailed?.fieldErrors.label} />
        <WholeNumberField
          failed={createFailed}
          label="Ordning"
          name="sortOrder"
          max={999}
          hint="Frivilligt. Utan nummer hamnar området sist."
          stored={undefined}
        />
        <button type="submit" className="button">
          Lägg till område
        </button>
      </Form>
    </section>
  );
}

function TargetsSection({ insats, actionData }: { insats: LoaderData["insats"]; actionData: ActionData }) {
  const failed = failureFor(actionData, "targets");
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">Målvärden</h2>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset>
        <p className="field__hint">
          Målen visas i rapportens måluppföljning med utfall och ”uppnått / ej uppnått”. Andelar skrivs i procent, antal som heltal. Ett tomt
          fält betyder inget mål.
        </p>
        <SectionMessage actionData={actionData} intents={["targets"]} />
        <input type="hidden" name="intent" value="targets" />
        {ADMIN_GOAL_METRICS.map(({ metric, label, kind }) => {
          const stored = insats.targets[metric];
          const current = stored === undefined ? "" : kind === "share" ? percentText(stored) : String(stored);
          return (
            <TextField
              key={metric}
              label={kind === "share" ? `${label} (%)` : `${label} (antal)`}
              name={metric}
              type="number"
              min={0}
              max={kind === "share" ? 100 : undefined}
              step={kind === "share" ? "any" : 1}
              defaultValue={failed?.values[metric] ?? current}
              errors={failed?.fieldErrors[metric]}
            />
          );
        })}
        <button type="submit" className="button">
          Spara målvärden
        </button>
      </Form>
    </section>
  );
}

const SECTION_INTENTS = ["details", "steps", "scale", "targets", "area-create", "area-update", "area-retire", "area-reactivate", "area-delete"];

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
      <AreasSection insats={insats} actionData={actionData} />
      <TargetsSection insats={insats} actionData={actionData} />
    </>
  );
}
