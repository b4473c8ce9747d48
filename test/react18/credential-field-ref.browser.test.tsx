import { cleanup, render } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialField } from '../../src/widget/credential-field.js';

afterEach(() => cleanup());

// React 18 strips `ref` from a function component's props (React 19 passes it): the field must forward it, or
// react-hook-form never reaches the inputs and the form submits empty values.
describe('React 18: the credential field', () => {
  it('CredentialField hands its ref to the <input> (react-hook-form registers the field through it)', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ref = createRef<HTMLInputElement>();
    try {
      render(<CredentialField id="key" label="API Key" hint="From Harness" error={undefined} ref={ref} />);
      // React 18: "Warning: Function components cannot be given refs", and ref.current stays null.
      expect(ref.current).toBeInstanceOf(HTMLInputElement);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
