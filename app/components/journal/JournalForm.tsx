import type { ReactNode } from "react";
import { Form, useNavigation } from "react-router";
import { FormMessage } from "~/components/forms/fields";
import type { FormFailure } from "~/utils/form-answer";

export function SubmitButton({ intent, label, danger = false }: { intent: string; label: string; danger?: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" className={`button${danger ? " button--danger" : ""}`} disabled={busy}>
      {busy ? "Sparar …" : label}
    </button>
  );
}

/** One form of the participant page: its intent and the ids it writes to travel as hidden fields. */
export function JournalForm({
  intent,
  hidden,
  failure,
  submitLabel,
  children,
  danger,
}: {
  intent: string;
  hidden: Record<string, string>;
  /** This form's last failed save, if any. */
  failure: FormFailure | null;
  submitLabel: string;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="stack journal-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage error={failure?.formError} />
      {children}
      <SubmitButton intent={intent} label={submitLabel} danger={danger} />
    </Form>
  );
}
