// Who took part: the overview, per kommun, per kön and per åldersgrupp; persons beside
// enrolments, the last day and (förbundschef only) the caseload per koordinator.
import { formatDate, formatNumber } from "~/utils/format";
import type { Gender } from "~/domain/statistics";
import { shareOf } from "~/domain/statistics/disclosure/shown";
import { COORDINATOR_NONE } from "~/domain/statistics/participants";
import { type CellValue, type TableRow } from "../cells";
import {
  capitalize,
  caption,
  collator,
  column,
  comparisonChart,
  type Context,
  countPhrase,
  GENDER_ROW_LABELS,
  genderPhrase,
  gendersIn,
  groupedChart,
  holdsHidden,
  largest,
  plural,
  PREVIOUS,
  type ReportSection,
  swedishList,
  TOTAL,
  unionKeys,
} from "./model";

export function overview(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const rows: Array<[string, CellValue, CellValue]> = [
    ["Aktiva deltagare", r.active.total, p.active.total],
    ["Nyinskrivna", r.newlyEnrolled.total, p.newlyEnrolled.total],
    ["Avslutade", r.closed.total, p.closed.total],
    ["Avslutade med planering efter avslut", r.closed.withPlanAfter, p.closed.withPlanAfter],
    ["Avslutade på steg 4–6 i Trappan", r.trappan.closedInUpperPart, p.trappan.closedInUpperPart],
    ["Remisser", r.referrals.total, p.referrals.total],
    ["Studiebesök", r.studyVisits.total, p.studyVisits.total],
  ];
  const tableRows = rows.map(([label, now, then]) => ({ matt: label, antal: now, foregaende: then }));
  const summary =
    r.active.total === 0
      ? "Inga deltagare har haft stöd under perioden."
      : `Totalt har ${countPhrase(r.active.total)} deltagare haft stöd under perioden, varav ` +
        `${countPhrase(r.newlyEnrolled.total)} ${plural(r.newlyEnrolled.total, "nyinskriven", "nyinskrivna")} och ` +
        `${countPhrase(r.closed.total)} ${plural(r.closed.total, "avslutad", "avslutade")}.`;
  return {
    id: "oversikt",
    title: "Deltagare under perioden",
    summary,
    chart: comparisonChart(
      ctx,
      ["Aktiva", "Nyinskrivna", "Avslutade"],
      tableRows.slice(0, 3).map((row) => row.antal),
      tableRows.slice(0, 3).map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Deltagare, remisser och studiebesök"),
      columns: [column("matt", "Mått", "text"), column("antal", "Antal"), column("foregaende", PREVIOUS)],
      rows: tableRows,
      footer: [],
    },
  };
}

export function kommuner(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  // Each column: its key and label, the map by kommun, and the report's own total.
  const counts = [
    ["aktiva", "Aktiva", r.active.byKommun, r.active.total],
    ["nyinskrivna", "Nyinskrivna", r.newlyEnrolled.byKommun, r.newlyEnrolled.total],
    ["avslutade", "Avslutade", r.closed.byKommun, r.closed.total],
    ["studiebesok", "Studiebesök", r.studyVisits.byKommun, r.studyVisits.total],
    ["foregaende", "Aktiva, föregående period", p.active.byKommun, p.active.total],
  ] as const;
  const names = unionKeys(...counts.map(([, , map]) => map));
  const rows: TableRow[] = names.map((kommun) => ({
    kommun,
    ...Object.fromEntries(counts.map(([key, , map]) => [key, map[kommun] ?? 0])),
  }));
  const total: TableRow = { kommun: TOTAL, ...Object.fromEntries(counts.map(([key, , , sum]) => [key, sum])) };
  const parts = Object.entries(r.active.byKommun)
    .filter(([, cell]) => cell !== 0)
    .map(([kommun, cell]) => `${countPhrase(cell)} i ${kommun}`);
  let summary: string;
  if (r.active.total === 0) summary = "Inga deltagare har haft stöd under perioden i någon kommun.";
  else if (typeof r.active.total === "string") summary = `${capitalize(countPhrase(r.active.total))} deltagare har haft stöd under perioden.`;
  else summary = `Av de ${formatNumber(r.active.total)} aktiva deltagarna fanns ${swedishList(parts)}.`;
  return {
    id: "kommuner",
    title: "Deltagare per kommun",
    summary,
    chart: groupedChart(
      names,
      [
        ["Aktiva", rows.map((row) => row.aktiva)],
        ["Nyinskrivna", rows.map((row) => row.nyinskrivna)],
      ],
      "count",
    ),
    table: {
      caption: caption(ctx, "Aktiva, nyinskrivna och avslutade deltagare samt studiebesök per kommun"),
      columns: [column("kommun", "Kommun", "text"), ...counts.map(([key, label]) => column(key, label))],
      rows,
      footer: [total],
    },
  };
}

export function activeByGender(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const genders = gendersIn(r.active.byGender, r.newlyEnrolled.byGender, p.active.byGender);
  const rows = genders.map((gender) => {
    const count = r.active.byGender[gender] ?? 0;
    return {
      kon: GENDER_ROW_LABELS[gender],
      aktiva: count,
      andel: shareOf(count, r.active.total),
      nyinskrivna: r.newlyEnrolled.byGender[gender] ?? 0,
      foregaende: p.active.byGender[gender] ?? 0,
    };
  });
  const parts = genders
    .filter((gender) => gender !== "annat" || (r.active.byGender.annat ?? 0) !== 0)
    .map((gender) => genderPhrase(gender, countPhrase(r.active.byGender[gender] ?? 0)));
  const summary =
    r.active.total === 0 ? "Inga deltagare har haft stöd under perioden." : `Av ${countPhrase(r.active.total)} aktiva deltagare var ${swedishList(parts)}.`;
  return {
    id: "kon",
    title: "Aktiva deltagare per kön",
    summary,
    chart: comparisonChart(
      ctx,
      rows.map((row) => row.kon),
      rows.map((row) => row.aktiva),
      rows.map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Aktiva och nyinskrivna deltagare per kön"),
      columns: [
        column("kon", "Kön", "text"),
        column("aktiva", "Aktiva"),
        column("andel", "Andel", "share"),
        column("nyinskrivna", "Nyinskrivna"),
        column("foregaende", "Aktiva, föregående period"),
      ],
      rows,
      footer: [
        {
          kon: TOTAL,
          aktiva: r.active.total,
          andel: shareOf(r.active.total, r.active.total),
          nyinskrivna: r.newlyEnrolled.total,
          foregaende: p.active.total,
        },
      ],
    },
  };
}

export function activeByAgeGroup(ctx: Context): ReportSection {
  const { bundle, now: r, then: p } = ctx;
  const configured = new Set(bundle.ageGroupOrder);
  const extra = unionKeys(r.active.byAgeGroup, p.active.byAgeGroup).filter((group) => !configured.has(group));
  const groups = [...bundle.ageGroupOrder, ...extra];
  const rows = groups.map((group) => ({
    aldersgrupp: `${group} år`,
    aktiva: r.active.byAgeGroup[group] ?? 0,
    andel: shareOf(r.active.byAgeGroup[group] ?? 0, r.active.total),
    foregaende: p.active.byAgeGroup[group] ?? 0,
  }));
  const top = largest(r.active.byAgeGroup, 3).map(([group, count]) => `${group} år (${formatNumber(count)})`);
  // A "dolt" group may be larger than any shown one: then only the shown ones can be ranked.
  const most = holdsHidden(Object.values(r.active.byAgeGroup))
    ? "Av de åldersgrupper som redovisas med antal fanns flest aktiva deltagare"
    : "Flest aktiva deltagare fanns";
  let summary: string;
  if (r.active.total === 0) summary = "Inga deltagare har haft stöd under perioden.";
  else if (top.length === 0) summary = "Antalet aktiva deltagare per åldersgrupp redovisas inte, eftersom talen är små.";
  else summary = `${most} i ${top.length === 1 ? "åldersgruppen" : "åldersgrupperna"} ${swedishList(top)}.`;
  return {
    id: "alder",
    title: "Aktiva deltagare per åldersgrupp",
    summary,
    chart: comparisonChart(
      ctx,
      groups,
      rows.map((row) => row.aktiva),
      rows.map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Aktiva deltagare per åldersgrupp"),
      columns: [
        column("aldersgrupp", "Åldersgrupp", "text"),
        column("aktiva", "Aktiva"),
        column("andel", "Andel", "share"),
        column("foregaende", "Aktiva, föregående period"),
      ],
      rows,
      footer: [
        {
          aldersgrupp: TOTAL,
          aktiva: r.active.total,
          andel: shareOf(r.active.total, r.active.total),
          foregaende: p.active.total,
        },
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Issue 13: persons beside enrolments, the last day, caseload.

/** Rows by kön and then by kommun, with the grouping named in its own column. */
function genderAndKommunRows(
  genders: readonly Gender[],
  kommuner: readonly string[],
  cells: (group: { gender: Gender } | { kommun: string }) => Record<string, CellValue>,
): TableRow[] {
  return [
    ...genders.map((gender) => ({ indelning: "Kön", grupp: GENDER_ROW_LABELS[gender], ...cells({ gender }) })),
    ...kommuner.map((kommun) => ({ indelning: "Kommun", grupp: kommun, ...cells({ kommun }) })),
  ];
}

const GROUPING_COLUMNS = [column("indelning", "Indelning", "text"), column("grupp", "Grupp", "text")];

/** Seed 001's "64 personer" and seed 002's "unika individer": persons beside enrolments. */
export function persons(ctx: Context): ReportSection {
  const { active, newlyEnrolled } = ctx.now;
  const genders = gendersIn(active.byGender, newlyEnrolled.byGender);
  const kommuner = unionKeys(active.byKommun, newlyEnrolled.byKommun, active.personsByKommun);
  const rows = genderAndKommunRows(genders, kommuner, (group) =>
    "gender" in group
      ? {
          aktiva: active.byGender[group.gender] ?? 0,
          personer: active.personsByGender[group.gender] ?? 0,
          nya: newlyEnrolled.byGender[group.gender] ?? 0,
          nyaPersoner: newlyEnrolled.personsByGender[group.gender] ?? 0,
        }
      : {
          aktiva: active.byKommun[group.kommun] ?? 0,
          personer: active.personsByKommun[group.kommun] ?? 0,
          nya: newlyEnrolled.byKommun[group.kommun] ?? 0,
          nyaPersoner: newlyEnrolled.personsByKommun[group.kommun] ?? 0,
        },
  );
  const footer = {
    indelning: "Alla",
    grupp: TOTAL,
    aktiva: active.total,
    personer: active.persons,
    nya: newlyEnrolled.total,
    nyaPersoner: newlyEnrolled.persons,
  };
  let summary: string;
  if (active.total === 0) summary = "Inga deltagare har haft stöd under perioden.";
  else {
    const enrolled =
      newlyEnrolled.total === 0
        ? "ingen skrevs in under perioden"
        : `${countPhrase(newlyEnrolled.persons)} ${plural(newlyEnrolled.persons, "person", "personer")} skrevs in ` +
          `(${countPhrase(newlyEnrolled.total)} ${plural(newlyEnrolled.total, "nyinskrivning", "nyinskrivningar")})`;
    summary =
      `Under perioden hade ${countPhrase(active.persons)} ${plural(active.persons, "person", "personer")} ` +
      `${countPhrase(active.total)} aktiva ${plural(active.total, "inskrivning", "inskrivningar")}, och ${enrolled}.`;
  }
  const kommunRows = rows.filter((row) => row.indelning === "Kommun");
  return {
    id: "personer",
    title: "Deltagare och personer",
    summary,
    chart: groupedChart(
      kommuner,
      [
        ["Aktiva inskrivningar", kommunRows.map((row) => row.aktiva!)],
        ["Aktiva personer", kommunRows.map((row) => row.personer!)],
      ],
      "count",
    ),
    table: {
      caption: `Aktiva och nyinskrivna deltagare, räknade som inskrivningar och som unika personer, ${ctx.current}`,
      columns: [
        ...GROUPING_COLUMNS,
        column("aktiva", "Aktiva, inskrivningar"),
        column("personer", "Aktiva, personer"),
        column("nya", "Nyinskrivna, inskrivningar"),
        column("nyaPersoner", "Nyinskrivna, personer"),
      ],
      rows,
      footer: [footer],
    },
    note:
      "En person som skrivits in mer än en gång räknas en gång bland personerna, men varje inskrivning för sig. " +
      "En person räknas i varje kön och kommun där hen har en inskrivning, så raderna kan tillsammans bli fler än totalen.",
  };
}

/** Seed 000's "I december vid uppföljningen är 70 deltagare aktuella": enrolments open on the last day. */
export function atEnd(ctx: Context): ReportSection {
  const now = ctx.now.active.atEnd;
  const then = ctx.then.active.atEnd;
  const genders = gendersIn(now.byGender, then.byGender);
  const kommuner = unionKeys(now.byKommun, then.byKommun);
  const rows = genderAndKommunRows(genders, kommuner, (group) =>
    "gender" in group
      ? { antal: now.byGender[group.gender] ?? 0, foregaende: then.byGender[group.gender] ?? 0 }
      : { antal: now.byKommun[group.kommun] ?? 0, foregaende: then.byKommun[group.kommun] ?? 0 },
  );
  const parts = genders
    .filter((gender) => gender !== "annat" || (now.byGender.annat ?? 0) !== 0)
    .map((gender) => genderPhrase(gender, countPhrase(now.byGender[gender] ?? 0)));
  const summary =
    now.total === 0
      ? "Ingen deltagare var inskriven den sista dagen i perioden."
      : `Den sista dagen i perioden var ${countPhrase(now.total)} deltagare ${plural(now.total, "inskriven", "inskrivna")}, ` +
        `${swedishList(parts)}, mot ${countPhrase(then.total)} den sista dagen i föregående period.`;
  const kommunRows = rows.filter((row) => row.indelning === "Kommun");
  return {
    id: "sista-dagen",
    title: "Deltagare den sista dagen",
    summary,
    chart: comparisonChart(
      ctx,
      kommuner,
      kommunRows.map((row) => row.antal!),
      kommunRows.map((row) => row.foregaende!),
      "count",
    ),
    table: {
      caption:
        `Inskrivna deltagare den ${formatDate(ctx.bundle.query.period.to)}, jämfört med den ${formatDate(ctx.bundle.previousPeriod.to)}, ` +
        "per kön och kommun (inskrivningar)",
      columns: [...GROUPING_COLUMNS, column("antal", "Inskrivningar"), column("foregaende", "Inskrivningar, föregående period")],
      rows,
      footer: [{ indelning: "Alla", grupp: TOTAL, antal: now.total, foregaende: then.total }],
    },
    note: "En deltagare som avslutas den sista dagen räknas inte som inskriven den dagen.",
  };
}

const NO_COORDINATOR_LABEL = "Ingen koordinator angiven";

/**
 * Seed 004's coordinators per kommun: active enrolments per koordinator and kommun. Only for the
 * förbundschef (the bundle says so); the bundles of everyone else carry no names at all.
 */
export function caseload(ctx: Context): ReportSection | null {
  if (ctx.bundle.caseload !== true) return null;
  const { active } = ctx.now;
  const names = unionKeys(active.byCoordinator, active.byCoordinatorByKommun).sort(
    (a, b) => Number(a === COORDINATOR_NONE) - Number(b === COORDINATOR_NONE) || collator.compare(a, b),
  );
  const kommuner = unionKeys(active.byKommun, ...Object.values(active.byCoordinatorByKommun));
  // Kommun names are labels a förbund typed: the columns are keyed by position, not by name.
  const kommunKey = (index: number) => `k${index}`;
  const rows: TableRow[] = names.map((name) => ({
    koordinator: name === COORDINATOR_NONE ? NO_COORDINATOR_LABEL : name,
    ...Object.fromEntries(kommuner.map((kommun, i) => [kommunKey(i), active.byCoordinatorByKommun[name]?.[kommun] ?? 0])),
    totalt: active.byCoordinator[name] ?? 0,
  }));
  const footer: TableRow = {
    koordinator: TOTAL,
    ...Object.fromEntries(kommuner.map((kommun, i) => [kommunKey(i), active.byKommun[kommun] ?? 0])),
    totalt: active.total,
  };
  const coordinators = names.filter((name) => name !== COORDINATOR_NONE);
  const loads = coordinators.map((name) => active.byCoordinator[name] ?? 0);
  const ranked = largest(Object.fromEntries(coordinators.map((name, i) => [name, loads[i]!])), coordinators.length);
  // The largest caseload with everyone who shares it; not stated when a "dolt" one may be larger.
  const top = ranked.filter(([, count]) => count === ranked[0]?.[1]);
  let summary: string;
  if (active.total === 0) summary = "Inga deltagare har haft stöd under perioden.";
  else if (coordinators.length === 0) summary = "Ingen av de aktiva deltagarna har en koordinator angiven.";
  else {
    const most =
      top.length === 0 || holdsHidden(loads)
        ? ""
        : `; flest hade ${swedishList(top.map(([name]) => name))} (${formatNumber(top[0]![1])}${top.length > 1 ? " vardera" : ""})`;
    summary = `Under perioden fanns ${countPhrase(active.total)} aktiva ${plural(active.total, "inskrivning", "inskrivningar")}${most}.`;
  }
  return {
    id: "koordinatorer",
    title: "Aktiva deltagare per koordinator och kommun",
    summary,
    chart: groupedChart(
      rows.map((row) => String(row.koordinator)),
      [["Aktiva inskrivningar", rows.map((row) => row.totalt!)]],
      "count",
      true,
    ),
    table: {
      caption: `Aktiva deltagare per koordinator och kommun (inskrivningar), ${ctx.current}`,
      columns: [column("koordinator", "Koordinator", "text"), ...kommuner.map((kommun, i) => column(kommunKey(i), kommun)), column("totalt", TOTAL)],
      rows,
      footer: [footer],
    },
    note: "Visas bara för förbundschefen: styrgrupp och beredningsgrupp ser inga namn på koordinatorer.",
  };
}
