// FOV: violence screening, with kön always hidden below the threshold.
import { formatNumber } from "~/utils/format";
import { formatCell, hiddenCount, NO_VALUE } from "../cells";
import { column, type Context, GENDER_ROW_LABELS, genderPhrase, gendersIn, groupedChart, type ReportSection, swedishList, TOTAL } from "./model";

export function fov(ctx: Context): ReportSection {
  const { report: r, hide } = ctx;
  const f = r.fov;
  const genders = gendersIn(f.answeredByGender, f.yesByGender);
  const rows = genders.map((gender) => ({
    kon: GENDER_ROW_LABELS[gender],
    besvarat: hide.count(f.answeredByGender[gender] ?? 0, true),
    ja: hide.count(f.yesByGender[gender] ?? 0, true),
  }));
  type Key = "besvarat" | "ja";
  const totalCell = (key: Key, count: number) => (rows.some((row) => typeof row[key] === "string") ? NO_VALUE : hide.count(count));
  const total = { kon: TOTAL, besvarat: totalCell("besvarat", f.answered), ja: totalCell("ja", f.yes) };
  // "23 kvinnor och 15 män": annat only when there is something to say about it.
  const byGender = (key: Key) =>
    swedishList(
      genders
        .map((gender, i) => [gender, rows[i]![key]] as const)
        .filter(([gender, cell]) => gender !== "annat" || cell !== 0)
        .map(([gender, cell]) => genderPhrase(gender, formatCell(cell, "count"))),
    );
  let summary: string;
  if (f.answered === 0) summary = "Ingen deltagare har svarat på frågor om våld under perioden.";
  else {
    const answered = typeof total.besvarat === "number" ? `${formatNumber(total.besvarat)} deltagare` : byGender("besvarat");
    const yes =
      f.yes === 0
        ? "ingen av dem har svarat ja"
        : typeof total.ja === "number"
          ? `${formatNumber(total.ja)} av dem har svarat ja (${byGender("ja")})`
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
    note: `Svar om våld per kön visas aldrig för ${hiddenCount(hide.threshold)} personer, och en summa som ` + "skulle avslöja ett dolt tal visas som –.",
  };
}
