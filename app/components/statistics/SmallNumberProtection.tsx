// "Så skyddas små tal": how the statistics keep small counts from being worked out, in plain
// Swedish for the styrgrupp and the förbundschef. The rules are docs/decisions/0009.
import { MIN_VIEW_SIZE } from "~/domain/statistics/disclosure/family";

export function SmallNumberProtection({ threshold }: { threshold: number }) {
  return (
    <details className="card stat-protection">
      <summary>
        <h2>Så skyddas små tal</h2>
      </summary>
      <p>
        Deltagarna är få och ofta kända i sin kommun. Därför visas inga antal från 1 till {threshold - 1} i styrgruppens vy eller i exporterna: de står som{" "}
        <strong>”färre än {threshold}”</strong>. Svar om våld per kön skyddas alltid.
      </p>
      <p>
        Ett dolt tal ska inte heller gå att räkna fram ur summor och andra tabeller. Där det skulle gå döljs ytterligare ett tal, helst ett litet, och det står
        som <strong>”dolt”</strong>. Ett dolt tal kan vara stort eller litet. En andel som bygger på ett dolt tal, eller som skulle avslöja ett, står som{" "}
        <strong>”–”</strong>. Samma tal döljs på samma sätt i webbvyn, utskriften och i Word-, Excel- och CSV-filerna.
      </p>
      <p>
        Rapporten för hela förbundet skyddas tillsammans med rapporterna per kommun och per insats, så att man inte kan ta fram ett dolt tal genom att dra den
        ena från den andra. Styrgruppen kan därför välja en kommun eller en insats, men inte båda, och bara när varje kommun (eller insats) har minst{" "}
        {MIN_VIEW_SIZE} aktiva deltagare. Perioden väljs bland helår, jan–jun, jan–aug och sedan start.
      </p>
      <p>
        Det som återstår: den som jämför en delårsrapport med helåret kan se hur många som tillkommit eller avslutats mellan dem, och den som redan vet mycket
        om en deltagare kan ibland känna igen hen även i stora tal. Publicera därför inte egna urval bredvid varandra.
      </p>
    </details>
  );
}
