import type { Assessment, AppliedPolicy } from '../assessment/types.js';
import { calendarDataOf } from '../calendar/calendarData.js';
import type { Calendar } from '../calendar/types.js';
import type { Pack } from '../rules/loadPack.js';
import { contentHash, HASH_METHOD } from './contentHash.js';
import { LIBRARY } from './libraryVersion.js';
import type { Receipt, ReceiptPack } from './schema.js';

/** What an evaluator knows for its receipts, fixed when it is built. */
export interface ReceiptSetting {
  /** Whether assessments carry a receipt when a call does not say. */
  readonly byDefault: boolean;
  readonly jurisdiction: string | undefined;
  /** The organ directory as the evaluator was given it. */
  readonly directory: readonly unknown[];
  /** Names of the caller's extra operators. */
  readonly operators: readonly string[];
}

const packHashes = new WeakMap<Pack, ReceiptPack>();
const calendarHashes = new WeakMap<Calendar, string | null>();
const directoryHashes = new WeakMap<readonly unknown[], string>();

/** A pack's hashes, made once per loaded pack: its rules without `pack` and `file` (where the file lay differs between machines). */
export function packReceipt(pack: Pack): ReceiptPack {
  let known = packHashes.get(pack);
  if (!known) {
    const rules = pack.rules.map(({ pack: _pack, file: _file, ...data }) => data);
    known = {
      id: pack.manifest.id,
      role: pack.manifest.role,
      hash: contentHash({ manifest: pack.manifest, parameters: pack.parameters, rules }),
      manifest: contentHash(pack.manifest),
      parameters: contentHash(pack.parameters),
      rules: contentHash(rules),
    };
    packHashes.set(pack, known);
  }
  return known;
}

/** The hash of the data a calendar was built from (notices and projection), once per calendar; null when unknown. */
function calendarHash(calendar: Calendar): string | null {
  let known = calendarHashes.get(calendar);
  if (known === undefined) {
    const data = calendarDataOf(calendar);
    known = data ? contentHash(data) : null;
    calendarHashes.set(calendar, known);
  }
  return known;
}

function directoryHash(directory: readonly unknown[]): string {
  let known = directoryHashes.get(directory);
  if (known === undefined) directoryHashes.set(directory, (known = contentHash(directory)));
  return known;
}

/**
 * The hash of an assessment's answer: everything but its trace (how it was reached), its policy list
 * (the policy values are recorded in the receipt itself, as what the answer was made with; whether
 * each was the default or given is no part of the answer) and its receipt.
 */
export function answerHash(assessment: Omit<Assessment, 'receipt'> & { receipt?: unknown }): string {
  return contentHash({ ...assessment, trace: undefined, policy: undefined, receipt: undefined });
}

/**
 * The receipt of one assessment (see {@link Receipt}): the constant parts (packs, calendar, directory)
 * are hashed once and remembered, so a receipt costs two hashes per case, of its input and its answer.
 */
export function buildReceipt(args: {
  readonly setting: ReceiptSetting;
  readonly packs: readonly Pack[];
  readonly policy: readonly AppliedPolicy[];
  readonly calendar: Calendar;
  readonly projected: ReadonlySet<number>;
  readonly asOf: string;
  readonly input: unknown;
  readonly assessment: Omit<Assessment, 'receipt'>;
}): Receipt {
  const { setting, calendar } = args;
  return {
    format: 'petition-rules-receipt/1',
    library: { name: LIBRARY.name, version: LIBRARY.version },
    method: { ...HASH_METHOD },
    asOf: args.asOf,
    jurisdiction: setting.jurisdiction ?? null,
    input: contentHash(args.input),
    directory: directoryHash(setting.directory),
    packs: args.packs.map(packReceipt),
    policy: Object.fromEntries(args.policy.map((p) => [p.id, p.value])),
    calendar: {
      id: calendar.id,
      hash: calendarHash(calendar),
      coverage: { from: calendar.coverage.from, to: calendar.coverage.to },
      projected: [...args.projected].sort((a, b) => a - b),
    },
    operators: [...setting.operators],
    answer: answerHash(args.assessment),
  };
}
