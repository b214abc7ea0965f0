import { FormMessage, TextField } from "~/components/forms/fields";
import { failureFor, successFor, type FieldState, type FormAnswer } from "~/utils/form-answer";

/** The outcome of the last post, shown in the section it came from so it is seen without scrolling. */
export function SectionMessage({
  actionData,
  intents,
  targetId = null,
}: {
  actionData: FormAnswer | undefined;
  intents: readonly string[];
  targetId?: string | null;
}) {
  const failed = failureFor(actionData, intents, targetId);
  const succeeded = successFor(actionData, intents, targetId);
  if (!failed && !succeeded) return null;
  return <FormMessage error={failed?.formError} success={succeeded?.message} />;
}

/** A whole-number field of a form: the typed value after a failed post, else the stored one. */
export function WholeNumberField({
  fields,
  name,
  max,
  ...rest
}: {
  fields: FieldState;
  name: string;
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
      defaultValue={fields.value(name)}
      errors={fields.errors(name)}
    />
  );
}
