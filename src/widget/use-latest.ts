import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** `useLayoutEffect` in browsers, `useEffect` on a server (where neither runs, and React 18 warns about the first). */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * The latest value, for callbacks that must not go stale (hosts pass inline arrows on every render;
 * Plaid's stale callbacks were a long-running issue).
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
