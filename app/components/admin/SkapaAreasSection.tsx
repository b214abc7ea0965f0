import { Form } from "react-router";
import { TextField } from "~/components/forms/fields";
import type { InsatsForEdit } from "~/data/insatser.server";
import { failureFor, fieldState, type FormAnswer } from "~/utils/form-answer";
import { useResetAfter } from "./CreateForm";
import { DeleteButton } from "./DeleteButton";
import { SectionMessage, WholeNumberField } from "./SectionMessage";

type Area = InsatsForEdit["skapaAreas"][number];

/** The intents of an area's own forms; their answers show beside the area (`areaId`). */
export const AREA_INTENTS = ["area-update", "area-retire", "area-reactivate", "area-delete"] as const;

function AreaItem({ area, actionData }: { area: Area; actionData: FormAnswer | undefined }) {
  const fields = fieldState(failureFor(actionData, "area-update", area.id), { label: area.label, sortOrder: String(area.sortOrder) });
  return (
    <li className="card stack">
      <SectionMessage actionData={actionData} intents={AREA_INTENTS} targetId={area.id} />
      <Form method="post" className="row" noValidate preventScrollReset>
        <input type="hidden" name="intent" value="area-update" />
        <input type="hidden" name="areaId" value={area.id} />
        <TextField label="Område" name="label" required defaultValue={fields.value("label")} errors={fields.errors("label")} />
        <WholeNumberField fields={fields} label="Ordning" name="sortOrder" max={999} required />
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
        {area.usage === null ? <DeleteButton id={area.id} name={area.label} noun="området" intent="area-delete" idField="areaId" preventScrollReset /> : null}
      </div>
    </li>
  );
}

/** An insats's SKAPA areas, each edited, retired or deleted in place, and a form to add one. */
export function SkapaAreasSection({ insats, actionData }: { insats: InsatsForEdit; actionData: FormAnswer | undefined }) {
  const fields = fieldState(failureFor(actionData, "area-create"));
  const createForm = useResetAfter(actionData, "area-create");
  return (
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading">SKAPA-områden</h2>
      <p>
        Områdena visas i ordningens nummerföljd. Ett område som har svar kan inaktiveras men inte tas bort: svaren finns kvar, men området erbjuds inte i nya
        skattningar.
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
        <TextField label="Område" name="label" required defaultValue={fields.value("label")} errors={fields.errors("label")} />
        <WholeNumberField fields={fields} label="Ordning" name="sortOrder" max={999} hint="Frivilligt. Utan nummer hamnar området sist." />
        <button type="submit" className="button">
          Lägg till område
        </button>
      </Form>
    </section>
  );
}
