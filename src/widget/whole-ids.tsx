/**
 * Account identifiers inside a sentence, kept whole. Ids may hold `-`, where a browser breaks a line, so at
 * 320 px "…account Wd-3kQ_x-|R7pLm…" would be cut in two (#15: ids never wrap mid-word; they move to the
 * next line as a unit). Each occurrence of a known id becomes a `nowrap` span, left to right and isolated
 * (an id inside an Arabic sentence keeps its own order). The text itself is unchanged: a copied id is the id.
 */
import type { ReactNode } from 'react';

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface WholeIdsProps {
  /** The sentence, already filled. */
  text: string;
  /** The ids that may appear in it; empty and missing ones are ignored. */
  ids: readonly (string | null | undefined)[];
}

export function WholeIds({ text, ids }: WholeIdsProps): ReactNode {
  const known = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (known.length === 0) return text;
  // Longest first, so an id that contains another is kept whole as the longer one.
  known.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${known.map(escapeForPattern).join('|')})`);
  // `split` with a capturing group puts the ids at the odd indexes.
  return text.split(pattern).map((piece, index) =>
    index % 2 === 0 ? (
      piece
    ) : (
      <span key={index} className="id" dir="ltr">
        {piece}
      </span>
    ),
  );
}
