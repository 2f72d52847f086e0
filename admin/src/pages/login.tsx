import { useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearch } from '@tanstack/react-router';
import { Boxes } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { api, ok, setCsrfToken } from '../api.ts';
import { useFormMutation } from '../lib/forms.ts';
import { sessionQuery } from '../lib/session.tsx';
import { ErrorBanner } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';

export default function LoginPage() {
  const { redirect } = useSearch({ from: '/login' });
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Sign in · Cartwright';
    h1.current?.focus();
  }, []);
  const signIn = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/auth/login', { body: { email, password } })),
    onSuccess: async (session) => {
      setCsrfToken(session.csrf_token);
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      router.history.push(`/app${redirect ?? '/'}`);
    },
  });
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <form
        className="card flex w-full max-w-sm flex-col gap-4 p-6"
        onSubmit={(e) => { e.preventDefault(); signIn.mutate(undefined); }}
        aria-labelledby="sign-in-title"
      >
        <div className="flex items-center gap-2 text-[var(--accent)]"><Boxes aria-hidden size={24} /><span className="font-semibold text-[var(--text)]">Cartwright</span></div>
        <h1 id="sign-in-title" ref={h1} tabIndex={-1} className="text-[20px] leading-7 font-semibold outline-none">Sign in</h1>
        {redirect && redirect !== '/' && <p className="text-sm text-[var(--muted)]">Sign in to continue where you were.</p>}
        <ErrorBanner error={signIn.bannerError} />
        <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={signIn.fieldErrors.email} data-field="email" />
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={signIn.fieldErrors.password} data-field="password" />
        <button type="submit" className="button button-primary justify-center" disabled={signIn.isPending}>{signIn.isPending ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
