import { api, ok } from '../api.ts';
import { ListPage } from '../ui/list-page.tsx';

export default function CustomerGroupsPage() {
  return (
    <ListPage title="Customer groups" queryKey={['customer-groups']} load={() => ok(api.GET('/admin/customer-groups'))}
      rowKey={(g) => g.id} empty="No groups yet."
      columns={[{ header: 'Name', cell: (g) => g.name }, { header: 'Members', cell: (g) => g.member_count, align: 'right' }]} />
  );
}
