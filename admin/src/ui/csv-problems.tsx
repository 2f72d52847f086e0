import { ApiError } from '../api.ts';
import { ErrorBanner } from './feedback.tsx';
import { Card } from './page.tsx';

interface RowProblem { row: number; column: string | null; message: string }

/** A refused CSV import (400 `csv_invalid`): nothing was imported, and every problem by row and column. */
export function CsvProblems({ error }: { error: unknown }) {
  if (!error) return null;
  const problems = error instanceof ApiError && Array.isArray(error.details.errors) ? error.details.errors as RowProblem[] : null;
  return (
    <div className="mt-4">
      <ErrorBanner error={problems ? new Error(`Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file.`) : error} />
      {problems && (
        <Card title="Problems">
          <table className="data-table">
            <caption className="sr-only">Problems found in the CSV file</caption>
            <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
            <tbody>{problems.map((p, i) => <tr key={i}><td className="tabular-nums">{p.row}</td><td>{p.column ?? '—'}</td><td>{p.message}</td></tr>)}</tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
