// One field per goal metric: shares in percent, counts per calendar year. Shared by the insats's
// settings and the förbund's goals page, so both ask for a target the same way.
import { TextField } from "~/components/forms/fields";
import type { GoalKind } from "~/domain/goals";
import type { FieldState } from "~/utils/form-answer";

export function GoalTargetFields({ metrics, fields }: { metrics: ReadonlyArray<{ metric: string; label: string; kind: GoalKind }>; fields: FieldState }) {
  return metrics.map(({ metric, label, kind }) => (
    <TextField
      key={metric}
      label={kind === "share" ? `${label} (%)` : `${label} (antal per år)`}
      name={metric}
      type="number"
      min={0}
      max={kind === "share" ? 100 : undefined}
      step={kind === "share" ? "any" : 1}
      defaultValue={fields.value(metric)}
      errors={fields.errors(metric)}
    />
  ));
}
