// The import's rules, as one pure function: raw tables + the förbund's reference lists + what
// Stegvis already holds → the rows to insert (a plan), or every problem with sheet, row and
// column. No database and no clock here; the loader (load.server.ts) and the writer
// (write.server.ts) do the I/O, so the rules are tested without either.
import {
  DEFAULT_SKAPA_AREAS,
  DEFAULT_SKAPA_SCALE,
  type FovOutcome,
  type Gender,
  type ReferralDecision,
} from "~/domain/reference-defaults";
import { TABLE_NAMES, type TableName } from "./columns";
import type { ImportCounts, ImportProblem, MissingReferences, RawRow, RawTable } from "./types";
import { expectedList, lookupOf, RowReader, Warnings, type Lookup } from "./rows";
import { asText, displayValue, labelKey, parseDecision, parseFovOutcome, parseGender, parseInteger } from "./values";

const MAX_NAME_LENGTH = 200;
const MAX_MINUTES = 24 * 60;

// ---------------------------------------------------------------------------------------------
// Input

export interface NamedItem {
  id: string;
  name: string;
}

export interface InsatsItem extends NamedItem {
  skapaScaleMin: number;
  skapaScaleMax: number;
  /** Every SKAPA area, retired ones too: older assessments used them. */
  areas: ReadonlyArray<{ id: string; label: string }>;
}

export interface ReferenceLists {
  insatser: readonly InsatsItem[];
  kommuner: readonly NamedItem[];
  referrers: readonly NamedItem[];
  /** Labels as `name`. */
  ageGroups: readonly NamedItem[];
  closureReasons: readonly NamedItem[];
  supportTypes: ReadonlyArray<NamedItem & { raisesActivityLevel: boolean }>;
  activityTypes: readonly NamedItem[];
  incomeSources: readonly NamedItem[];
  users: ReadonlyArray<{ id: string; name: string; email: string }>;
}

/** Keys of events already stored, built with `eventKeys` so that loader and validator agree. */
export interface ExistingEvents {
  trappan: ReadonlySet<string>;
  skapaOffers: ReadonlySet<string>;
  /** enrolmentId|date → assessment id */
  assessments: ReadonlyMap<string, string>;
  /** assessmentId|areaId → the participant's score */
  scores: ReadonlyMap<string, number | null>;
  fov: ReadonlySet<string>;
  support: ReadonlySet<string>;
  activities: ReadonlySet<string>;
  /** key → how many such rows exist (anonymous referrals and visits can repeat) */
  referrals: ReadonlyMap<string, number>;
  studyVisits: ReadonlyMap<string, number>;
}

export interface ExistingData {
  participants: ReadonlyArray<{ id: string; code: string }>;
  enrolments: ReadonlyArray<{ id: string; participantId: string; insatsId: string; enrolledDate: string; closedDate: string | null }>;
  consents: ReadonlyArray<{ participantId: string; givenDate: string }>;
  events: ExistingEvents;
}

export interface ValidateOptions {
  createMissing: boolean;
  /** Ids for new rows that other rows refer to (participants, enrolments, assessments, ...). */
  newId: () => string;
}

// The keys that make a row "the same row": an import skips rows whose key is already stored,
// and two rows of one file with the same key are duplicates.
const SEP = "\u0001";
export const eventKeys = {
  trappan: (enrolmentId: string, date: string, step: number) => [enrolmentId, date, step].join(SEP),
  skapaOffer: (enrolmentId: string, date: string) => [enrolmentId, date].join(SEP),
  assessment: (enrolmentId: string, date: string) => [enrolmentId, date].join(SEP),
  score: (assessmentId: string, areaId: string) => [assessmentId, areaId].join(SEP),
  fov: (enrolmentId: string, date: string, outcome: string) => [enrolmentId, date, outcome].join(SEP),
  support: (enrolmentId: string, date: string, supportTypeId: string) => [enrolmentId, date, supportTypeId].join(SEP),
  activity: (enrolmentId: string, date: string, activityTypeId: string, minutes: number | null) =>
    [enrolmentId, date, activityTypeId, minutes ?? ""].join(SEP),
  referral: (date: string, referrerId: string, kommunId: string, insatsId: string, participantId: string | null) =>
    [date, referrerId, kommunId, insatsId, participantId ?? ""].join(SEP),
  studyVisit: (date: string, kommunId: string, insatsId: string, participantId: string | null) =>
    [date, kommunId, insatsId, participantId ?? ""].join(SEP),
};

export const NO_EXISTING_EVENTS: ExistingEvents = {
  trappan: new Set(),
  skapaOffers: new Set(),
  assessments: new Map(),
  scores: new Map(),
  fov: new Set(),
  support: new Set(),
  activities: new Set(),
  referrals: new Map(),
  studyVisits: new Map(),
};

// ---------------------------------------------------------------------------------------------
// Output

export interface EnrolmentRow {
  id: string;
  participantId: string;
  insatsId: string;
  kommunId: string;
  coordinatorId: string | null;
  referrerId: string;
  gender: Gender;
  ageGroupId: string;
  incomeStartId: string | null;
  enrolledDate: string;
  closedDate: string | null;
  closureReasonId: string | null;
  incomeEndId: string | null;
  planAfterClosure: boolean | null;
}

export interface ImportPlan {
  create: {
    insatser: Array<{ id: string; name: string; areas: Array<{ id: string; label: string; sortOrder: number }> }>;
    kommuner: NamedItem[];
    referrers: NamedItem[];
  };
  participants: Array<{ id: string; code: string; name: string | null }>;
  consents: Array<{ participantId: string; givenDate: string }>;
  enrolments: EnrolmentRow[];
  placements: Array<{ enrolmentId: string; date: string; step: number }>;
  skapaOffers: Array<{ enrolmentId: string; date: string }>;
  assessments: Array<{ id: string; enrolmentId: string; date: string }>;
  scores: Array<{ assessmentId: string; areaId: string; participantScore: number }>;
  fovScreenings: Array<{ enrolmentId: string; date: string; outcome: FovOutcome }>;
  support: Array<{ enrolmentId: string; date: string; supportTypeId: string; raisesActivityLevel: boolean }>;
  activities: Array<{ enrolmentId: string; date: string; activityTypeId: string; minutes: number | null }>;
  referrals: Array<{ date: string; referrerId: string; kommunId: string; insatsId: string; decision: ReferralDecision | null; participantId: string | null }>;
  studyVisits: Array<{ date: string; kommunId: string; insatsId: string; participantId: string | null }>;
}

export interface ValidationResult {
  /** Only to be written when `problems` is empty. */
  plan: ImportPlan;
  problems: ImportProblem[];
  warnings: string[];
  missing: MissingReferences;
  counts: ImportCounts;
}

// ---------------------------------------------------------------------------------------------
// The validation

const TABLE_TITLES = {
  insats: { singular: "Insatsen", missingKey: "insatser" },
  kommun: { singular: "Kommunen", missingKey: "kommuner" },
  remittent: { singular: "Remittenten", missingKey: "remittenter" },
} as const;
type CreatableKind = keyof typeof TABLE_TITLES;

interface Period {
  enrolmentId: string;
  insatsId: string | null;
  enrolledDate: string;
  closedDate: string | null;
  /** Where it came from: a file row, or null for one already in Stegvis. */
  row: { sheet: string; row: number } | null;
  existing: boolean;
}

function emptyPlan(): ImportPlan {
  return {
    create: { insatser: [], kommuner: [], referrers: [] },
    participants: [],
    consents: [],
    enrolments: [],
    placements: [],
    skapaOffers: [],
    assessments: [],
    scores: [],
    fovScreenings: [],
    support: [],
    activities: [],
    referrals: [],
    studyVisits: [],
  };
}

export function emptyCounts(): ImportCounts {
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, { rows: 0, new: 0, existing: 0 }])) as ImportCounts["tables"];
  return { tables, participants: 0, consents: 0, assessments: 0 };
}

export function validateImport(
  tables: readonly RawTable[],
  reference: ReferenceLists,
  existing: ExistingData,
  options: ValidateOptions,
): ValidationResult {
  return new Validator(tables, reference, existing, options).run();
}

class Validator {
  private readonly problems: ImportProblem[] = [];
  private readonly warnings = new Warnings();
  private readonly plan = emptyPlan();
  private readonly counts = emptyCounts();
  private readonly missing: MissingReferences = { insatser: [], kommuner: [], remittenter: [] };

  private readonly insatser: Lookup<InsatsItem> & { add(item: InsatsItem): void };
  private readonly kommuner: Lookup<NamedItem> & { add(item: NamedItem): void };
  private readonly referrers: Lookup<NamedItem> & { add(item: NamedItem): void };
  private readonly ageGroups: Lookup<NamedItem>;
  private readonly closureReasons: Lookup<NamedItem>;
  private readonly supportTypes: Lookup<NamedItem & { raisesActivityLevel: boolean }>;
  private readonly activityTypes: Lookup<NamedItem>;
  private readonly incomeSources: Lookup<NamedItem>;
  private readonly insatsById = new Map<string, InsatsItem>();

  /** Participant code → id, for codes already in Stegvis and codes the file adds. */
  private readonly participantIds = new Map<string, string>();
  private readonly plannedParticipants = new Map<string, ImportPlan["participants"][number]>();
  private readonly periodsByCode = new Map<string, Period[]>();
  /**
   * Codes with a deltagare row whose period is unknown (a bad date, a duplicate, an overlap):
   * their events cannot be placed, and are not blamed a second time for it.
   */
  private readonly codesWithUnknownPeriods = new Set<string>();
  private readonly consentKeys = new Set<string>();
  private readonly coordinatorByKey = new Map<string, string | null>();
  private readonly unknownCoordinators = new Map<string, number>();

  constructor(
    private readonly tables: readonly RawTable[],
    reference: ReferenceLists,
    private readonly existing: ExistingData,
    private readonly options: ValidateOptions,
  ) {
    this.insatser = lookupOf(reference.insatser);
    this.kommuner = lookupOf(reference.kommuner);
    this.referrers = lookupOf(reference.referrers);
    this.ageGroups = lookupOf(reference.ageGroups);
    this.closureReasons = lookupOf(reference.closureReasons);
    this.supportTypes = lookupOf(reference.supportTypes);
    this.activityTypes = lookupOf(reference.activityTypes);
    this.incomeSources = lookupOf(reference.incomeSources);
    for (const insats of reference.insatser) this.insatsById.set(insats.id, insats);

    // A coordinator is named by e-mail or, when no two users share it, by name.
    const names = new Map<string, number>();
    for (const user of reference.users) names.set(labelKey(user.name), (names.get(labelKey(user.name)) ?? 0) + 1);
    for (const user of reference.users) {
      this.coordinatorByKey.set(user.email.toLowerCase(), user.id);
      if (names.get(labelKey(user.name)) === 1) this.coordinatorByKey.set(labelKey(user.name), user.id);
    }
  }

  private readonly report = (sheet: string, row: number | null, column: string | null, value: string, message: string): void => {
    this.problems.push({ sheet, row, column, value, message });
  };

  run(): ValidationResult {
    for (const table of this.tables) this.counts.tables[table.table].rows += table.rows.length;
    this.resolveMissingReferences();
    this.loadExisting();
    for (const table of this.tablesNamed("deltagare")) for (const row of table.rows) this.deltagareRow(table, row);
    this.checkOverlaps();
    this.trappan();
    this.skapa();
    this.skapaOffers();
    this.fov();
    this.support();
    this.activities();
    this.referrals();
    this.studyVisits();
    for (const [value, count] of this.unknownCoordinators) {
      this.warnings.add(
        "coordinator",
        `Koordinatorn "${value}" finns inte som användare i Stegvis: ${count} ${count === 1 ? "inskrivning importeras" : "inskrivningar importeras"} utan koordinator.`,
      );
    }
    this.counts.participants = this.plan.participants.length;
    this.counts.consents = this.plan.consents.length;
    // The report reads like the files: sheet by sheet, row by row.
    const sheetOrder = new Map(this.tables.map((table, index) => [table.sheet, index]));
    const rowOrder = (problem: ImportProblem) => problem.row ?? 0;
    this.problems.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || rowOrder(a) - rowOrder(b));
    return { plan: this.plan, problems: this.problems, warnings: this.warnings.list(), missing: this.missing, counts: this.counts };
  }

  private tablesNamed(name: TableName): RawTable[] {
    return this.tables.filter((table) => table.table === name);
  }

  // -------------------------------------------------------------------------------------------
  // Insats, kommun and remittent: listed when missing, created only on request

  private resolveMissingReferences(): void {
    const sources: Array<[TableName, string, CreatableKind]> = [
      ["deltagare", "insats", "insats"],
      ["deltagare", "kommun", "kommun"],
      ["deltagare", "remittent", "remittent"],
      ["remisser", "insats", "insats"],
      ["remisser", "kommun", "kommun"],
      ["remisser", "remittent", "remittent"],
      ["studiebesok", "insats", "insats"],
      ["studiebesok", "kommun", "kommun"],
    ];
    const found = new Map<string, { kind: CreatableKind; name: string; sheet: string; row: number; column: string; count: number }>();
    for (const [tableName, column, kind] of sources) {
      const lookup = this.lookupFor(kind);
      for (const table of this.tablesNamed(tableName)) {
        for (const row of table.rows) {
          const value = row.values[column];
          if (value === undefined) continue;
          const name = asText(value);
          if (lookup.get(name)) continue;
          const key = `${kind}${SEP}${labelKey(name)}`;
          const entry = found.get(key);
          if (entry) entry.count += 1;
          else found.set(key, { kind, name, sheet: table.sheet, row: row.rowNumber, column, count: 1 });
        }
      }
    }
    for (const entry of found.values()) {
      this.missing[TABLE_TITLES[entry.kind].missingKey].push(entry.name);
      if (this.options.createMissing) {
        this.createReference(entry.kind, entry.name);
        continue;
      }
      const rows = entry.count === 1 ? "1 rad" : `${entry.count} rader`;
      this.report(
        entry.sheet,
        entry.row,
        entry.column,
        entry.name,
        `${TABLE_TITLES[entry.kind].singular} "${entry.name}" finns inte i förbundets lista (används på ${rows}). ` +
          `Rätta stavningen, lägg till den under Administration eller välj "Skapa saknade" (--create-missing på kommandoraden).`,
      );
    }
  }

  private lookupFor(kind: CreatableKind): Lookup<NamedItem> {
    return kind === "insats" ? this.insatser : kind === "kommun" ? this.kommuner : this.referrers;
  }

  private createReference(kind: CreatableKind, name: string): void {
    const id = this.options.newId();
    if (kind === "insats") {
      // A new insats gets the default instrument, as one created under Administration does.
      const areas = DEFAULT_SKAPA_AREAS.map((label, sortOrder) => ({ id: this.options.newId(), label, sortOrder }));
      const insats: InsatsItem = { id, name, skapaScaleMin: DEFAULT_SKAPA_SCALE.min, skapaScaleMax: DEFAULT_SKAPA_SCALE.max, areas };
      this.insatser.add(insats);
      this.insatsById.set(id, insats);
      this.plan.create.insatser.push({ id, name, areas });
    } else if (kind === "kommun") {
      this.kommuner.add({ id, name });
      this.plan.create.kommuner.push({ id, name });
    } else {
      this.referrers.add({ id, name });
      this.plan.create.referrers.push({ id, name });
    }
  }

  // -------------------------------------------------------------------------------------------
  // deltagare: participants, enrolments, consents

  private loadExisting(): void {
    const codeById = new Map<string, string>();
    for (const participant of this.existing.participants) {
      this.participantIds.set(participant.code, participant.id);
      codeById.set(participant.id, participant.code);
    }
    for (const enrolment of this.existing.enrolments) {
      const code = codeById.get(enrolment.participantId);
      if (code === undefined) continue; // an erased participant: no code to match
      this.periodsOf(code).push({
        enrolmentId: enrolment.id,
        insatsId: enrolment.insatsId,
        enrolledDate: enrolment.enrolledDate,
        closedDate: enrolment.closedDate,
        row: null,
        existing: true,
      });
    }
    for (const consent of this.existing.consents) this.consentKeys.add(consent.participantId + SEP + consent.givenDate);
  }

  private periodsOf(code: string): Period[] {
    let periods = this.periodsByCode.get(code);
    if (!periods) this.periodsByCode.set(code, (periods = []));
    return periods;
  }

  private deltagareRow(table: RawTable, row: RawRow): void {
    const r = new RowReader(this.report, table, row);
    const enrolment = this.readEnrolment(r);
    const { code, enrolledDate, closedDate } = enrolment;
    if (code === undefined) return;
    if (code.toUpperCase().startsWith("EXEMPEL-")) {
      this.warnings.add("example", `${table.sheet} rad ${row.rowNumber}: "${code}" är mallens exempelrad. Ta bort raden om den inte ska importeras.`);
    }
    if (!enrolledDate || closedDate === undefined) {
      this.codesWithUnknownPeriods.add(code);
      return;
    }

    const periods = this.periodsOf(code);
    const same = periods.find((period) => period.enrolledDate === enrolledDate);
    if (same?.row) {
      r.fail("inskriven", `Deltagaren "${code}" med inskrivningsdatum ${enrolledDate} finns redan på ${rowReference(same.row, table.sheet)}. Varje inskrivning ska stå på en rad.`);
      this.codesWithUnknownPeriods.add(code);
      return;
    }
    if (same) {
      // Already imported (or entered in Stegvis): skipped, never changed.
      same.row = { sheet: table.sheet, row: row.rowNumber };
      this.counts.tables.deltagare.existing += 1;
      if ((same.closedDate ?? null) !== closedDate) {
        this.warnings.add(
          "existing-enrolment",
          `${table.sheet} rad ${row.rowNumber}: inskrivningen av "${code}" ${enrolledDate} finns redan i Stegvis och ändras inte ` +
            `(avslutad i filen: ${closedDate ?? "tom"}, i Stegvis: ${same.closedDate ?? "tom"}). Ändra den i Stegvis vid behov.`,
        );
      }
      return;
    }

    // Registered even when the row has problems, so that its events are checked against it.
    const enrolmentId = this.options.newId();
    const at = { sheet: table.sheet, row: row.rowNumber };
    periods.push({ enrolmentId, insatsId: enrolment.insatsId, enrolledDate, closedDate, row: at, existing: false });
    if (r.ok && enrolment.fields && enrolment.consentDate) {
      this.planEnrolment(code, enrolmentId, enrolment.fields, enrolment.consentDate, enrolment.name);
    }
  }

  /** Every cell of a deltagare row; `fields` only when all the enrolment's values are valid. */
  private readEnrolment(r: RowReader) {
    const code = r.code("deltagare", true);
    const insats = this.intakeReference(r, "insats", this.insatser) as InsatsItem | undefined;
    const kommun = this.intakeReference(r, "kommun", this.kommuner);
    const referrer = this.intakeReference(r, "remittent", this.referrers);
    const genderValue = r.required("kon");
    const gender = genderValue === undefined ? null : parseGender(genderValue);
    if (genderValue !== undefined && !gender) {
      r.fail("kon", `"${displayValue(genderValue)}" är inget giltigt kön. Förväntat kvinna, man eller annat (eller K, M, A).`);
    }
    const ageGroup = r.label("aldersgrupp", true, this.ageGroups, "åldersgrupper");
    const consentDate = r.date("samtycke", true);
    const enrolledDate = r.date("inskriven", true);
    const closedDate = r.date("avslutad", false);
    const closureReason = r.label("avslutsorsak", false, this.closureReasons, "avslutsorsaker");
    const planAfterClosure = r.yesNo("planering_efter_avslut");
    const incomeStart = r.label("forsorjning_start", false, this.incomeSources, "försörjningar");
    const incomeEnd = r.label("forsorjning_slut", false, this.incomeSources, "försörjningar");
    this.checkClosure(r, enrolledDate, closedDate);
    const name = this.optionalName(r);
    const coordinatorId = this.coordinator(r);

    const complete =
      insats && kommun && referrer && gender && ageGroup && enrolledDate && closedDate !== undefined &&
      closureReason !== undefined && planAfterClosure !== undefined && incomeStart !== undefined && incomeEnd !== undefined;
    const fields: Omit<EnrolmentRow, "id" | "participantId"> | null = complete
      ? {
          insatsId: insats.id,
          kommunId: kommun.id,
          coordinatorId,
          referrerId: referrer.id,
          gender,
          ageGroupId: ageGroup.id,
          incomeStartId: incomeStart?.id ?? null,
          enrolledDate,
          closedDate,
          closureReasonId: closureReason?.id ?? null,
          incomeEndId: incomeEnd?.id ?? null,
          planAfterClosure,
        }
      : null;
    return { code, enrolledDate, closedDate, consentDate, name, insatsId: insats?.id ?? null, fields };
  }

  /** The closure's cells agree: a reason when closed, nothing about the closure when open. */
  private checkClosure(r: RowReader, enrolledDate: string | undefined, closedDate: string | null | undefined): void {
    if (enrolledDate && closedDate && closedDate < enrolledDate) {
      r.fail("avslutad", `Avslutsdatumet ${closedDate} är före inskrivningsdatumet ${enrolledDate}. Förväntat samma dag eller senare.`);
    }
    if (closedDate && r.raw("avslutsorsak") === undefined) {
      r.fail("avslutsorsak", `Avslutsorsak saknas. Den måste fyllas i när avslutad är ifylld (${closedDate}).`);
    }
    if (closedDate !== null) return;
    for (const column of ["avslutsorsak", "planering_efter_avslut", "forsorjning_slut"]) {
      if (r.raw(column) !== undefined) r.fail(column, `${column} är ifylld men avslutad är tom. Fyll i avslutsdatum eller töm ${column}.`);
    }
  }

  private planEnrolment(
    code: string,
    enrolmentId: string,
    fields: Omit<EnrolmentRow, "id" | "participantId">,
    consentDate: string,
    name: string | null,
  ): void {
    let participantId = this.participantIds.get(code);
    if (!participantId) {
      participantId = this.options.newId();
      this.participantIds.set(code, participantId);
      const participant = { id: participantId, code, name };
      this.plannedParticipants.set(participantId, participant);
      this.plan.participants.push(participant);
    } else if (name) {
      // A re-enrolment row may be the one that carries the name.
      const planned = this.plannedParticipants.get(participantId);
      if (planned && planned.name === null) planned.name = name;
    }
    const consentKey = participantId + SEP + consentDate;
    if (!this.consentKeys.has(consentKey)) {
      this.consentKeys.add(consentKey);
      this.plan.consents.push({ participantId, givenDate: consentDate });
    }
    this.plan.enrolments.push({ id: enrolmentId, participantId, ...fields });
    this.counts.tables.deltagare.new += 1;
  }

  private optionalName(r: RowReader): string | null {
    const value = r.raw("namn");
    if (value === undefined) return null;
    const name = asText(value);
    if (name.length > MAX_NAME_LENGTH) {
      r.fail("namn", `Namnet är ${name.length} tecken långt. Förväntat högst ${MAX_NAME_LENGTH} tecken.`);
      return null;
    }
    return name;
  }

  private coordinator(r: RowReader): string | null {
    const value = r.raw("koordinator");
    if (value === undefined) return null;
    const text = asText(value);
    const id = this.coordinatorByKey.get(text.toLowerCase()) ?? this.coordinatorByKey.get(labelKey(text));
    if (id) return id;
    // Former staff are not users: the enrolment is imported without a coordinator, with a warning.
    this.unknownCoordinators.set(text, (this.unknownCoordinators.get(text) ?? 0) + 1);
    return null;
  }

  /** One person, one enrolment at a time: periods of a code must not overlap. */
  private checkOverlaps(): void {
    for (const [code, periods] of this.periodsByCode) {
      if (periods.length < 2) continue;
      periods.sort((a, b) => (a.enrolledDate < b.enrolledDate ? -1 : a.enrolledDate > b.enrolledDate ? 1 : 0));
      for (let i = 1; i < periods.length; i++) {
        const earlier = periods[i - 1];
        const later = periods[i];
        if (earlier.closedDate !== null && earlier.closedDate < later.enrolledDate) continue;
        if (earlier.existing && later.existing) continue; // Stegvis's own data is not the file's fault
        const blamed = later.existing ? earlier : later;
        const other = blamed === later ? earlier : later;
        const where = other.row ? `på ${rowReference(other.row, blamed.row!.sheet)}` : "i Stegvis";
        this.report(
          blamed.row!.sheet,
          blamed.row!.row,
          "inskriven",
          blamed.enrolledDate,
          `Inskrivningen av "${code}" ${describePeriod(blamed)} överlappar inskrivningen ${describePeriod(other)} (${where}). ` +
            `En deltagare kan bara ha en inskrivning åt gången: den tidigare måste avslutas före nästa inskrivningsdatum.`,
        );
        this.codesWithUnknownPeriods.add(code);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rows that attach to an enrolment

  /**
   * Reads deltagare and datum and finds the enrolment open on that date. Undefined (with the
   * problem reported) when there is none.
   */
  private attach(r: RowReader): { code: string; date: string; period: Period } | undefined {
    const code = r.code("deltagare", true);
    const date = r.date("datum", true);
    if (code === undefined || date === undefined || date === null) return undefined;
    const periods = this.periodsByCode.get(code);
    if (!periods || periods.length === 0) {
      if (this.codesWithUnknownPeriods.has(code)) {
        r.ok = false;
        return undefined;
      }
      r.fail("deltagare", `Deltagaren "${code}" finns inte i bladet deltagare och inte heller i Stegvis. Lägg till deltagaren i bladet deltagare.`);
      return undefined;
    }
    const period = periods.find((p) => p.enrolledDate <= date && (p.closedDate === null || date <= p.closedDate));
    if (!period) {
      if (this.codesWithUnknownPeriods.has(code)) {
        r.ok = false;
        return undefined;
      }
      r.fail(
        "datum",
        `Datumet ${date} ligger utanför inskrivningen för deltagaren "${code}" (${periods.map(describePeriod).join("; ")}). ` +
          `Förväntat ett datum inom en inskrivning.`,
      );
      return undefined;
    }
    return { code, date, period };
  }

  /**
   * Shared tail of every event row: a duplicate within the files is a problem; a row already in
   * Stegvis is skipped; otherwise it is planned.
   */
  private keep(
    r: RowReader,
    table: TableName,
    key: string,
    seen: Seen,
    stored: boolean,
    what: string,
    add: () => void,
  ): void {
    const first = seen.get(key);
    if (first !== undefined) {
      r.fail(null, `Raden är en dubblett av ${rowReference(first, r.table.sheet)} (samma deltagare, datum och ${what}). Ta bort den ena.`);
      return;
    }
    seen.set(key, { sheet: r.table.sheet, row: r.row.rowNumber });
    if (!r.ok) return;
    if (stored) {
      this.counts.tables[table].existing += 1;
      return;
    }
    this.counts.tables[table].new += 1;
    add();
  }

  private *rowsOf(name: TableName): Generator<RowReader> {
    for (const table of this.tablesNamed(name)) for (const row of table.rows) yield new RowReader(this.report, table, row);
  }

  private trappan(): void {
    const seen: Seen = new Map();
    const stored = this.existing.events.trappan;
    for (const r of this.rowsOf("trappan")) {
      const at = this.attach(r);
      const value = r.required("steg");
      let step: number | null = null;
      if (value !== undefined) {
        step = parseInteger(value);
        if (step === null || step < 1 || step > 6) {
          r.fail("steg", `"${displayValue(value)}" är inget giltigt steg. Förväntat ett heltal från 1 till 6.`);
          step = null;
        }
      }
      if (!at?.period || step === null) continue;
      const enrolmentId = at.period.enrolmentId;
      const date = at.date;
      const key = eventKeys.trappan(enrolmentId, date, step);
      this.keep(r, "trappan", key, seen, stored.has(key), "steg", () => this.plan.placements.push({ enrolmentId, date, step }));
    }
  }

  private skapa(): void {
    const seen: Seen = new Map();
    const plannedAssessments = new Map<string, string>();
    for (const r of this.rowsOf("skapa")) {
      const at = this.attach(r);
      const areaValue = r.required("omrade");
      const scoreValue = r.required("poang");
      const insats = at?.period?.insatsId ? this.insatsById.get(at.period.insatsId) : undefined;
      let score: number | null = scoreValue === undefined ? null : parseInteger(scoreValue);
      if (scoreValue !== undefined && score === null) {
        r.fail("poang", `"${displayValue(scoreValue)}" är ingen giltig poäng. Förväntat ett heltal.`);
      }
      if (!at?.period || !insats) continue;
      let area: { id: string; label: string } | undefined;
      if (areaValue !== undefined) {
        area = this.areasOf(insats).get(labelKey(asText(areaValue)));
        if (!area) {
          r.fail(
            "omrade",
            `"${displayValue(areaValue)}" är inget SKAPA-område i insatsen ${insats.name}. Förväntat ett av: ${expectedList(insats.areas.map((a) => a.label))}.`,
          );
        }
      }
      if (score !== null && (score < insats.skapaScaleMin || score > insats.skapaScaleMax)) {
        r.fail("poang", `Poängen ${score} ligger utanför skalan i insatsen ${insats.name}. Förväntat ett heltal från ${insats.skapaScaleMin} till ${insats.skapaScaleMax}.`);
        score = null;
      }
      if (!area || score === null) continue;

      const enrolmentId = at.period.enrolmentId;
      const date = at.date;
      const assessmentKey = eventKeys.assessment(enrolmentId, date);
      const storedAssessment = this.existing.events.assessments.get(assessmentKey);
      let stored = false;
      if (storedAssessment) {
        const scoreKey = eventKeys.score(storedAssessment, area.id);
        if (this.existing.events.scores.has(scoreKey)) {
          const storedScore = this.existing.events.scores.get(scoreKey);
          if (storedScore !== score) {
            r.fail(
              "poang",
              `Området "${area.label}" har redan poängen ${storedScore ?? "tom"} för "${at.code}" den ${date} i Stegvis. ` +
                `Förväntat samma poäng, eller ändra bedömningen i Stegvis.`,
            );
          }
          stored = true;
        }
      }
      const rowKey = [assessmentKey, area.id].join(SEP);
      const areaId = area.id;
      const participantScore = score;
      this.keep(r, "skapa", rowKey, seen, stored, "område", () => {
        let assessmentId = storedAssessment ?? plannedAssessments.get(assessmentKey);
        if (!assessmentId) {
          assessmentId = this.options.newId();
          plannedAssessments.set(assessmentKey, assessmentId);
          this.plan.assessments.push({ id: assessmentId, enrolmentId, date });
          this.counts.assessments += 1;
        }
        this.plan.scores.push({ assessmentId, areaId, participantScore });
      });
    }
  }

  private readonly areaLookups = new Map<string, Map<string, { id: string; label: string }>>();

  private areasOf(insats: InsatsItem): Map<string, { id: string; label: string }> {
    let areas = this.areaLookups.get(insats.id);
    if (!areas) {
      areas = new Map();
      for (const area of insats.areas) if (!areas.has(labelKey(area.label))) areas.set(labelKey(area.label), area);
      this.areaLookups.set(insats.id, areas);
    }
    return areas;
  }

  private skapaOffers(): void {
    const seen: Seen = new Map();
    for (const r of this.rowsOf("skapa_erbjuden")) {
      const at = this.attach(r);
      if (!at?.period) continue;
      const enrolmentId = at.period.enrolmentId;
      const date = at.date;
      const key = eventKeys.skapaOffer(enrolmentId, date);
      this.keep(r, "skapa_erbjuden", key, seen, this.existing.events.skapaOffers.has(key), "erbjudande", () =>
        this.plan.skapaOffers.push({ enrolmentId, date }),
      );
    }
  }

  private fov(): void {
    const seen: Seen = new Map();
    for (const r of this.rowsOf("fov")) {
      const at = this.attach(r);
      const value = r.required("svar");
      let outcome: FovOutcome | null = null;
      if (value !== undefined) {
        outcome = parseFovOutcome(value);
        if (!outcome) r.fail("svar", `"${displayValue(value)}" är inget giltigt svar. Förväntat ja, nej, avböjt eller ej tillfrågad.`);
      }
      if (!at?.period || !outcome) continue;
      const enrolmentId = at.period.enrolmentId;
      const date = at.date;
      const result = outcome;
      const key = eventKeys.fov(enrolmentId, date, result);
      this.keep(r, "fov", key, seen, this.existing.events.fov.has(key), "svar", () =>
        this.plan.fovScreenings.push({ enrolmentId, date, outcome: result }),
      );
    }
  }

  private support(): void {
    const seen: Seen = new Map();
    for (const r of this.rowsOf("stodinsatser")) {
      const at = this.attach(r);
      const type = r.label("typ", true, this.supportTypes, "stödinsatstyper");
      const raised = r.yesNo("hojd_aktivitetsniva");
      if (!at?.period || !type || raised === undefined) continue;
      const enrolmentId = at.period.enrolmentId;
      const date = at.date;
      const key = eventKeys.support(enrolmentId, date, type.id);
      this.keep(r, "stodinsatser", key, seen, this.existing.events.support.has(key), "typ", () =>
        this.plan.support.push({ enrolmentId, date, supportTypeId: type.id, raisesActivityLevel: raised ?? type.raisesActivityLevel }),
      );
    }
  }

  private activities(): void {
    const seen: Seen = new Map();
    for (const r of this.rowsOf("aktiviteter")) {
      const at = this.attach(r);
      const type = r.label("typ", true, this.activityTypes, "aktivitetstyper");
      const value = r.raw("minuter");
      let minutes: number | null = null;
      if (value !== undefined) {
        minutes = parseInteger(value);
        if (minutes === null || minutes < 1 || minutes > MAX_MINUTES) {
          r.fail("minuter", `"${displayValue(value)}" är inget giltigt antal minuter. Förväntat ett heltal från 1 till ${MAX_MINUTES}.`);
          continue;
        }
      }
      if (!at?.period || !type) continue;
      const enrolmentId = at.period.enrolmentId;
      const date = at.date;
      const key = eventKeys.activity(enrolmentId, date, type.id, minutes);
      const length = minutes;
      this.keep(r, "aktiviteter", key, seen, this.existing.events.activities.has(key), "typ och minuter", () =>
        this.plan.activities.push({ enrolmentId, date, activityTypeId: type.id, minutes: length }),
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Referrals and study visits: dated by themselves, optionally naming a participant

  /** The participant named by an optional code; undefined (with a problem) when unknown. */
  private optionalParticipant(r: RowReader): string | null | undefined {
    const code = r.code("deltagare", false);
    if (code === undefined || code === null) return code;
    const id = this.participantIds.get(code);
    if (id) return id;
    if (this.codesWithUnknownPeriods.has(code) || this.periodsByCode.has(code)) {
      r.ok = false;
      return undefined;
    }
    r.fail("deltagare", `Deltagaren "${code}" finns inte i bladet deltagare och inte heller i Stegvis. Lämna cellen tom för en anonym rad.`);
    return undefined;
  }

  private intakeReference(r: RowReader, column: string, lookup: Lookup<NamedItem>): NamedItem | undefined {
    const value = r.required(column);
    if (value === undefined) return undefined;
    const found = lookup.get(asText(value));
    if (!found) r.ok = false; // reported once per missing value by resolveMissingReferences
    return found;
  }

  /**
   * Anonymous referrals and visits legitimately repeat (two referrals from AF the same day), so
   * they are counted: the file's n rows with one key add n minus the m already stored. Rows that
   * name a participant are unique like events.
   */
  private intake<T>(
    table: "remisser" | "studiebesok",
    stored: ReadonlyMap<string, number>,
    read: (r: RowReader) => { key: string; row: T; named: boolean } | undefined,
    rows: T[],
  ): void {
    const seen: Seen = new Map();
    const anonymous = new Map<string, { count: number; row: T }>();
    for (const r of this.rowsOf(table)) {
      const result = read(r);
      if (!result || !r.ok) continue;
      if (result.named) {
        this.keep(r, table, result.key, seen, (stored.get(result.key) ?? 0) > 0, "uppgifter", () => rows.push(result.row));
        continue;
      }
      const entry = anonymous.get(result.key);
      if (entry) entry.count += 1;
      else anonymous.set(result.key, { count: 1, row: result.row });
    }
    for (const [key, { count, row }] of anonymous) {
      const already = Math.min(count, stored.get(key) ?? 0);
      this.counts.tables[table].existing += already;
      this.counts.tables[table].new += count - already;
      for (let i = already; i < count; i++) rows.push(row);
    }
  }

  private referrals(): void {
    this.intake(
      "remisser",
      this.existing.events.referrals,
      (r) => {
        const date = r.date("datum", true);
        const referrer = this.intakeReference(r, "remittent", this.referrers);
        const kommun = this.intakeReference(r, "kommun", this.kommuner);
        const insats = this.intakeReference(r, "insats", this.insatser);
        const decisionValue = r.raw("beslut");
        let decision: ReferralDecision | null = null;
        if (decisionValue !== undefined) {
          decision = parseDecision(decisionValue);
          if (!decision) r.fail("beslut", `"${displayValue(decisionValue)}" är inget giltigt beslut. Förväntat inskriven, konsultation, ej aktuell eller kö.`);
        }
        const participantId = this.optionalParticipant(r);
        if (!date || !referrer || !kommun || !insats || participantId === undefined) return undefined;
        return {
          key: eventKeys.referral(date, referrer.id, kommun.id, insats.id, participantId),
          row: { date, referrerId: referrer.id, kommunId: kommun.id, insatsId: insats.id, decision, participantId },
          named: participantId !== null,
        };
      },
      this.plan.referrals,
    );
  }

  private studyVisits(): void {
    this.intake(
      "studiebesok",
      this.existing.events.studyVisits,
      (r) => {
        const date = r.date("datum", true);
        const kommun = this.intakeReference(r, "kommun", this.kommuner);
        const insats = this.intakeReference(r, "insats", this.insatser);
        const participantId = this.optionalParticipant(r);
        if (!date || !kommun || !insats || participantId === undefined) return undefined;
        return {
          key: eventKeys.studyVisit(date, kommun.id, insats.id, participantId),
          row: { date, kommunId: kommun.id, insatsId: insats.id, participantId },
          named: participantId !== null,
        };
      },
      this.plan.studyVisits,
    );
  }
}

/** Rows already seen, by key, for finding duplicates. */
type Seen = Map<string, { sheet: string; row: number }>;

/** "rad 5", or "rad 5 i trappan.csv" when the row is in another sheet or file than the one reported. */
function rowReference(at: { sheet: string; row: number }, currentSheet: string): string {
  return at.sheet === currentSheet ? `rad ${at.row}` : `rad ${at.row} i ${at.sheet}`;
}

function describePeriod(period: { enrolledDate: string; closedDate: string | null }): string {
  return `inskriven ${period.enrolledDate}, ${period.closedDate ? `avslutad ${period.closedDate}` : "pågår"}`;
}
