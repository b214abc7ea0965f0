import { useState, type FormEvent } from "react";
import { useHydrated } from "~/utils/use-hydrated";
import { CheckboxField } from "~/components/forms/fields";

interface Named {
  id: string;
  name: string;
}

/**
 * The role chosen in a user form, followed as the user changes it, since the assignments depend
 * on it: pass `onChange` to the form (change events bubble from the role select).
 */
export function useChosenRole(initial: string) {
  const [role, setRole] = useState(initial);
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLSelectElement;
    if (target.name === "role") setRole(target.value);
  };
  return { role, onChange };
}

/**
 * The insats × kommun pairs a koordinator works in: one checkbox per pair, grouped by insats,
 * each with the value "insatsId:kommunId".
 */
export function AssignmentFields({
  options,
  checked,
  role,
  hint,
  errors,
  empty,
}: {
  options: { insatser: readonly Named[]; kommuner: readonly Named[] };
  /** The ticked pairs, as "insatsId:kommunId". */
  checked: ReadonlySet<string>;
  /** The role chosen in the form: only a koordinator has assignments. */
  role: string;
  hint: string;
  errors?: string[];
  /** Shown instead of the checkboxes when there are no insatser or no kommuner; without it, nothing is. */
  empty?: string;
}) {
  // Without JavaScript every field stays usable; with it, the assignments are greyed out for
  // roles that do not use them (the server ignores them for those roles anyway).
  const hydrated = useHydrated();

  return (
    <fieldset className="admin-assignments" disabled={hydrated && role !== "koordinator"} aria-describedby="assignments-hint">
      <legend>Tilldelningar (bara för koordinatorer)</legend>
      <p className="field__hint" id="assignments-hint">
        {hint}
      </p>
      {errors ? <p className="field__error">{errors.join(" ")}</p> : null}
      {empty !== undefined && (options.insatser.length === 0 || options.kommuner.length === 0) ? (
        <p>{empty}</p>
      ) : (
        options.insatser.map((insats) => (
          <fieldset key={insats.id} className="admin-assignment-group">
            <legend>{insats.name}</legend>
            {options.kommuner.map((kommun) => {
              const value = `${insats.id}:${kommun.id}`;
              return <CheckboxField key={value} label={kommun.name} name="assignment" value={value} defaultChecked={checked.has(value)} />;
            })}
          </fieldset>
        ))
      )}
    </fieldset>
  );
}
