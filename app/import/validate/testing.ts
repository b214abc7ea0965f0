// Fixtures of the validator's tests: the förbund's lists, tables as the parser gives them and a
// deltagare row to vary. Ids of new rows count up from new-1; each test file resets them.
import {
  DEFAULT_ACTIVITY_TYPES,
  DEFAULT_AGE_GROUPS,
  DEFAULT_CLOSURE_REASONS,
  DEFAULT_INCOME_SOURCES,
  DEFAULT_REFERRERS,
  DEFAULT_SKAPA_AREAS,
  DEFAULT_SUPPORT_TYPES,
} from "~/domain/reference-defaults";
import { TABLE_BY_NAME, type TableName } from "../columns";
import type { ImportProblem, RawTable, RawValue } from "../types";
import { NO_EXISTING_EVENTS, validateImport, type ExistingData, type ExistingEvents, type ReferenceLists } from "./index";

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9åäö]+/g, "-");

export const REFERENCE: ReferenceLists = {
  insatser: [
    {
      id: "i-samsteg",
      name: "SamSteg",
      skapaScaleMin: 1,
      skapaScaleMax: 10,
      areas: DEFAULT_SKAPA_AREAS.map((label) => ({ id: `area-${slug(label)}`, label })),
    },
    { id: "i-grupp", name: "Gruppverksamhet", skapaScaleMin: 0, skapaScaleMax: 4, areas: [{ id: "area-grupp-halsa", label: "Hälsa" }] },
  ],
  kommuner: [
    { id: "k-ljungby", name: "Ljungby" },
    { id: "k-almhult", name: "Älmhult" },
  ],
  referrers: DEFAULT_REFERRERS.map((name) => ({ id: `r-${slug(name)}`, name })),
  ageGroups: DEFAULT_AGE_GROUPS.map((group) => ({ id: `ag-${group.label}`, name: group.label })),
  closureReasons: DEFAULT_CLOSURE_REASONS.map((reason) => ({ id: `cr-${slug(reason.label)}`, name: reason.label })),
  supportTypes: DEFAULT_SUPPORT_TYPES.map((type) => ({ id: `st-${slug(type.label)}`, name: type.label, raisesActivityLevel: type.raisesActivityLevel })),
  activityTypes: DEFAULT_ACTIVITY_TYPES.map((type) => ({ id: `at-${slug(type.label)}`, name: type.label })),
  incomeSources: DEFAULT_INCOME_SOURCES.map((label) => ({ id: `inc-${slug(label)}`, name: label })),
  users: [
    { id: "u-kim", name: "Kim Koordinator", email: "kim@kommun.se" },
    { id: "u-a", name: "Alex Andersson", email: "alex1@kommun.se" },
    { id: "u-b", name: "Alex Andersson", email: "alex2@kommun.se" },
  ],
};

export const NOTHING: ExistingData = { participants: [], enrolments: [], consents: [], events: NO_EXISTING_EVENTS };

/** A table as the parser gives it: data rows start at row 2, under the header. */
export function table(name: TableName, rows: Array<Record<string, RawValue>>, sheet: string = name): RawTable {
  return {
    table: name,
    sheet,
    columns: TABLE_BY_NAME.get(name)!.columns.map((column) => column.key),
    rows: rows.map((values, index) => ({ rowNumber: index + 2, values })),
  };
}

export function person(overrides: Record<string, RawValue | undefined> = {}): Record<string, RawValue> {
  const row: Record<string, RawValue | undefined> = {
    deltagare: "P-1",
    insats: "SamSteg",
    kommun: "Ljungby",
    kon: "kvinna",
    aldersgrupp: "30-39",
    remittent: "Arbetsförmedlingen",
    samtycke: "2025-01-08",
    inskriven: "2025-01-10",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Record<string, RawValue>;
}

let counter = 0;
const newId = () => `new-${++counter}`;

export function resetIds(): void {
  counter = 0;
}

export function validate(tables: RawTable[], existing: ExistingData = NOTHING, createMissing = false) {
  return validateImport(tables, REFERENCE, existing, { createMissing, newId });
}

/** P-1 in Stegvis: enrolled 2025-01-10 (consent 2025-01-08), closed 2025-06-30. */
export function stored(events: Partial<ExistingEvents> = {}): ExistingData {
  return {
    participants: [{ id: "p-1", code: "P-1" }],
    enrolments: [{ id: "e-1", participantId: "p-1", insatsId: "i-samsteg", enrolledDate: "2025-01-10", closedDate: "2025-06-30" }],
    consents: [{ participantId: "p-1", givenDate: "2025-01-08" }],
    events: { ...NO_EXISTING_EVENTS, ...events },
  };
}

/** One bad row: the tables, and the one problem they give. */
export type BadRowCase = { name: string; tables: RawTable[] } & ImportProblem;
