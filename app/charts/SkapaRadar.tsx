import { Chart as ChartJS, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from "chart.js";
import { useMemo } from "react";
import { formatDate } from "~/utils/format";
import { ChartCanvas } from "./Chart";
import { ChartFigure } from "./ChartFigure";
import { skapaRadarConfig } from "./journal-datasets";
import type { SkapaComparison } from "./journal-series";

ChartJS.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

const value = (score: number | null | undefined) => (score === null || score === undefined ? "–" : String(score));

/** SKAPA's first and latest assessment on one spider chart (see skapaRadarConfig); the table holds the same numbers. */
export function SkapaRadar({ comparison }: { comparison: SkapaComparison }) {
  const config = useMemo(() => skapaRadarConfig(comparison), [comparison]);
  const { min, max, firstDate, latestDate, hasCoordinator, areas } = comparison;
  return (
    <ChartFigure
      caption="SKAPA: första och senaste skattningen"
      canvasClassName="journal-chart__canvas--radar"
      chart={
        <ChartCanvas
          config={config}
          label="Spindeldiagram över SKAPA-skattningarna. Samma uppgifter finns i tabellen under diagrammet."
          style={{ position: "relative", height: "100%" }}
        />
      }
      tableCaption={
        <>
          SKAPA-skattningar, skala {min}–{max}
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" className="num">
                Första {formatDate(firstDate)}
              </th>
              {latestDate ? (
                <th scope="col" className="num">
                  Senaste {formatDate(latestDate)}
                </th>
              ) : null}
              {hasCoordinator ? (
                <th scope="col" className="num">
                  Koordinatorn, första
                </th>
              ) : null}
              {hasCoordinator && latestDate ? (
                <th scope="col" className="num">
                  Koordinatorn, senaste
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.label}>
                <th scope="row">{area.label}</th>
                <td className="num">{value(area.first.participant)}</td>
                {latestDate ? <td className="num">{value(area.latest?.participant)}</td> : null}
                {hasCoordinator ? <td className="num">{value(area.first.coordinator)}</td> : null}
                {hasCoordinator && latestDate ? <td className="num">{value(area.latest?.coordinator)}</td> : null}
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}
