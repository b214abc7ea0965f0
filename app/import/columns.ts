// The import format of contracts.md ("Import"): the tables and their columns, in one place so
// that the parser, the validator, the template and the page's help all say the same thing.

export const TABLE_NAMES = [
  "deltagare",
  "trappan",
  "skapa",
  "skapa_erbjuden",
  "fov",
  "stodinsatser",
  "aktiviteter",
  "remisser",
  "studiebesok",
  "forsorjning",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The tables whose rows attach to an enrolment (by participant code and date). */
export const EVENT_TABLES = ["trappan", "skapa", "skapa_erbjuden", "fov", "stodinsatser", "aktiviteter", "forsorjning"] as const;
export type EventTable = (typeof EVENT_TABLES)[number];

export type ColumnKind = "code" | "text" | "date" | "gender" | "yesNo" | "integer" | "fov" | "decision" | "reference" | "rater";

export interface ColumnDef {
  /** The normalised header (see normaliseHeader). */
  key: string;
  required: boolean;
  kind: ColumnKind;
  /** What the column holds, in Swedish, for the template's instructions and the page's help. */
  description: string;
  /** The value of the template's example row. */
  example: string | number | null;
}

export interface TableDef {
  name: TableName;
  /** The Swedish description of one row. */
  description: string;
  columns: readonly ColumnDef[];
}

const code = (required: boolean, example: string | null = "EXEMPEL-001"): ColumnDef => ({
  key: "deltagare",
  required,
  kind: "code",
  description: required
    ? "Deltagarens kod (pseudonym), samma som i bladet deltagare."
    : "Deltagarens kod, om personen finns i bladet deltagare eller redan i Stegvis. Lämnas tom för anonyma rader.",
  example,
});
const date = (key: string, description: string, example: string | null, required = true): ColumnDef => ({
  key,
  required,
  kind: "date",
  description: `${description} ÅÅÅÅ-MM-DD (även ÅÅÅÅMMDD eller en datumcell i Excel).`,
  example,
});

export const TABLES: readonly TableDef[] = [
  {
    name: "deltagare",
    description: "En rad per inskrivning. Samma kod med olika inskrivningsdatum blir flera inskrivningar (återinskrivning).",
    columns: [
      {
        key: "deltagare",
        required: true,
        kind: "code",
        description: "Deltagarens kod (pseudonym), unik inom förbundet. Inget personnummer.",
        example: "EXEMPEL-001",
      },
      { key: "insats", required: true, kind: "reference", description: "Insatsens namn, som i förbundets lista.", example: "SamSteg" },
      { key: "kommun", required: true, kind: "reference", description: "Kommunens namn, som i förbundets lista.", example: "Ljungby" },
      { key: "kon", required: true, kind: "gender", description: "kvinna, man eller annat (K, M eller A går också bra).", example: "kvinna" },
      { key: "aldersgrupp", required: true, kind: "reference", description: "Åldersgrupp som i förbundets lista, t.ex. 30-39.", example: "30-39" },
      { key: "remittent", required: true, kind: "reference", description: "Remittentens namn, som i förbundets lista.", example: "Arbetsförmedlingen" },
      date("samtycke", "Datum då samtycke gavs.", "2025-01-08"),
      date("inskriven", "Inskrivningsdatum.", "2025-01-10"),
      date("avslutad", "Avslutsdatum, tomt om deltagaren fortfarande är inskriven.", "2025-11-28", false),
      {
        key: "avslutsorsak",
        required: false,
        kind: "reference",
        description: "Avslutsorsak som i förbundets lista. Krävs när avslutad är ifylld.",
        example: "Studier",
      },
      { key: "planering_efter_avslut", required: false, kind: "yesNo", description: "ja eller nej: finns en planering efter avslut.", example: "ja" },
      {
        key: "forsorjning_start",
        required: false,
        kind: "reference",
        description: "Försörjning vid inskrivning, som i förbundets lista.",
        example: "Försörjningsstöd",
      },
      { key: "forsorjning_slut", required: false, kind: "reference", description: "Försörjning vid avslut, som i förbundets lista.", example: "Studiemedel" },
      { key: "koordinator", required: false, kind: "text", description: "Koordinatorns e-postadress eller namn som användare i Stegvis.", example: null },
      { key: "namn", required: false, kind: "text", description: "Deltagarens namn, syns bara för koordinatorn. Kan lämnas tomt.", example: null },
    ],
  },
  {
    name: "trappan",
    description: "En rad per placering på Trappan.",
    columns: [
      code(true),
      date("datum", "Datum för placeringen.", "2025-01-10"),
      { key: "steg", required: true, kind: "integer", description: "Steg 1–6.", example: 2 },
    ],
  },
  {
    name: "skapa",
    description: "En rad per område och bedömningstillfälle: alla rader med samma deltagare och datum är en SKAPA-bedömning.",
    columns: [
      code(true),
      date("datum", "Datum för bedömningen.", "2025-01-24"),
      { key: "omrade", required: true, kind: "reference", description: "SKAPA-området, som i insatsens instrument.", example: "Hälsa" },
      {
        key: "poang",
        required: true,
        kind: "integer",
        description: "Skattningen, inom insatsens skala (normalt 1–10): deltagarens egen, eller koordinatorns när bedomare är koordinator.",
        example: 4,
      },
      {
        key: "bedomare",
        required: false,
        kind: "rater",
        description: "Vems skattning poängen är: deltagare (tomt betyder deltagare) eller koordinator. Statistiken bygger på deltagarens egen skattning.",
        example: "deltagare",
      },
    ],
  },
  {
    name: "skapa_erbjuden",
    description: "En rad per tillfälle då SKAPA erbjöds.",
    columns: [code(true), date("datum", "Datum då SKAPA erbjöds.", "2025-01-17")],
  },
  {
    name: "fov",
    description: "En rad per FOV-screening (frågor om våld).",
    columns: [
      code(true),
      date("datum", "Datum för screeningen.", "2025-02-05"),
      { key: "svar", required: true, kind: "fov", description: "ja, nej, avböjt eller ej tillfrågad.", example: "nej" },
    ],
  },
  {
    name: "stodinsatser",
    description: "En rad per ny eller utökad stödinsats.",
    columns: [
      code(true),
      date("datum", "Datum för stödinsatsen.", "2025-04-01"),
      { key: "typ", required: true, kind: "reference", description: "Stödinsatstyp, som i förbundets lista.", example: "Kommunal arbetsträning" },
      { key: "hojd_aktivitetsniva", required: false, kind: "yesNo", description: "ja eller nej. Tomt: typens standardvärde.", example: "ja" },
    ],
  },
  {
    name: "aktiviteter",
    description: "En rad per möte eller aktivitet.",
    columns: [
      code(true),
      date("datum", "Datum för aktiviteten.", "2025-01-15"),
      { key: "typ", required: true, kind: "reference", description: "Aktivitetstyp, som i förbundets lista.", example: "Individuellt samtal" },
      { key: "minuter", required: false, kind: "integer", description: "Längd i minuter (heltal).", example: 60 },
    ],
  },
  {
    name: "remisser",
    description: "En rad per inkommen remiss, också remisser som inte ledde till inskrivning.",
    columns: [
      date("datum", "Datum då remissen kom in.", "2024-12-16"),
      { key: "remittent", required: true, kind: "reference", description: "Remittentens namn, som i förbundets lista.", example: "Arbetsförmedlingen" },
      { key: "kommun", required: true, kind: "reference", description: "Kommunens namn.", example: "Ljungby" },
      { key: "insats", required: true, kind: "reference", description: "Insatsens namn.", example: "SamSteg" },
      {
        key: "beslut",
        required: false,
        kind: "decision",
        description: "inskriven, konsultation, ej aktuell eller kö. Tomt om inget beslut finns.",
        example: "inskriven",
      },
      code(false),
    ],
  },
  {
    name: "studiebesok",
    description: "En rad per studiebesök inför en eventuell ansökan.",
    columns: [
      date("datum", "Datum för studiebesöket.", "2024-12-02"),
      { key: "kommun", required: true, kind: "reference", description: "Kommunens namn.", example: "Ljungby" },
      { key: "insats", required: true, kind: "reference", description: "Insatsens namn.", example: "SamSteg" },
      code(false),
    ],
  },
  {
    name: "forsorjning",
    description: "En rad per byte av försörjning under inskrivningen (nytt försörjningsmedel).",
    columns: [
      code(true),
      date("datum", "Datum då den nya försörjningen började.", "2025-05-01"),
      { key: "forsorjning", required: true, kind: "reference", description: "Den nya försörjningen, som i förbundets lista.", example: "Lön" },
    ],
  },
];

export const TABLE_BY_NAME: ReadonlyMap<TableName, TableDef> = new Map(TABLES.map((table) => [table.name, table]));

/**
 * Header and table names as users write them: case, surrounding spaces, å/ä/ö versus a/a/o,
 * spaces or hyphens for underscores and a trailing "*" (the required marker) do not matter.
 */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/\*+$/, "")
    .trim()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[\s\-–]+/g, "_");
}

export function isTableName(value: string): value is TableName {
  return (TABLE_NAMES as readonly string[]).includes(value);
}
