import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Page } from './page.tsx';
import { DataTable, type Column } from './table.tsx';

/** A settings-style page: one list the API returns whole (regions, roles, jobs…), as a table. */
export function ListPage<Row>({ title, queryKey, load, columns, rowKey, empty, actions, children }: {
  title: string;
  queryKey: QueryKey;
  load: () => Promise<{ data: Row[] }>;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const list = useQuery({ queryKey, queryFn: load });
  return (
    <Page title={title} actions={actions}>
      {children}
      <DataTable caption={title} rows={list.data?.data} rowKey={rowKey} loading={list.isFetching} error={list.error} onRetry={() => list.refetch()} empty={empty} columns={columns} />
    </Page>
  );
}
