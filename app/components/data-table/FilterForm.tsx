import type { FormEvent, ReactNode } from "react";
import { Form, Link, useLocation } from "react-router";

/**
 * The filter form above a list: a GET form, so the view is the URL (a bookmark) and filtering
 * works without JavaScript. Remounted per URL, so that "Rensa filter" and the back button show the
 * filters of the view rather than what was last typed.
 */
export function FilterForm({
  label,
  resetTo,
  children,
  className = "card filters",
  onSubmit,
}: {
  label: string;
  resetTo: string;
  children: ReactNode;
  className?: string;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const location = useLocation();
  return (
    <Form method="get" className={className} key={location.search} role="search" aria-label={label} onSubmit={onSubmit}>
      {children}
      <p className="stack-inline">
        <button type="submit" className="button">
          Visa
        </button>
        <Link to={resetTo}>Rensa filter</Link>
      </p>
    </Form>
  );
}
