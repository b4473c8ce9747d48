/**
 * What the Accounts page's status line says after an action, and in which tone: a check that found a problem
 * is shown as one (with what to do), never in the green of a success.
 */
import type { HealthTone } from './health.ts';

export interface Notice {
  text: string;
  tone: HealthTone;
}

export type Announce = (text: string, tone: HealthTone) => void;
