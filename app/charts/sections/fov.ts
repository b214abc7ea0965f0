// FOV: violence screening by kön, protected whether or not the view hides small numbers.
import { formatNumber } from "~/utils/format";
import { column, type Context, countPhrase, GENDER_ROW_LABELS, genderPhrase, gendersIn, groupedChart, type ReportSection, swedishList, TOTAL } from "./model";

export function fov(ctx: Context): ReportSection {
  const f = ctx.now.fov;
  const genders = gendersIn(f.answeredByGender, f.yesByGender);
  const rows = genders.map((gender) => ({
    kon: GENDER_ROW_LABELS[gender],
    besvarat: f.answeredByGender[gender] ?? 0,
    ja: f.yesByGender[gender] ?? 0,
  }));
  const total = { kon: TOTAL, besvarat: f.answered, ja: f.yes };
  // "23 kvinnor och 15 män": annat only when there is something to say about it.
  const byGender = (key: "besvarat" | "ja") =>
    swedishList(
      genders
        .map((gender, i) => [gender, rows[i]![key]] as const)
        .filter(([gender, cell]) => gender !== "annat" || cell !== 0)
        .map(([gender, cell]) => genderPhrase(gender, countPhrase(cell))),
    );
  let summary: string;
  if (f.answered === 0) summary = "Ingen deltagare har svarat på frågor om våld under perioden.";
  else {
    const answered = typeof f.answered === "number" ? `${formatNumber(f.answered)} deltagare` : byGender("besvarat");
    const yes =
      f.yes === 0
        ? "ingen av dem har svarat ja"
        : typeof f.yes === "number"
          ? `${formatNumber(f.yes)} av dem har svarat ja (${byGender("ja")})`
          : `av dem har ${byGender("ja")} svarat ja`;
    summary = `Under perioden har ${answered} svarat på frågor om våld, och ${yes}.`;
  }
  return {
    id: "fov",
    title: "Frågor om våld (FOV) per kön",
    summary,
    chart: groupedChart(
      rows.map((row) => row.kon),
      [
        ["Besvarat", rows.map((row) => row.besvarat)],
        ["Svarat ja", rows.map((row) => row.ja)],
      ],
      "count",
    ),
    table: {
      caption: `Deltagare som svarat på frågor om våld och som svarat ja, per kön, ${ctx.current}`,
      columns: [column("kon", "Kön", "text"), column("besvarat", "Besvarat (ja eller nej)"), column("ja", "Svarat ja")],
      rows,
      footer: [total],
    },
    note: "Svar om våld per kön skyddas alltid, även där små tal annars visas.",
  };
}
