import * as z from 'zod';
import { en, zhCN } from 'zod/locales';
import { isIsoDate, type IsoDate } from '../dates/isoDate.js';
import { CaseValidationError, formatPath, type InputIssue } from '../errors/CaseValidationError.js';
import { superiorCycles } from '../directory/directory.js';
import { Organ as OrganSchema, type Organ } from './organ.js';
import { CaseInput, type Case } from './schema.js';
import { quickParser } from './fastParse.js';
import { lowerHandlingChecks } from './lowerHandling.js';
import type { Bilingual } from '../text/bilingual.js';

export type Lang = 'en' | 'zh';

export type { Bilingual } from '../text/bilingual.js';

export interface ValidateCaseOptions {
  /** The evaluation date; events after it are an error (the future is not a fact yet). */
  readonly asOf: IsoDate;
  /** The caller's organ directory (already validated): organs by id, or the list as given to `createEvaluator`. */
  readonly directory: ReadonlyMap<string, Organ> | readonly Organ[];
  readonly lang?: Lang;
  /** Whether a procedural pack is in force on the receipt date: a problem with it, or undefined. */
  readonly receivedOnCheck?: (receivedOn: IsoDate) => Bilingual | undefined;
  /**
   * The last date the evaluator's calendar can count to (the end of its data or projection). A date
   * later than this in any event field (a hearing's `until`, an assigner's `dueOn`) is refused with its
   * field named, so no computation is asked to walk towards a date it can never reach.
   */
  readonly lastDate?: IsoDate;
  /** Further checks that need the law's parameters (e.g. an extension longer than the law allows). */
  readonly extraChecks?: (validCase: Case, directory: ReadonlyMap<string, Organ>) => Array<{ path: string; message: Bilingual }>;
}

export interface ValidatedCase {
  readonly case: Case;
  /** The evaluator's directory merged with the case's own `organs`. */
  readonly directory: ReadonlyMap<string, Organ>;
}

/** Documented size limits of one case (docs/case-input.md, "Limits"): far above any real matter, they keep a hostile input from costing minutes. */
export const MAX_EVENTS = 1000;
export const MAX_OWN_ORGANS = 1000;

/** The two languages of validation messages; imported by name so that a bundle carries only these of zod's locales. */
const locales = { en: en().localeError, zh: zhCN().localeError };

/**
 * The case schema's quick check (see `fastParse.ts`): zod's answer for a valid case, built once from
 * the schema; anything it is not sure of, every invalid case among it, goes to zod for its issues.
 */
const quickCase = quickParser(CaseInput);

const UNKNOWN_FIELD: Bilingual = { en: 'is not a field of a case here: check its spelling', zh: '不是此处案件可用的字段：请检查拼写' };

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
  if (typeof input === 'object' && input !== null) {
    const sized = input as { events?: unknown; organs?: unknown };
    const before = issues.length;
    for (const [field, limit] of [['events', MAX_EVENTS], ['organs', MAX_OWN_ORGANS]] as const) {
      const value = sized[field];
      if (Array.isArray(value) && value.length > limit) {
        add(field, { en: `holds ${value.length} entries; a case may hold at most ${limit}`, zh: `共 ${value.length} 项，一个案件最多 ${limit} 项` });
      }
    }
    if (issues.length > before) throw new CaseValidationError(issues, typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : undefined);
  }
  const quick = quickCase?.(input);
  const parsed = quick ? { success: true as const, data: quick.value } : CaseInput.safeParse(input, { error: locales[lang] });
  const caseId = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // zod reports unknown keys on the object that holds them; each is named by its own path instead,
      // so every problem of an object input points at a field.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) add(formatPath([...issue.path, key]), UNKNOWN_FIELD);
        continue;
      }
      const zh = issue.code === 'custom' ? (issue.params as { zh?: string } | undefined)?.zh : undefined;
      issues.push({ path: formatPath(issue.path), message: lang === 'zh' && zh ? zh : issue.message });
    }
  }
  // The context checks also run on input the schema rejected, reading only the fields that are
  // well-formed, so one error lists every problem (a bad channel and an unknown organ together).
  const view: CaseView = parsed.success ? parsed.data : typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as CaseView) : {};
  const directory = contextChecks(view, options, add);
  if (!parsed.success) throw new CaseValidationError(issues, caseId);
  const c = parsed.data;

  if (issues.length === 0 && options.extraChecks) {
    for (const extra of options.extraChecks(c, directory)) add(extra.path, extra.message);
  }
  if (issues.length > 0) throw new CaseValidationError(issues, c.id);
  return { case: c, directory };
}

/** The case fields the context checks read: a parsed case fits, and so does raw input, guarded field by field. */
interface CaseView {
  readonly receivedOn?: unknown;
  readonly channel?: unknown;
  readonly class?: unknown;
  readonly legalRoute?: unknown;
  readonly petitioners?: unknown;
  readonly representatives?: unknown;
  readonly receivingOrgan?: unknown;
  readonly handlingOrgan?: unknown;
  readonly involvedOrgans?: unknown;
  readonly misconduct?: unknown;
  readonly accused?: unknown;
  readonly reorganisation?: unknown;
  readonly conflictsOfInterest?: unknown;
  readonly atDesignatedSite?: unknown;
  readonly events?: unknown;
  readonly organs?: unknown;
  readonly lowerHandling?: unknown;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that need context: organ ids against the directory (merged with the case's own organs),
 * dates against the receipt date, `asOf` and the packs in force, and fields that only make sense
 * together. Fields of the wrong shape are skipped (the schema reports them). Returns the merged directory.
 */
function contextChecks(c: CaseView, options: ValidateCaseOptions, add: (path: string, message: Bilingual) => void): Map<string, Organ> {
  const given: ReadonlyMap<string, Organ> = Array.isArray(options.directory)
    ? new Map((options.directory as readonly Organ[]).map((o) => [o.id, o]))
    : (options.directory as ReadonlyMap<string, Organ>);
  const ownOrgans = Array.isArray(c.organs) ? c.organs.map((o) => OrganSchema.safeParse(o)).map((p) => (p.success ? p.data : undefined)) : [];
  // The caller's directory is shared by every case; it is copied only for a case that adds organs.
  const directory = ownOrgans.length > 0 ? new Map(given) : (given as Map<string, Organ>);
  ownOrgans.forEach((organ, i) => {
    if (!organ) return;
    const known = directory.get(organ.id);
    if (known && given.has(organ.id) && JSON.stringify(known) !== JSON.stringify(organ)) {
      add(`organs[${i}]`, {
        en: `organ "${organ.id}" differs from the directory's entry of the same id`,
        zh: `机关“${organ.id}”与机关目录中同一 id 的条目不一致`,
      });
    }
    directory.set(organ.id, organ);
  });
  ownOrgans.forEach((organ, i) => {
    if (organ?.superior !== undefined && !directory.has(organ.superior)) add(`organs[${i}].superior`, unknownOrgan(organ.superior));
  });
  // A case's own organs may not make superiors loop (an organ its own superior, or a ring through the directory).
  const ownIds = ownOrgans.flatMap((o) => (o ? [o.id] : []));
  for (const cycle of ownIds.length > 0 ? superiorCycles(directory, ownIds) : []) {
    const ring = [...cycle, cycle[0]].join(' → ');
    add(`organs[${ownOrgans.findIndex((o) => o?.id === cycle[0])}].superior`, { en: `superiors form a cycle: ${ring}`, zh: `上级机关形成循环：${ring}` });
  }

  const requireOrgan = (path: string, id: unknown) => {
    if (isString(id) && id.length > 0 && !directory.has(id)) add(path, unknownOrgan(id));
  };
  requireOrgan('receivingOrgan', c.receivingOrgan);
  requireOrgan('handlingOrgan', c.handlingOrgan);
  if (Array.isArray(c.involvedOrgans)) c.involvedOrgans.forEach((id, i) => requireOrgan(`involvedOrgans[${i}]`, id));
  if (Array.isArray(c.misconduct)) c.misconduct.forEach((m: unknown, i) => isRecord(m) && requireOrgan(`misconduct[${i}].by`, m.by));
  if (isRecord(c.accused)) requireOrgan('accused.organ', c.accused.organ);
  if (Array.isArray(c.conflictsOfInterest)) c.conflictsOfInterest.forEach((x: unknown, i) => isRecord(x) && requireOrgan(`conflictsOfInterest[${i}].organ`, x.organ));
  if (isRecord(c.reorganisation)) {
    requireOrgan('reorganisation.former', c.reorganisation.former);
    if (isString(c.reorganisation.former) && c.reorganisation.former === c.handlingOrgan) {
      add('handlingOrgan', {
        en: `names the organ that was split, merged or abolished (${c.reorganisation.former}): name the organ that continues to exercise its powers`,
        zh: `所列机关（${c.reorganisation.former}）已分立、合并或撤销：应填写继续行使其职权的机关`,
      });
    }
  }
  lowerHandlingChecks(c.lowerHandling, c.receivingOrgan, directory, options.asOf, add, unknownOrgan);

  const receivedOn = isString(c.receivedOn) && isIsoDate(c.receivedOn) ? c.receivedOn : undefined;
  if (receivedOn !== undefined && isIsoDate(options.asOf) && receivedOn > options.asOf) {
    add('receivedOn', {
      en: `${receivedOn} is after asOf (${options.asOf}): a matter not yet received cannot be assessed`,
      zh: `收到日期 ${receivedOn} 晚于评估日（${options.asOf}）`,
    });
  }
  if (receivedOn !== undefined && options.receivedOnCheck) {
    const problem = options.receivedOnCheck(receivedOn);
    if (problem) add('receivedOn', problem);
  }

  if (c.class === 'appeal' && c.legalRoute === undefined) {
    add('legalRoute', {
      en: 'is required for an appeal/request: name the legal procedure it belongs in ("petition" when none applies)',
      zh: '申诉求决类事项必须说明其法定途径（无其他法定途径时为 "petition"）',
    });
  }
  if (isString(c.class) && c.class !== 'appeal' && c.legalRoute !== undefined) {
    add('legalRoute', { en: `applies only to an appeal/request, not to a ${c.class}`, zh: '仅适用于申诉求决类事项' });
  }
  const petitioners = typeof c.petitioners === 'number' ? c.petitioners : c.petitioners === undefined ? 1 : undefined;
  if (typeof c.representatives === 'number' && petitioners !== undefined && c.representatives > petitioners) {
    add('representatives', {
      en: `cannot exceed the number of petitioners (${petitioners})`,
      zh: `不能多于信访人人数（${petitioners}）`,
    });
  }
  if (c.atDesignatedSite !== undefined && isString(c.channel) && c.channel !== 'visit') {
    add('atDesignatedSite', { en: 'applies only to a visit', zh: '仅适用于走访' });
  }

  if (Array.isArray(c.events)) {
    c.events.forEach((event: unknown, i) => {
      if (!isRecord(event)) return;
      const path = `events[${i}]`;
      const type = isString(event.type) ? event.type : 'event';
      const on = isString(event.on) && isIsoDate(event.on) ? event.on : undefined;
      if (on !== undefined && receivedOn !== undefined && on < receivedOn) {
        add(`${path}.on`, {
          en: `${type} on ${on} is before the matter was received (${receivedOn})`,
          zh: `${type} 的日期 ${on} 早于收到信访事项的日期（${receivedOn}）`,
        });
      }
      if (on !== undefined && isIsoDate(options.asOf) && on > options.asOf) {
        add(`${path}.on`, {
          en: `${type} on ${on} is after asOf (${options.asOf}): an assessment cannot rest on future events`,
          zh: `${type} 的日期 ${on} 晚于评估日（${options.asOf}）`,
        });
      }
      for (const [field, value] of Object.entries(event)) {
        if (options.lastDate !== undefined && isString(value) && isIsoDate(value) && value > options.lastDate) {
          add(`${path}.${field}`, {
            en: `${value} is after ${options.lastDate}, the last date the calendar can count to`,
            zh: `日期 ${value} 晚于日历可计算的最后一日（${options.lastDate}）`,
          });
        }
      }
      if (type === 'assigned' && on !== undefined && isString(event.dueOn) && isIsoDate(event.dueOn) && event.dueOn < on) {
        add(`${path}.dueOn`, { en: `is before the assignment itself (${on})`, zh: `交办期限早于交办日期（${on}）` });
      }
      if (type === 'hearing' && on !== undefined && isString(event.until) && isIsoDate(event.until) && event.until < on) {
        add(`${path}.until`, { en: `ends (${event.until}) before it starts (${on})`, zh: '听证结束日早于开始日' });
      }
      requireOrgan(`${path}.by`, event.by);
      if (Array.isArray(event.to)) event.to.forEach((id, j) => requireOrgan(`${path}.to[${j}]`, id));
      else requireOrgan(`${path}.to`, event.to);
    });
  }
  return directory;
}

function unknownOrgan(id: string): Bilingual {
  return { en: `unknown organ "${id}": it is not in the organ directory`, zh: `未知机关“${id}”：机关目录中没有该机关` };
}
