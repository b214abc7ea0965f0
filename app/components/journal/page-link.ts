import type { TimelineFilter } from "~/schemas/journal";

/** A link to a state of the participant page, keeping the timeline filter. */
export function pageLink(filter: TimelineFilter | null, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...(filter ? { typ: filter } : {}), ...extra }).toString();
  return search ? `?${search}` : ".";
}
