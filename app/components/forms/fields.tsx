import { useId, type ReactNode } from "react";

interface FieldBaseProps {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  required?: boolean;
}

/** The hint and error under a control, with the ids that `fieldAria` points to. */
export function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A control's invalid state, and the hint and error that describe it. */
export function fieldAria(id: string, hint: unknown, errors?: string[]) {
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy(id, hint, errors) };
}

function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

export function TextField({
  label,
  name,
  errors,
  hint,
  required,
  type = "text",
  defaultValue,
  autoComplete,
  ...rest
}: FieldBaseProps & {
  type?: "text" | "email" | "password" | "date" | "number" | "search";
  defaultValue?: string | number | null;
  autoComplete?: string;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  inputMode?: "numeric" | "text";
}) {
  const id = useId();
  return (
    <div className="field">
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue ?? undefined}
        autoComplete={autoComplete}
        {...fieldAria(id, hint, errors)}
        {...rest}
      />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  required,
  defaultValue,
  rows = 3,
}: FieldBaseProps & { defaultValue?: string | null; rows?: number }) {
  const id = useId();
  return (
    <div className="field">
      <FieldLabel id={id} label={label} required={required} />
      <textarea id={id} name={name} rows={rows} required={required} defaultValue={defaultValue ?? undefined} {...fieldAria(id, hint, errors)} />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  required,
  options,
  defaultValue,
  placeholder = "Välj …",
}: FieldBaseProps & {
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string | null;
  placeholder?: string | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <FieldLabel id={id} label={label} required={required} />
      <select id={id} name={name} required={required} defaultValue={defaultValue ?? ""} {...fieldAria(id, hint, errors)}>
        {placeholder !== null ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function CheckboxField({ label, name, errors, hint, defaultChecked, value }: FieldBaseProps & { defaultChecked?: boolean; value?: string }) {
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input id={id} name={name} type="checkbox" value={value} defaultChecked={defaultChecked} {...fieldAria(id, hint, errors)} />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A message for the whole form, announced to screen readers when it appears. */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <div className="alert alert--error" role="alert">
        {error}
      </div>
    );
  }
  if (success) {
    return (
      <div className="alert alert--success" role="status">
        {success}
      </div>
    );
  }
  return null;
}
