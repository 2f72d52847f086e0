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
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-field="${CSS.escape(error.field!)}"]`)?.focus());
      }
      options.onError?.(error, vars, context, mutationContext);
    },
  });
  const bannerError = mutation.error && !(mutation.error instanceof ApiError && mutation.error.field && fieldErrors[mutation.error.field]) ? mutation.error : null;
  return { ...mutation, fieldErrors, bannerError };
}
