import { evaluatorFromPacks, type Evaluator, type EvaluatorOptions as CoreEvaluatorOptions } from '../evaluate/createEvaluator.js';
import { evaluatorPacks } from '../evaluate/evaluatorPacks.js';
import type { PackData } from '../rules/loadPack.js';
import { packsInFolder } from './folderPacks.js';

/** The options of the core's evaluator, with extra packs also given as folder paths (read from disk). */
export interface EvaluatorOptions extends Omit<CoreEvaluatorOptions, 'packs'> {
  /**
   * Extra packs: a folder path (a pack folder, or a folder of pack folders), or pack data. Their rules
   * join the built-in ones.
   */
  readonly packs?: ReadonlyArray<string | PackData>;
}

/**
 * The core's `createEvaluator` for Node: the same evaluator, with the packs given as folder paths read
 * from disk first (a path that is no folder, or a folder holding no pack, is a RulePackError naming it).
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  return evaluatorFromPacks(options, evaluatorPacks(options, packsInFolder));
}
