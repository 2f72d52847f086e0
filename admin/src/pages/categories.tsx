import { api, ok } from '../api.ts';
import { ListPage } from '../ui/list-page.tsx';

/** The category tree, depth first, indented by depth. */
export default function CategoriesPage() {
  return (
    <ListPage title="Categories" queryKey={['categories']} load={() => ok(api.GET('/admin/categories', { params: { query: { limit: 100 } } }))}
      rowKey={(c) => c.id} empty="No categories yet."
      columns={[
        { header: 'Name', cell: (c) => <span style={{ paddingLeft: c.depth * 20 }}>{c.depth > 0 ? '└ ' : ''}{c.name}</span> },
        { header: 'Handle', cell: (c) => c.handle },
        { header: 'Position', cell: (c) => c.position, align: 'right' },
      ]} />
  );
}
