import { Chart as ChartJS, Filler, Legend, LineElement, PointElement, RadialLinearScale, Tooltip, type ChartOptions } from "chart.js";
import { Radar } from "react-chartjs-2";
import { ChartFigure } from "./ChartFigure";
import { AXIS_COLOUR, GRID_COLOUR, seriesColour } from "./palette";

ChartJS.register(RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

type Ratings = { participant: number | null; coordinator: number | null };

export interface SkapaRadarProps {
  min: number;
  max: number;
  firstDate: string;
  latestDate: string | null;
  hasCoordinator: boolean;
  areas: ReadonlyArray<{ label: string; first: Ratings; latest: Ratings | null }>;
}

const value = (score: number | null | undefined) => (score === null || score === undefined ? "–" : String(score));

/**
 * SKAPA's usual picture: the first and the latest assessment overlaid on one spider chart, the
 * participant's own ratings solid and the coordinator's (when given) dashed. The table holds the
 * same numbers.
 */
export function SkapaRadar({ min, max, firstDate, latestDate, hasCoordinator, areas }: SkapaRadarProps) {
  const series = (label: string, colour: string, scores: Array<number | null>, dashed: boolean) => ({
    label,
    data: scores,
    borderColor: colour,
    backgroundColor: dashed ? "transparent" : `${colour}22`,
    pointBackgroundColor: colour,
    borderDash: dashed ? [6, 4] : [],
    fill: !dashed,
  });
  const datasets = [series(`Första ${firstDate}`, seriesColour(0), areas.map((a) => a.first.participant), false)];
  if (latestDate) datasets.push(series(`Senaste ${latestDate}`, seriesColour(1), areas.map((a) => a.latest?.participant ?? null), false));
  if (hasCoordinator) {
    datasets.push(series(`Koordinatorn, första ${firstDate}`, seriesColour(2), areas.map((a) => a.first.coordinator), true));
    if (latestDate) datasets.push(series(`Koordinatorn, senaste ${latestDate}`, seriesColour(3), areas.map((a) => a.latest?.coordinator ?? null), true));
  }
  const options: ChartOptions<"radar"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: "bottom", labels: { color: AXIS_COLOUR } } },
    scales: {
      r: {
        min,
        max,
        ticks: { stepSize: 1, color: AXIS_COLOUR, backdropColor: "transparent" },
        grid: { color: GRID_COLOUR },
        angleLines: { color: GRID_COLOUR },
        pointLabels: { color: AXIS_COLOUR, font: { size: 12 } },
      },
    },
  };
  return (
    <ChartFigure
      caption="SKAPA: första och senaste skattningen"
      canvasClassName="journal-chart__canvas--radar"
      chart={
        <Radar
          options={options}
          data={{ labels: areas.map((a) => a.label), datasets }}
          role="img"
          aria-label="Spindeldiagram över SKAPA-skattningarna. Samma uppgifter finns i tabellen under diagrammet."
        />
      }
      tableCaption={<>SKAPA-skattningar, skala {min}–{max}</>}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" className="num">Första {firstDate}</th>
              {latestDate ? <th scope="col" className="num">Senaste {latestDate}</th> : null}
              {hasCoordinator ? <th scope="col" className="num">Koordinatorn, första</th> : null}
              {hasCoordinator && latestDate ? <th scope="col" className="num">Koordinatorn, senaste</th> : null}
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
