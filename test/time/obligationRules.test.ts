import { OBLIGATION_IDS as ALL_OBLIGATION_IDS } from '../../src/case/obligationIds.js';
import { describe, expect, it } from 'vitest';
import { parties } from '../../src/parties/parties.js';
import { loadBuiltinPacks } from '../../src/rules/builtinPacks.js';
import type { Outcome } from '../../src/rules/schema.js';
import { PeriodValue } from '../../src/time/period.js';

/**
 * The obligation rules as data: each names a known party (also in its event filters), a period
 * parameter that its own pack defines with a valid period value, and an obligation id of the public
 * vocabulary (DOMAIN §5). Jurisdiction packs may only override parameters that some procedural pack has.
 */
const OBLIGATION_IDS: readonly string[] = ALL_OBLIGATION_IDS;
const packs = loadBuiltinPacks();
type ObligationOutcome = Extract<Outcome, { kind: 'obligation' }>;
const obligations = packs.flatMap((p) =>
  p.rules.flatMap((r) => r.outcomes.filter((o): o is ObligationOutcome => o.kind === 'obligation').map((o) => ({ pack: p, rule: r.id, o }))),
);

describe('obligation rules', () => {
  it('exist for the time limits of both procedural packs', () => {
    const ids = (pack: string) => [...new Set(obligations.filter((x) => x.pack.manifest.id === pack).map((x) => x.o.id))].sort();
    // Obligations only a local pack has (a people's congress body's assignment, Shanghai art31) are not national.
    const localOnly = ['report-congress-assigned-result'];
    expect(ids('xf2005')).toEqual(OBLIGATION_IDS.filter((id) => ![...localOnly, 'object-to-transfer', 'reply-to-suggestion', 'draw-up-agreement', 'feedback-on-accountability-proposal'].includes(id)).sort());
    expect(ids('xfgz2022')).toEqual(OBLIGATION_IDS.filter((id) => !localOnly.includes(id)).sort());
  });

  it('use only vocabulary ids and known parties', () => {
    for (const { rule, o } of obligations) {
      expect(OBLIGATION_IDS, rule).toContain(o.id);
      const named = [o.organ, ...[...o.startsOn, ...o.metBy].flatMap((m) => [m.by, m.to]).filter((p): p is string => p !== undefined)];
      for (const p of named) expect(Object.keys(parties), `${rule} names party ${p}`).toContain(p);
    }
  });

  it('read a period parameter their own pack defines, with valid values', () => {
    for (const { pack, rule, o } of obligations) {
      for (const id of [o.period, ...(o.extension ? [o.extension.maximum] : [])]) {
        const parameter = pack.parameters[id];
        expect(parameter, `${rule}: parameter ${id} in ${pack.manifest.id}`).toBeDefined();
        for (const v of parameter!.values) expect(PeriodValue.safeParse(v.value).success, `${pack.manifest.id}.${id} from ${v.from}`).toBe(true);
      }
    }
  });

  it('local packs override parameters with values of the same kind, and name only procedural packs', () => {
    const procedural = packs.filter((p) => p.manifest.role === 'procedure');
    for (const local of packs.filter((p) => p.manifest.role === 'jurisdiction')) {
      for (const [id, parameter] of Object.entries(local.parameters)) {
        // `overrides` names the regimes a local number binds under; a regime without the parameter
        // (Beijing's 5 working days to object to a transfer, before the national rule of 2022) gets it from the local pack alone.
        for (const over of parameter.overrides ?? []) expect(procedural.some((p) => p.manifest.id === over), `${local.manifest.id}.${id} overrides ${over}`).toBe(true);
        // A parameter of its own (a local threshold such as Zhejiang's representatives) is the pack's business;
        // one that replaces a national one is of its kind: a period for a time limit, a count for a count.
        if (parameter.overrides) {
          const national = procedural.find((p) => parameter.overrides!.includes(p.manifest.id) && p.parameters[id] !== undefined)?.parameters[id]!.values[0]!.value;
          const isPeriod = national === undefined ? PeriodValue.safeParse(parameter.values[0]!.value).success : PeriodValue.safeParse(national).success;
          for (const v of parameter.values) {
            if (isPeriod) expect(PeriodValue.safeParse(v.value).success, `${local.manifest.id}.${id}`).toBe(true);
            else expect(Number.isInteger(v.value), `${local.manifest.id}.${id}`).toBe(true);
          }
        }
        else for (const p of procedural) expect(p.parameters[id], `${local.manifest.id}.${id} shadows ${p.manifest.id}.${id} without overriding it`).toBeUndefined();
      }
    }
  });
});
