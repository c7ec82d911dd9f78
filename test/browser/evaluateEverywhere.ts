import type * as Core from '../../src/index.js';

/** What each run is given: the case, the organ directory and the date statuses are judged at. */
export interface Job {
  readonly input: unknown;
  readonly directory: Core.Organ[];
  readonly asOf: string;
}

/**
 * The work the Chromium test has done in Node, in a page and in a Web Worker, written once so that the
 * three run the same code (the browser gets this file transpiled by esbuild; it imports only types).
 * Given the core's exports, it evaluates the example case with both evaluators (the compiled one also
 * synchronously), in the national and the Zhejiang setting, renders each report in English (with the
 * trace) and Chinese, and records how an invalid case is refused in Chinese. Every answer is a
 * string, so the test compares bytes.
 */
export async function evaluateEverywhere(core: typeof Core, { input, directory, asOf }: Job): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const jurisdiction of [undefined, 'zhejiang']) {
    for (const kind of core.EVALUATOR_KINDS) {
      const evaluator = core.createEvaluator({ directory, evaluator: kind, ...(jurisdiction ? { jurisdiction } : {}) });
      const key = `${jurisdiction ?? 'national'}/${kind}`;
      const assessment = await evaluator.evaluate(input, { asOf });
      out[key] = JSON.stringify(assessment);
      out[`${key}/stringify`] = evaluator.stringify(assessment);
      if (kind === 'compiled') out[`${key}/sync`] = JSON.stringify(evaluator.evaluateSync(input, { asOf }));
      out[`${key}/explain-en`] = core.explain(assessment, { trace: true });
      out[`${key}/explain-zh`] = core.explain(assessment, { lang: 'zh' });
    }
  }
  try {
    await core.createEvaluator({ directory }).evaluate({ ...(input as object), receivedOn: '2023-02-30', petitioners: -1 }, { asOf, lang: 'zh' });
    out.invalid = 'accepted';
  } catch (error) {
    out.invalid = `${(error as Error).name}: ${(error as Error).message}`;
  }
  return out;
}
