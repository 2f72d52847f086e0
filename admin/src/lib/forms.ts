import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api.ts';

/**
 * A form's submission: pending blocks double submits; a 400 naming a field puts its message beside
 * that field (and focuses it), anything else in the form's banner.
 */
export function useFormMutation<TData, TVars>(options: UseMutationOptions<TData, Error, TVars>) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const mutation = useMutation<TData, Error, TVars>({
    ...options,
    onMutate: (vars) => {
      setFieldErrors({});
      return options.onMutate?.(vars, undefined as never);
    },
    onError: (error, vars, context, mutationContext) => {
      if (error instanceof ApiError && error.field) {
        setFieldErrors({ [error.field]: error.message });
        // A field inside a list (`synonyms.2`) focuses its own input if it has one, else the list's.
        const paths = error.field.split('.').map((_, i, parts) => parts.slice(0, parts.length - i).join('.'));
        requestAnimationFrame(() => paths.map((path) => document.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`)).find(Boolean)?.focus());
      }
      options.onError?.(error, vars, context, mutationContext);
    },
  });
  const bannerError = mutation.error && !(mutation.error instanceof ApiError && mutation.error.field && fieldErrors[mutation.error.field]) ? mutation.error : null;
  return { ...mutation, fieldErrors, bannerError };
}

/** The error of a field or of any field inside it (`synonyms` for `synonyms.2`): one input edits the whole list. */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];
}
