/**
 * One labelled credential input with its hint and its error: the error is linked with `aria-describedby`,
 * flagged with `aria-invalid` and announced (`role="alert"`). Built for secrets: no autocomplete, no
 * spellcheck or autocorrect, and password managers told to keep out.
 */
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { WholeIds } from './whole-ids.js';

export interface CredentialFieldProps extends Omit<ComponentPropsWithoutRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint: ReactNode;
  error: string | undefined;
  /** Account identifiers the error may name: each is kept whole on one line. */
  errorIds?: readonly (string | null | undefined)[];
  /** An action offered with the error (e.g. moving a value to the field it belongs in). */
  errorAction?: ReactNode;
  /** Rendered beside the input (the show/hide toggle). */
  addon?: ReactNode;
}

/** `forwardRef`, not `ref` as a prop: React 18 drops a function component's `ref`, and react-hook-form needs it. */
export const CredentialField = forwardRef<HTMLInputElement, CredentialFieldProps>(function CredentialField(
  { id, label, hint, error, errorIds = [], errorAction, addon, ...input },
  ref,
) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // Keys and ids read left to right in a right-to-left dialog too (`dir` also isolates them from the text).
  const field = (
    <input
      id={id}
      part="input"
      aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      aria-invalid={error ? true : undefined}
      data-lpignore="true"
      data-1p-ignore=""
      dir="ltr"
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      {...input}
      ref={ref}
    />
  );
  return (
    <div className="field" part="field" data-state={error ? 'invalid' : 'valid'}>
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
      <p id={hintId} className="hint" part="hint">
        {hint}
      </p>
      {error ? (
        <p role="alert" id={errorId} className="error" part="error">
          <WholeIds text={error} ids={errorIds} />
        </p>
      ) : null}
      {error && errorAction ? errorAction : null}
    </div>
  );
});
