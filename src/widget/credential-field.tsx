/**
 * One labelled credential input with its hint and its error: the error is linked with `aria-describedby`,
 * flagged with `aria-invalid` and announced (`role="alert"`). Built for secrets: no autocomplete, no
 * spellcheck or autocorrect, and password managers told to keep out.
 */
import type { ComponentPropsWithRef, ReactNode } from 'react';

export interface CredentialFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint: ReactNode;
  error: string | undefined;
  /** Rendered beside the input (the show/hide toggle). */
  addon?: ReactNode;
}

export function CredentialField({ id, label, hint, error, addon, ...input }: CredentialFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const field = (
    <input
      id={id}
      part="input"
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      data-1p-ignore=""
      data-lpignore="true"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      {...input}
    />
  );
  return (
    <div className="field" part="field" data-state={error ? 'invalid' : 'valid'}>
      <label htmlFor={id}>{label}</label>
      {addon ? (
        <div className="control">
          {field}
          {addon}
        </div>
      ) : (
        field
      )}
      <p className="hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p className="error" part="error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
