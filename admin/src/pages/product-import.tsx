import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { formatNumber } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { CsvProblems } from '../ui/csv-problems.tsx';
import { useToast } from '../ui/feedback.tsx';
import { Card, Page } from '../ui/page.tsx';

/**
 * CSV import: the server takes all rows or, on any problem, none, and lists every problem by row and
 * column. Progress: reading the file, then sending and checking it (one transaction, so no per-row count).
 */
export default function ProductImportPage() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<{ label: string; value: number | null } | null>(null);
  const upload = useFormMutation({
    mutationFn: async (chosen: File) => {
      setPhase({ label: 'Reading file', value: 0 });
      const text = await readWithProgress(chosen, (value) => setPhase({ label: 'Reading file', value }));
      setPhase({ label: `Importing ${formatNumber(Math.max(0, text.split('\n').filter(Boolean).length - 1))} rows`, value: null });
      return ok(api.POST('/admin/products/import', { body: text, headers: { 'content-type': 'text/csv' }, bodySerializer: (body: string) => body }));
    },
    onSettled: () => setPhase(null),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      toast(`${formatNumber(result.created)} products imported`);
    },
  });
  return (
    <Page title="Import products" back={{ label: 'Back to products', to: '/products' }}>
      <Card title="CSV file">
        <p className="mb-3 text-sm text-[var(--muted)]">One row per variant, in the format of the export. Every row is imported, or none is: fix the problems listed and try again.</p>
        <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); if (file) upload.mutate(file); }}>
          <label className="flex flex-col gap-1 text-sm font-medium">
            File
            <input type="file" accept=".csv,text/csv" className="input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>Import</button>
        </form>
        {phase && (
          <div className="mt-4 flex flex-col gap-1">
            <label htmlFor="import-progress" className="text-sm">{phase.label}…</label>
            <progress id="import-progress" className="w-full" max={1} value={phase.value ?? undefined} />
          </div>
        )}
        {upload.data && (
          <p role="status" className="mt-4">{formatNumber(upload.data.created)} products imported. <Link to="/products" className="row-link">View products</Link></p>
        )}
      </Card>
      <CsvProblems error={upload.error} />
    </Page>
  );
}

function readWithProgress(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`The file could not be read: ${reader.error?.message ?? 'unknown error'}`));
    reader.readAsText(file);
  });
}
