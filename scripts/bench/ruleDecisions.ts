import type { Organ } from '../../src/index.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { CompiledRunner } from '../../src/engine/compiledRunner.js';
import { JsonRulesEngineRunner } from '../../src/engine/jsonRulesEngineRunner.js';
import { builtinOperators } from '../../src/engine/operators.js';
import type { StagedRule } from '../../src/engine/ruleset.js';
import { AS_OF } from './paths.js';

/** The rule decisions alone — which rules of each stage fire, with their traces — per case, in microseconds. */
export interface RuleDecisions {
  readonly cases: number;
  readonly jsonRulesEngineUs: number;
  readonly compiledUs: number;
}

/**
 * Times the two runners on exactly the work that differs between the evaluators: each stage's rules
 * run on that stage's facts, for every case of the corpus. The stages are captured once, by
 * evaluating the corpus with the compiled evaluator (from the sources) and recording what each
 * runner call was given; then each runner runs all of them, after a warm-up pass, and the mean per
 * case is kept (json-rules-engine once over them, the compiled runner for at least `minSeconds`).
 */
export async function measureRuleDecisions(directory: readonly Organ[], cases: readonly unknown[], minSeconds: number): Promise<RuleDecisions> {
  const stages: Array<Array<{ rules: readonly StagedRule[]; facts: Readonly<Record<string, unknown>> }>> = [];
  const run = CompiledRunner.prototype.run;
  let current: (typeof stages)[number] | undefined;
  CompiledRunner.prototype.run = function (this: CompiledRunner, rules, facts) {
    current?.push({ rules, facts: { ...facts } });
    return run.call(this, rules, facts);
  };
  const evaluator = createEvaluator({ directory, evaluator: 'compiled' });
  try {
    for (const input of cases) {
      current = [];
      try {
        evaluator.evaluateSync(input, { asOf: AS_OF });
        stages.push(current);
      } catch {
        // a rejected case has no stages
      }
    }
  } finally {
    CompiledRunner.prototype.run = run;
    current = undefined;
  }
  const compiled = new CompiledRunner(evaluator.rules, builtinOperators);
  const reference = new JsonRulesEngineRunner(builtinOperators);
  const jre = async () => {
    const t = performance.now();
    for (const s of stages) for (const { rules, facts } of s) await reference.run(rules, facts);
    return performance.now() - t;
  };
  const fast = () => {
    const t = performance.now();
    for (const s of stages) for (const { rules, facts } of s) compiled.run(rules, facts);
    return performance.now() - t;
  };
  await jre();
  const jreMs = await jre();
  fast();
  let passes = 0;
  let fastMs = 0;
  while (passes === 0 || fastMs < minSeconds * 1000) {
    fastMs += fast();
    passes++;
  }
  return { cases: stages.length, jsonRulesEngineUs: (jreMs * 1000) / stages.length, compiledUs: (fastMs * 1000) / (stages.length * passes) };
}
