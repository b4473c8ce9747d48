/**
 * One labelled credential input with its hint and its error: the error is linked with `aria-describedby`,
 * flagged with `aria-invalid` and announced (`role="alert"`). Built for secrets: no autocomplete, no
 * spellcheck or autocorrect, and password managers told to keep out.
 */
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';

export interface CredentialFieldProps extends Omit<ComponentPropsWithoutRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint: ReactNode;
  error: string | undefined;
  /** Rendered beside the input (the show/hide toggle). */
  addon?: ReactNode;
}

/** `forwardRef`, not `ref` as a prop: React 18 drops a function component's `ref`, and react-hook-form needs it. */
export const CredentialField = forwardRef<HTMLInputElement, CredentialFieldProps>(function CredentialField(
  { id, label, hint, error, addon, ...input },
  ref,
) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const field = (
    <input
      id={id}
      spellCheck={false}
      aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      aria-invalid={error ? true : undefined}
      part="input"
      autoCorrect="off"
      autoComplete="off"
      autoCapitalize="off"
      data-lpignore="true"
      data-1p-ignore=""
      ref={ref}
      {...input}
    />
  );
  return (
    <div className="field" data-state={error ? 'invalid' : 'valid'} part="field">
      <label htmlFor={id} part="label">
        {label}
      </label>
      {addon ? (
        <div className="control">
          {field}
          {addon}
        </div>
      ) : (
        field
      )}
      <p className="hint" part="hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p className="error" part="error" role="alert" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
});
