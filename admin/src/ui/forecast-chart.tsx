/**
 * A variant's daily demand: the last weeks as bars, the forecast as a line inside its interval band,
 * drawn as SVG like the sales chart (no chart library: the page budget). Screen readers get the
 * forecast as a table.
 */
export interface ForecastSeries {
  history: { date: string; units: number }[];
  forecast: { date: string; mean: number; lower: number; upper: number }[];
}

export default function ForecastChart({ history, forecast }: ForecastSeries) {
  const width = 600;
  const height = 200;
  const days = history.length + forecast.length;
  const step = width / Math.max(1, days);
  const max = Math.max(1, ...history.map((d) => d.units), ...forecast.map((d) => d.upper));
  const y = (v: number) => height - (v / max) * height;
  const x = (i: number) => i * step + step / 2;
  const at = (i: number) => history.length + i;
  const band = [...forecast.map((d, i) => `${x(at(i))},${y(d.upper)}`), ...forecast.map((d, i) => `${x(at(i))},${y(d.lower)}`).reverse()].join(' ');
  return (
    <>
      <svg viewBox={`0 0 ${width} ${height + 10}`} className="h-56 w-full" aria-hidden preserveAspectRatio="none">
        {[0.25, 0.5, 0.75, 1].map((f) => <line key={f} x1={0} x2={width} y1={height - f * height} y2={height - f * height} stroke="#e5e7eb" />)}
        {history.map((d, i) => (
          <rect key={d.date} x={i * step + 1} y={y(d.units)} width={Math.max(1, step - 2)} height={height - y(d.units)} fill="#8a93a3">
            <title>{`${d.date}: ${d.units} sold`}</title>
          </rect>
        ))}
        {forecast.length > 0 && <polygon points={band} fill="#1f4fd1" fillOpacity={0.15} />}
        {forecast.length > 0 && <polyline points={forecast.map((d, i) => `${x(at(i))},${y(d.mean)}`).join(' ')} fill="none" stroke="#1f4fd1" strokeWidth={2} />}
        <line x1={x(history.length) - step / 2} x2={x(history.length) - step / 2} y1={0} y2={height} stroke="#8a93a3" strokeDasharray="4 4" />
        <line x1={0} x2={width} y1={height} y2={height} stroke="#8a93a3" />
      </svg>
      <div className="flex justify-between text-xs text-[var(--muted)]" aria-hidden>
        <span>{history[0]?.date ?? forecast[0]?.date}</span><span>sold (bars) · forecast with its 80 % interval (line, band)</span><span>{forecast[forecast.length - 1]?.date}</span>
      </div>
      <table className="sr-only">
        <caption>Forecast demand per day</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Forecast</th><th scope="col">Low</th><th scope="col">High</th></tr></thead>
        <tbody>{forecast.map((d) => <tr key={d.date}><td>{d.date}</td><td>{d.mean}</td><td>{d.lower}</td><td>{d.upper}</td></tr>)}</tbody>
      </table>
    </>
  );
}
