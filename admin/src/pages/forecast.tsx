import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { api, ok } from '../api.ts';
import { useLocations } from '../lib/orders.ts';
import { ErrorBanner } from '../ui/feedback.tsx';
import { Card, Page } from '../ui/page.tsx';

const ForecastChart = lazy(() => import('../ui/forecast-chart.tsx'));

/** A variant's demand forecast at each of its locations, with the reorder advice (docs/insights.md). */
export default function ForecastPage() {
  const { variantId } = useParams({ from: '/signed-in/forecasts/$variantId' });
  const locations = useLocations();
  const locationName = (id: string) => locations.data?.data.find((l) => l.id === id)?.name ?? id;
  const forecasts = useQuery({
    queryKey: ['forecasts', variantId],
    queryFn: () => ok(api.GET('/admin/forecasts', { params: { query: { variant_id: variantId, horizon: 28 } } })),
  });
  return (
    <Page title="Demand forecast" back={{ label: 'Back to home', to: '/' }}>
      <ErrorBanner error={forecasts.error} onRetry={() => forecasts.refetch()} />
      {!forecasts.data && !forecasts.error && <p aria-busy="true">Loading…</p>}
      {forecasts.data?.data.length === 0 && <p className="text-[var(--muted)]">This variant has no stock location and no sales yet.</p>}
      {forecasts.data?.data.map((f) => (
        <Card key={f.location_id} title={`At ${locationName(f.location_id)}`} className="mb-4">
          <Suspense fallback={<div className="h-56" aria-busy="true" />}>
            <ForecastChart history={f.history} forecast={f.forecast} />
          </Suspense>
          <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <div><dt className="text-[var(--muted)]">Available</dt><dd className="tabular-nums">{f.available}</dd></div>
            <div><dt className="text-[var(--muted)]">Reorder point</dt><dd className="tabular-nums">{f.reorder.reorder_point}</dd></div>
            <div><dt className="text-[var(--muted)]">Suggested order</dt><dd className="tabular-nums">{f.reorder.suggested_quantity}</dd></div>
            <div><dt className="text-[var(--muted)]">Days of cover</dt><dd className="tabular-nums">{f.reorder.days_of_cover ?? '—'}</dd></div>
          </dl>
          <p className="mt-2 text-xs text-[var(--muted)]">
            {f.method === 'holt_winters' ? 'Holt-Winters, weekly season' : 'Mean (under two weeks of history)'}; lead time {f.reorder.lead_time_days} days,
            service level {Math.round(f.reorder.service_level * 1000) / 10} %.
          </p>
        </Card>
      ))}
    </Page>
  );
}
