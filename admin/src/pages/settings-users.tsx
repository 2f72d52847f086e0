import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatDateTime } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan, useSession } from '../lib/session.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';
import { Card } from '../ui/page.tsx';

type Role = paths['/admin/roles']['get']['responses'][200]['content']['application/json']['data'][number];
type Permission = paths['/admin/roles']['post']['requestBody']['content']['application/json']['permissions'][number];


export default function UsersPage() {
  const can = useCan();
  const me = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => ok(api.GET('/admin/roles')) });
  const manage = can('users:manage');
  const [adding, setAdding] = useState(false);
  const [roleDialog, setRoleDialog] = useState<Role | 'new' | null>(null);
  const changeRole = useFormMutation({
    mutationFn: ({ id, role }: { id: string; role: string }) => ok(api.POST('/admin/users/{id}', { params: { path: { id } }, body: { role } })),
    onSuccess: async (user) => { await queryClient.invalidateQueries({ queryKey: ['users'] }); toast(`${user.email} is now ${roleName(user.role)}`); },
  });
  const remove = useFormMutation({
    mutationFn: (id: string) => ok(api.DELETE('/admin/users/{id}', { params: { path: { id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['users'] }); toast('User removed'); },
  });
  const removeRole = useFormMutation({
    mutationFn: (key: string) => ok(api.DELETE('/admin/roles/{key}', { params: { path: { key } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['roles'] }); toast('Role deleted'); },
  });
  // The owner holds every permission, so the roles' union is the whole list, in the API's order.
  const allPermissions = [...new Set(roles.data?.data.flatMap((r) => r.permissions))] as Permission[];
  const roleName = (key: string) => roles.data?.data.find((r) => r.key === key)?.name ?? key;
  return (
    <ListPage title="Users & roles" queryKey={['users']} load={() => ok(api.GET('/admin/users'))} rowKey={(u) => u.id} empty="No staff users."
      actions={manage && <button type="button" className="button button-primary" onClick={() => setAdding(true)}>Add user</button>}
      columns={[
        { header: 'Email', cell: (u) => u.email }, { header: 'Name', cell: (u) => u.name ?? '—', secondary: true },
        { header: 'Role', cell: (u) => manage && u.id !== me.actor.id
          ? (
            <select className="input w-auto" aria-label={`Role of ${u.email}`} value={u.role} disabled={changeRole.isPending}
              onChange={(e) => changeRole.mutate({ id: u.id, role: e.target.value })}>
              {roles.data?.data.map((r) => <option key={r.key} value={r.key}>{r.name}</option>)}
            </select>
          )
          : roleName(u.role) },
        { header: 'Last sign-in', cell: (u) => u.last_login_at ? formatDateTime(u.last_login_at) : 'Never', secondary: true },
        ...(manage ? [{ header: 'Actions', cell: (u: { id: string; email: string }) => u.id === me.actor.id ? <span className="text-sm text-[var(--muted)]">You</span> : (
          <button type="button" className="button button-danger" aria-label={`Remove ${u.email}`} disabled={remove.isPending}
            onClick={() => { if (window.confirm(`Remove ${u.email}? They are signed out at once and can no longer sign in; what they did stays in the audit log.`)) remove.mutate(u.id); }}>Remove</button>
        ) }] : []),
      ]}>
      <ErrorBanner error={changeRole.error ?? remove.error ?? removeRole.error} />
      <Card title="Roles" className="mb-4" action={manage && <button type="button" className="button" onClick={() => setRoleDialog('new')}>Create role</button>}>
        <ul className="flex flex-col gap-2">
          {roles.data?.data.map((r) => (
            <li key={r.key} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{r.name}</span>
              <span className="min-w-0 flex-1 text-sm break-words text-[var(--muted)]">{r.permissions.join(', ')}</span>
              {manage && !r.built_in && <>
                <button type="button" className="button" aria-label={`Edit role ${r.name}`} onClick={() => setRoleDialog(r)}>Edit</button>
                <button type="button" className="button button-danger" aria-label={`Delete role ${r.name}`} disabled={removeRole.isPending}
                  onClick={() => { if (window.confirm(`Delete the role ${r.name}? Only a role no one has can be deleted.`)) removeRole.mutate(r.key); }}>Delete</button>
              </>}
            </li>
          ))}
        </ul>
      </Card>
      {adding && <AddUserDialog roles={roles.data?.data ?? []} onClose={() => setAdding(false)} />}
      {roleDialog && <RoleDialog role={roleDialog === 'new' ? undefined : roleDialog} all={allPermissions} onClose={() => setRoleDialog(null)} />}
    </ListPage>
  );
}

function AddUserDialog({ roles, onClose }: { roles: Role[]; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState(roles.find((r) => r.key !== 'owner')?.key ?? '');
  const [password, setPassword] = useState('');
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/users', { body: { email: email.trim(), name: name.trim() || undefined, role, password } })),
    onSuccess: async (user) => { await queryClient.invalidateQueries({ queryKey: ['users'] }); toast(`${user.email} added`); onClose(); },
  });
  return (
    <Dialog open onOpenChange={(open) => { if (!open) onClose(); }} title="Add user" description="They sign in with this email and password; ask them to change it.">
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
        <ErrorBanner error={create.bannerError} />
        <TextField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={create.fieldErrors.email} data-field="email" />
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={create.fieldErrors.name} data-field="name" />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value)} error={create.fieldErrors.role}>
          {roles.map((r) => <option key={r.key} value={r.key}>{r.name}</option>)}
        </SelectField>
        <TextField label="Password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={create.fieldErrors.password} data-field="password" />
        <div className="flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
          <button type="submit" className="button button-primary" disabled={create.isPending}>Add user</button>
        </div>
      </form>
    </Dialog>
  );
}

function RoleDialog({ role, all, onClose }: { role?: Role; all: Permission[]; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(role?.key ?? '');
  const [name, setName] = useState(role?.name ?? '');
  const [permissions, setPermissions] = useState<Permission[]>((role?.permissions ?? []) as Permission[]);
  const save = useFormMutation({
    mutationFn: () => role
      ? ok(api.POST('/admin/roles/{key}', { params: { path: { key: role.key } }, body: { name: name.trim(), permissions } }))
      : ok(api.POST('/admin/roles', { body: { key: key.trim(), name: name.trim(), permissions } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['roles'] }); toast(role ? 'Role saved' : 'Role created'); onClose(); },
  });
  return (
    <Dialog open onOpenChange={(open) => { if (!open) onClose(); }} title={role ? `Edit role ${role.name}` : 'Create role'}>
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError} />
        {!role && <TextField label="Key" required hint="Lower-case letters, digits and _, starting with a letter (packer)." value={key} onChange={(e) => setKey(e.target.value)} error={save.fieldErrors.key} data-field="key" />}
        <TextField label="Role name" required value={name} onChange={(e) => setName(e.target.value)} error={save.fieldErrors.name} data-field="name" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Permissions</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {all.map((p) => (
              <label key={p} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={permissions.includes(p)} onChange={(e) => setPermissions(e.target.checked ? [...permissions, p] : permissions.filter((x) => x !== p))} /> {p}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
          <button type="submit" className="button button-primary" disabled={save.isPending}>{role ? 'Save role' : 'Create role'}</button>
        </div>
      </form>
    </Dialog>
  );
}
