// Uppföljning Finsam: the national follow-up asks each förbund, per individual insats, how many
// individuals took part in the year, kvinnor, män and in total (seed 003: "registrera antalet
// insatser och antalet individer"). One row per insats, so the numbers can be typed or pasted in.
import { column, type Context, countPhrase, GENDER_ROW_LABELS, gendersIn, plural, type ReportSection, TOTAL, unionKeys } from "./model";

export function finsamFollowUp(ctx: Context): ReportSection {
  const { active } = ctx.now;
  const byInsats = active.personsByInsatsByGender;
  const insatser = unionKeys(active.personsByInsats);
  const genders = gendersIn(active.personsByGender, ...Object.values(byInsats));
  const rows = insatser.map((insats) => ({
    insats,
    ...Object.fromEntries(genders.map((gender) => [gender, byInsats[insats]?.[gender] ?? 0])),
    totalt: active.personsByInsats[insats] ?? 0,
  }));
  const footer = {
    insats: `${TOTAL} (unika individer)`,
    ...Object.fromEntries(genders.map((gender) => [gender, active.personsByGender[gender] ?? 0])),
    totalt: active.persons,
  };
  const summary =
    insatser.length === 0
      ? "Ingen individ deltog i någon insats under perioden."
      : `Under ${ctx.current} deltog ${countPhrase(active.persons)} ${plural(active.persons, "individ", "individer")} i ` +
        `${insatser.length} ${insatser.length === 1 ? "insats" : "insatser"}.`;
  return {
    id: "uppfoljning-finsam",
    title: "Uppföljning Finsam: deltagare per insats",
    summary,
    table: {
      caption: `Individer som deltagit per insats, kvinnor, män och totalt, ${ctx.current}`,
      columns: [column("insats", "Insats", "text"), ...genders.map((gender) => column(gender, GENDER_ROW_LABELS[gender])), column("totalt", TOTAL)],
      rows,
      footer: [footer],
    },
    note:
      "Individer är unika personer med en aktiv inskrivning under perioden. En person som deltagit i två insatser räknas i båda, " +
      "så totalen för förbundet kan vara lägre än summan av raderna.",
  };
}
