import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { ListPage } from '../ui/list-page.tsx';
import { Card } from '../ui/page.tsx';

export default function UsersPage() {
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => ok(api.GET('/admin/roles')) });
  return (
    <ListPage title="Users & roles" queryKey={['users']} load={() => ok(api.GET('/admin/users'))} rowKey={(u) => u.id} empty="No staff users."
      columns={[
        { header: 'Email', cell: (u) => u.email }, { header: 'Name', cell: (u) => u.name ?? '—' },
        { header: 'Role', cell: (u) => roles.data?.data.find((r) => r.key === u.role)?.name ?? u.role },
        { header: 'Last sign-in', cell: (u) => u.last_login_at ? formatDateTime(u.last_login_at) : 'Never', secondary: true },
      ]}>
      <Card title="Roles" className="mb-4">
        <ul className="flex flex-col gap-2">
          {roles.data?.data.map((r) => <li key={r.key}><span className="font-medium">{r.name}</span> <span className="text-sm text-[var(--muted)]">{r.permissions.join(', ')}</span></li>)}
        </ul>
      </Card>
    </ListPage>
  );
}
