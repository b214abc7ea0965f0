import { CategoryScale, Chart as ChartJS, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from "chart.js";
import { Line } from "react-chartjs-2";
import { formatDate } from "~/utils/format";
import { ChartFigure } from "./ChartFigure";
import { AXIS_COLOUR, GRID_COLOUR, seriesColour } from "./palette";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip);

export interface TrappanChartProps {
  /** The placements of one enrolment, oldest first. */
  points: ReadonlyArray<{ date: string; step: number }>;
  steps: ReadonlyArray<{ step: number; label: string }>;
  enrolledDate: string;
  /** Where the line ends: the closure date, or today for an open enrolment. */
  endDate: string;
}

const DAY = 86_400_000;
const dayNumber = (from: string, date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const dateOf = (from: string, days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The Trappan step over time as a stepped line: a step holds until the next placement. The x axis
 * counts days, so the distance between placements is true to time. The table below carries the
 * same data for screen readers and for anyone who prefers numbers.
 */
export function TrappanChart({ points, steps, enrolledDate, endDate }: TrappanChartProps) {
  if (points.length === 0) return <p className="muted">Deltagaren har inte placerats i Trappan under inskrivningen.</p>;
  const data = points.map((point) => ({ x: dayNumber(enrolledDate, point.date), y: point.step }));
  const last = points[points.length - 1];
  if (endDate > last.date) data.push({ x: dayNumber(enrolledDate, endDate), y: last.step });
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    // Room for the markers on the top step and the last day, which sit on the chart's edges.
    layout: { padding: { top: 8, right: 8 } },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { title: (items) => formatDate(dateOf(enrolledDate, items[0].parsed.x ?? 0)), label: (item) => `Steg ${item.parsed.y}` } },
    },
    scales: {
      x: {
        type: "linear",
        min: 0,
        max: Math.max(1, data[data.length - 1].x),
        ticks: { color: AXIS_COLOUR, maxTicksLimit: 6, callback: (value) => dateOf(enrolledDate, Number(value)) },
        grid: { color: GRID_COLOUR },
      },
      y: { min: 1, max: 6, ticks: { stepSize: 1, color: AXIS_COLOUR, callback: (value) => `Steg ${value}` }, grid: { color: GRID_COLOUR } },
    },
  };
  const colour = seriesColour(0);
  return (
    <ChartFigure
      caption="Steg i Trappan över tid"
      chart={
        <Line
          options={options}
          data={{ datasets: [{ label: "Steg", data, stepped: "before", clip: 8, borderColor: colour, backgroundColor: colour, pointRadius: data.map((_, i) => (i < points.length ? 4 : 0)) }] }}
          role="img"
          aria-label="Diagram över steg i Trappan. Samma uppgifter finns i tabellen under diagrammet."
        />
      }
      tableCaption="Placeringar i Trappan"
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col" className="num">Steg</th>
              <th scope="col">Beskrivning</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={`${point.date}-${index}`}>
                <td>{point.date}</td>
                <td className="num">{point.step}</td>
                <td>{steps.find((s) => s.step === point.step)?.label ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  );
}
