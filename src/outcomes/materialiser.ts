import type { Grounds } from '../assessment/types.js';
import type { CaseContext } from '../evaluate/context.js';
import type { Outcome } from '../rules/schema.js';

/*
 * The shape every outcome kind implements. It sits below the kinds (which import it) and the registry
 * above them (which imports the kinds), so no kind imports back from the registry.
 */

/** The lists of an assessment that rules add to. */
export type OutcomeList = 'responsibilities' | 'obligations' | 'escalations' | 'actions' | 'findings' | 'guidance';

/** An item on its way into an assessment list; items with the same key are merged (grounds united). */
export interface Materialised {
  readonly key: string;
  readonly item: Grounds & Record<string, unknown>;
}

/**
 * Turns one rule outcome into assessment items for one case. Each outcome kind has one, defined beside
 * the law it serves (time limits, accountability, organs' roles) and registered in `registry.ts`.
 */
export interface Materialiser {
  readonly list: OutcomeList;
  /** The field of an item that holds its vocabulary id (`role` for responsibilities, else `id`). */
  readonly idField: 'id' | 'role';
  /**
   * `facts` are the facts the rule's stage saw, including the stage facts (`obligations`), for outcomes
   * that name an organ through an earlier outcome (a finding about an obligation's organ).
   */
  materialise(outcome: Outcome, ctx: CaseContext, grounds: Grounds, facts?: Readonly<Record<string, unknown>>): Materialised[];
}
