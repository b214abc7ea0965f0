import { useId } from "react";
import { fieldAria, FieldMessages } from "~/components/forms/fields";
import { coordinatorScoreField, scoreField, type SkapaInstrument } from "~/schemas/journal";
import type { FieldState } from "~/utils/form-answer";
import { DateField } from "./event-fields";

function ScoreSelect({ name, labelledBy, f, min, max }: { name: string; labelledBy: string; f: FieldState; min: number; max: number }) {
  const id = useId();
  const errors = f.errors(name);
  const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <>
      <select id={id} name={name} defaultValue={f.value(name) ?? ""} aria-labelledby={labelledBy} {...fieldAria(id, undefined, errors)}>
        <option value="">–</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} />
    </>
  );
}

/** Every area of the SKAPA instrument at once: the participant's rating and, beside it, the coordinator's. */
export function AssessmentFields({ f, instrument, today }: { f: FieldState; instrument: SkapaInstrument; today: string }) {
  const id = useId();
  return (
    <>
      <DateField f={f} today={today} />
      <div className="table-wrap">
        <table className="skapa-form">
          <caption>
            Skattning per område, {instrument.min} (lågt) – {instrument.max} (högt). Lämna tomt om området inte besvarades.
          </caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" id={`${id}-participant`}>
                Deltagarens skattning
              </th>
              <th scope="col" id={`${id}-coordinator`}>
                Koordinatorns bedömning (valfri)
              </th>
            </tr>
          </thead>
          <tbody>
            {instrument.areas.map((area, index) => (
              <tr key={area.id}>
                <th scope="row" id={`${id}-area-${index}`}>
                  {area.label}
                </th>
                <td>
                  <ScoreSelect
                    name={scoreField(area.id)}
                    labelledBy={`${id}-area-${index} ${id}-participant`}
                    f={f}
                    min={instrument.min}
                    max={instrument.max}
                  />
                </td>
                <td>
                  <ScoreSelect
                    name={coordinatorScoreField(area.id)}
                    labelledBy={`${id}-area-${index} ${id}-coordinator`}
                    f={f}
                    min={instrument.min}
                    max={instrument.max}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
