/**
 * What the widget reads from objects a host hands in (the stored connection of a reconnect, a theme), against
 * a polluted Object.prototype: only the host's own fields count. The prototype is restored in `finally`.
 */
import { describe, expect, it } from 'vitest';
import { existingConnectionOf } from '../../src/widget/props.js';
import { themeStyle } from '../../src/widget/theme.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS } from '../../src/testing/index.js';

const proto = Object.prototype as Record<string, unknown>;

describe('a polluted Object.prototype', () => {
  it('does not give a stored connection a principal the host never stored', () => {
    let existing: ReturnType<typeof existingConnectionOf> | undefined;
    try {
      proto.principal = { identifier: 'someone-else', kind: 'user' };
      existing = existingConnectionOf({ accountId: ACCOUNTS.primary.id });
    } finally {
      delete proto.principal;
    }
    expect(existing).toEqual({ accountId: ACCOUNTS.primary.id });
  });

  it('does not give the theme an accent the host never chose', () => {
    let style: Record<string, string> | undefined;
    try {
      proto.accent = '#ff0000';
      style = themeStyle({});
    } finally {
      delete proto.accent;
    }
    expect(style).toEqual({});
  });
});
