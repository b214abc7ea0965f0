import { Chart as ChartJS, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useMemo } from "react";
import { formatDate } from "~/utils/format";
import { ChartCanvas } from "./Chart";
import { ChartFigure } from "./ChartFigure";
import { trappanChartConfig } from "./journal-datasets";
import type { TrappanSeries } from "./journal-series";

ChartJS.register(LineController, LinearScale, PointElement, LineElement, Tooltip);

export interface TrappanChartProps {
  series: TrappanSeries;
  /** Where the line ends: the closure date, or today for an open enrolment. */
  endDate: string;
}

/**
 * The Trappan step over time (see trappanChartConfig). The table below carries the same data for
 * screen readers and for anyone who prefers numbers.
 */
export function TrappanChart({ series, endDate }: TrappanChartProps) {
  const config = useMemo(() => trappanChartConfig(series, endDate), [series, endDate]);
  const { points, steps } = series;
  if (points.length === 0) return <p className="muted">Deltagaren har inte placerats i Trappan under inskrivningen.</p>;
  return (
    <ChartFigure
      caption="Steg i Trappan över tid"
      chart={
        <ChartCanvas
          config={config}
          label="Diagram över steg i Trappan. Samma uppgifter finns i tabellen under diagrammet."
          style={{ position: "relative", height: "100%" }}
        />
      }
      tableCaption="Placeringar i Trappan"
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col" className="num">
                Steg
              </th>
              <th scope="col">Beskrivning</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={`${point.date}-${index}`}>
                <td>{formatDate(point.date)}</td>
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
