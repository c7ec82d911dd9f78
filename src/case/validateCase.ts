import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../dates/isoDate.js';
import { CaseValidationError, formatPath, type InputIssue } from '../errors/CaseValidationError.js';
import type { Organ } from './organ.js';
import { CaseInput, type Case } from './schema.js';

export type Lang = 'en' | 'zh';

/** A message in both languages; the caller's `lang` picks one. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export interface ValidateCaseOptions {
  /** The evaluation date; events after it are an error (the future is not a fact yet). */
  readonly asOf: IsoDate;
  /** The caller's organ directory (already validated), by id. */
  readonly directory: ReadonlyMap<string, Organ>;
  readonly lang?: Lang;
  /** Further checks that need the law's parameters (e.g. an extension longer than the law allows). */
  readonly extraChecks?: (validCase: Case, directory: ReadonlyMap<string, Organ>) => Array<{ path: string; message: Bilingual }>;
}

export interface ValidatedCase {
  readonly case: Case;
  /** The evaluator's directory merged with the case's own `organs`. */
  readonly directory: ReadonlyMap<string, Organ>;
}

const locales = { en: z.locales.en().localeError, zh: z.locales.zhCN().localeError };

/**
 * Validates a case at the boundary: the schema first, then everything that needs context (organ ids
 * that must be in the directory, dates against `asOf`, fields that only make sense together). Every
 * problem is collected before throwing one {@link CaseValidationError}; nothing partial is returned.
 */
export function validateCase(input: unknown, options: ValidateCaseOptions): ValidatedCase {
  const lang = options.lang ?? 'en';
  const issues: InputIssue[] = [];
  const add = (path: string, message: Bilingual) => issues.push({ path, message: message[lang] });

  if (!isIsoDate(options.asOf)) {
    add('asOf', { en: 'must be a real calendar date written YYYY-MM-DD', zh: '必须是真实的日历日期，格式为 YYYY-MM-DD' });
  }
  const parsed = CaseInput.safeParse(input, { error: locales[lang] });
  const caseId = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const zh = issue.code === 'custom' ? (issue.params as { zh?: string } | undefined)?.zh : undefined;
      issues.push({ path: formatPath(issue.path), message: lang === 'zh' && zh ? zh : issue.message });
    }
    throw new CaseValidationError(issues, caseId);
  }
  const c = parsed.data;

  const directory = new Map(options.directory);
  c.organs?.forEach((organ, i) => {
    const known = directory.get(organ.id);
    if (known && options.directory.has(organ.id) && JSON.stringify(known) !== JSON.stringify(organ)) {
      add(`organs[${i}]`, {
        en: `organ "${organ.id}" differs from the directory's entry of the same id`,
        zh: `机关“${organ.id}”与机关目录中同一 id 的条目不一致`,
      });
    }
    directory.set(organ.id, organ);
  });
  c.organs?.forEach((organ, i) => {
    if (organ.superior !== undefined && !directory.has(organ.superior)) {
      add(`organs[${i}].superior`, unknownOrgan(organ.superior));
    }
  });

  const requireOrgan = (path: string, id: string | undefined) => {
    if (id !== undefined && !directory.has(id)) add(path, unknownOrgan(id));
  };
  requireOrgan('receivingOrgan', c.receivingOrgan);
  requireOrgan('handlingOrgan', c.handlingOrgan);
  c.involvedOrgans.forEach((id, i) => requireOrgan(`involvedOrgans[${i}]`, id));

  if (c.class === 'appeal' && c.legalRoute === undefined) {
    add('legalRoute', {
      en: 'is required for an appeal/request: name the legal procedure it belongs in ("petition" when none applies)',
      zh: '申诉求决类事项必须说明其法定途径（无其他法定途径时为 "petition"）',
    });
  }
  if (c.class !== 'appeal' && c.legalRoute !== undefined) {
    add('legalRoute', { en: `applies only to an appeal/request, not to a ${c.class}`, zh: '仅适用于申诉求决类事项' });
  }
  if (c.representatives !== undefined && c.representatives > c.petitioners) {
    add('representatives', {
      en: `cannot exceed the number of petitioners (${c.petitioners})`,
      zh: `不能多于信访人人数（${c.petitioners}）`,
    });
  }
  if (c.atDesignatedSite !== undefined && c.channel !== 'visit') {
    add('atDesignatedSite', { en: 'applies only to a visit', zh: '仅适用于走访' });
  }

  c.events.forEach((event, i) => {
    const path = `events[${i}]`;
    if (event.on < c.receivedOn) {
      add(`${path}.on`, {
        en: `${event.type} on ${event.on} is before the matter was received (${c.receivedOn})`,
        zh: `${event.type} 的日期 ${event.on} 早于收到信访事项的日期（${c.receivedOn}）`,
      });
    }
    if (isIsoDate(options.asOf) && event.on > options.asOf) {
      add(`${path}.on`, {
        en: `${event.type} on ${event.on} is after asOf (${options.asOf}): an assessment cannot rest on future events`,
        zh: `${event.type} 的日期 ${event.on} 晚于评估日（${options.asOf}）`,
      });
    }
    if (event.type === 'hearing' && event.until < event.on) {
      add(`${path}.until`, { en: `ends (${event.until}) before it starts (${event.on})`, zh: '听证结束日早于开始日' });
    }
    requireOrgan(`${path}.by`, event.by);
    if ('to' in event) {
      if (Array.isArray(event.to)) event.to.forEach((id, j) => requireOrgan(`${path}.to[${j}]`, id));
      else requireOrgan(`${path}.to`, event.to);
    }
  });

  if (issues.length === 0 && options.extraChecks) {
    for (const extra of options.extraChecks(c, directory)) add(extra.path, extra.message);
  }
  if (issues.length > 0) throw new CaseValidationError(issues, c.id);
  return { case: c, directory };
}

function unknownOrgan(id: string): Bilingual {
  return { en: `unknown organ "${id}": it is not in the organ directory`, zh: `未知机关“${id}”：机关目录中没有该机关` };
}
