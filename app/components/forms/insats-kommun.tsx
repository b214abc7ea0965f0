import { useState, type ReactNode } from "react";
import type { FieldErrors } from "~/schemas/form";
import { SelectField } from "./fields";

interface Option {
  value: string;
  label: string;
}

export interface InsatsKommunSelection {
  insatsId: string;
  kommunId: string;
}

/**
 * The insats and kommun selects of an intake form. A koordinator may only choose an assigned
 * pair: with JavaScript the kommun list follows the chosen insats; without it the server refuses
 * a wrong pair with a field message. `children` can follow the selection (e.g. the koordinatorer
 * who work in the pair).
 */
export function InsatsKommunFields({
  insatser,
  kommuner,
  pairs,
  defaultInsatsId,
  defaultKommunId,
  errors,
  children,
}: {
  insatser: readonly Option[];
  kommuner: readonly Option[];
  /** Null when every pair is allowed (förbundschef). */
  pairs: ReadonlyArray<{ insatsId: string; kommunId: string }> | null;
  defaultInsatsId?: string | null;
  defaultKommunId?: string | null;
  errors: FieldErrors;
  children?: (selection: InsatsKommunSelection) => ReactNode;
}) {
  const [selection, setSelection] = useState<InsatsKommunSelection>({
    insatsId: defaultInsatsId ?? (insatser.length === 1 ? insatser[0].value : ""),
    kommunId: defaultKommunId ?? (kommuner.length === 1 ? kommuner[0].value : ""),
  });
  const kommunOptions =
    pairs && selection.insatsId
      ? kommuner.filter((kommun) => pairs.some((pair) => pair.insatsId === selection.insatsId && pair.kommunId === kommun.value))
      : kommuner;
  return (
    // Change events bubble, so one listener follows both selects without wrapping SelectField.
    <div
      className="row"
      onChange={(event) => {
        const { name, value } = event.target as HTMLSelectElement;
        if (name !== "insatsId" && name !== "kommunId") return;
        setSelection((current) => {
          const next = { ...current, [name]: value };
          // A kommun that the new insats does not run in for this user disappears from the list.
          const allowed = !pairs || pairs.some((pair) => pair.insatsId === next.insatsId && pair.kommunId === next.kommunId);
          return allowed || name === "kommunId" ? next : { ...next, kommunId: "" };
        });
      }}
    >
      <SelectField label="Insats" name="insatsId" required options={insatser} defaultValue={selection.insatsId} errors={errors.insatsId} />
      <SelectField label="Kommun" name="kommunId" required options={kommunOptions} defaultValue={selection.kommunId} errors={errors.kommunId} />
      {children?.(selection)}
    </div>
  );
}
