// Reading one row's cells with the checks every table shares, and the small helpers the
// validator builds on (label lookups, grouped warnings).
import { participantCodeProblem } from "~/domain/participant-code";
import { nameProblem } from "~/domain/text-safety";
import { PERSONNUMMER_MESSAGE, PLAUSIBLE_DATE_RANGE, unsafeCharactersMessage } from "~/schemas/form";
import type { RawRow, RawTable, RawValue } from "./types";
import { asText, displayValue, labelKey, parseYesNo, readDate } from "./values";

const MAX_CODE_LENGTH = 50;

export type ProblemReport = (sheet: string, row: number | null, column: string | null, value: string, message: string) => void;

/** One row's cells, read with the checks every table shares. */
export class RowReader {
  /** False once any cell of the row had a problem. */
  ok = true;

  constructor(
    private readonly report: ProblemReport,
    readonly table: RawTable,
    readonly row: RawRow,
  ) {}

  raw(column: string): RawValue | undefined {
    return this.row.values[column];
  }

  fail(column: string | null, message: string, value: RawValue | undefined = column ? this.raw(column) : undefined): void {
    this.ok = false;
    this.report(this.table.sheet, this.row.rowNumber, column, displayValue(value), message);
  }

  /** The value, or undefined (with a problem) when a required cell is empty. */
  required(column: string): RawValue | undefined {
    const value = this.raw(column);
    if (value === undefined) {
      // A column missing from the header is reported once, by the parser.
      if (this.table.columns.includes(column)) this.fail(column, `Värde saknas. Kolumnen ${column} måste vara ifylld.`);
      else this.ok = false;
    }
    return value;
  }

  date(column: string, required: true): string | undefined;
  date(column: string, required: false): string | null | undefined;
  date(column: string, required: boolean): string | null | undefined {
    const value = required ? this.required(column) : this.raw(column);
    if (value === undefined) return required ? undefined : null;
    const reading = readDate(value);
    if (reading.ok) return reading.date;
    const shown = displayValue(value);
    this.fail(
      column,
      reading.problem === "implausible"
        ? `Datumet ${reading.date} ligger utanför de år Stegvis tar emot. Förväntat ett datum mellan ${PLAUSIBLE_DATE_RANGE}.`
        : reading.problem === "not-in-calendar"
          ? `"${shown}" är inget riktigt datum: den dagen finns inte i kalendern.`
          : `"${shown}" är inget giltigt datum. Förväntat ÅÅÅÅ-MM-DD (t.ex. 2025-03-14), ÅÅÅÅMMDD eller en datumcell.`,
    );
    return undefined;
  }

  code(column: string, required: true): string | undefined;
  code(column: string, required: false): string | null | undefined;
  code(column: string, required: boolean): string | null | undefined {
    const value = required ? this.required(column) : this.raw(column);
    if (value === undefined) return required ? undefined : null;
    const code = asText(value);
    if (code.length > MAX_CODE_LENGTH) {
      this.fail(column, `Koden är ${code.length} tecken lång. Förväntat högst ${MAX_CODE_LENGTH} tecken.`);
      return undefined;
    }
    // The same rules and words as the forms' participant code (schemas/form.ts).
    const problem = nameProblem(code) ? unsafeCharactersMessage("Deltagarkoden") : participantCodeProblem(code) ? PERSONNUMMER_MESSAGE : null;
    if (problem) {
      this.fail(column, problem);
      return undefined;
    }
    return code;
  }

  /** A name the row brings into Stegvis: refused with a control or bidirectional control character. */
  name(column: string, maxLength: number): string | null | undefined {
    const value = this.raw(column);
    if (value === undefined) return null;
    const name = asText(value);
    if (name.length > maxLength) {
      this.fail(column, `Namnet är ${name.length} tecken långt. Förväntat högst ${maxLength} tecken.`);
      return undefined;
    }
    if (nameProblem(name)) {
      this.fail(column, unsafeCharactersMessage("Namnet"));
      return undefined;
    }
    return name;
  }

  /** A value that must be one of the förbund's labels. */
  label<T>(column: string, required: boolean, lookup: Lookup<T>, what: string): T | null | undefined {
    const value = required ? this.required(column) : this.raw(column);
    if (value === undefined) return required ? undefined : null;
    const found = lookup.get(asText(value));
    if (!found) {
      this.fail(column, `"${displayValue(value)}" är ingen av förbundets ${what}. Förväntat en av: ${expectedList(lookup.labels)}.`);
      return undefined;
    }
    return found;
  }

  yesNo(column: string): boolean | null | undefined {
    const value = this.raw(column);
    if (value === undefined) return null;
    const parsed = parseYesNo(value);
    if (parsed === null) {
      this.fail(column, `"${displayValue(value)}" är inget giltigt svar. Förväntat ja eller nej.`);
      return undefined;
    }
    return parsed;
  }
}

export interface Lookup<T> {
  get(value: string): T | undefined;
  labels: string[];
}

export function lookupOf<T extends { name: string }>(items: readonly T[]): Lookup<T> & { add(item: T): void } {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(labelKey(item.name))) map.set(labelKey(item.name), item);
  return {
    get: (value) => map.get(labelKey(value)),
    add: (item) => {
      map.set(labelKey(item.name), item);
    },
    labels: items.map((item) => item.name),
  };
}

export function expectedList(labels: readonly string[]): string {
  const shown = labels.slice(0, 10).join(", ");
  return labels.length > 10 ? `${shown} … (alla finns i bladet Instruktioner i mallen)` : shown;
}

/** Groups repeated warnings so that 5,000 rows with the same remark give a few lines. */
export class Warnings {
  private readonly groups = new Map<string, { lines: string[]; more: number }>();

  add(kind: string, line: string): void {
    let group = this.groups.get(kind);
    if (!group) this.groups.set(kind, (group = { lines: [], more: 0 }));
    if (group.lines.length < 5) group.lines.push(line);
    else group.more += 1;
  }

  list(): string[] {
    return [...this.groups.values()].flatMap((group) => (group.more ? [...group.lines, `… och ${group.more} rader till med samma anmärkning.`] : group.lines));
  }
}
