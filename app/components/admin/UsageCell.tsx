/** What refers to a row ("12 inskrivningar och 3 remisser"): a row that is used cannot be deleted. */
export function UsageCell({ usage }: { usage: string | null }) {
  return <td>{usage ?? "Används inte"}</td>;
}
