import { api, ok } from '../api.ts';
import { ListPage } from '../ui/list-page.tsx';

export default function CollectionsPage() {
  return (
    <ListPage title="Collections" queryKey={['collections']} load={() => ok(api.GET('/admin/collections', { params: { query: { limit: 100 } } }))}
      rowKey={(c) => c.id} empty="No collections yet."
      columns={[{ header: 'Title', cell: (c) => c.title }, { header: 'Handle', cell: (c) => c.handle }]} />
  );
}
