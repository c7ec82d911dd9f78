import type { Assessment, OrganRef } from '../assessment/types.js';

/**
 * Vitest matchers for assessments, so a policy team can state what the law requires the way it would
 * say it: "requires obligation `conclude` due on 2023-05-08, overdue", "finds `overdue-conclusion`
 * against qt-nr", "names qt-nr as the handling organ". Each failure message says what the assessment
 * held instead. An organ is named by its directory id, or by the role's name where the directory lacks
 * the organ (the assessment's `organ.id` is then null).
 */

/** What an obligation must look like; every field given must match. */
export interface ObligationExpectation {
  readonly dueOn?: string | null;
  readonly status?: string;
  readonly organ?: string;
  readonly metOn?: string;
}

export interface FindingExpectation {
  readonly organ?: string;
  /** Exactly these consequences (order ignored), e.g. `['order-correction']`. */
  readonly consequences?: readonly string[];
  /** Roles that must be among the accountable people. */
  readonly accountable?: readonly string[];
}

export interface EscalationExpectation {
  readonly organ?: string;
  /** Organs that must be among the recipients (for `report-up`). */
  readonly recipients?: readonly string[];
}

export interface OrganExpectation {
  readonly organ?: string;
}

/** The matchers as they appear on `expect(assessment)`, for declaration merging. */
export interface PetitionMatchers<R = unknown> {
  /** The assessment has obligation `id`, with the due date, status, organ and date met given. */
  toRequireObligation(id: string, expected?: ObligationExpectation): R;
  /** The assessment has finding `id`, against the organ and with the consequences given. */
  toFind(id: string, expected?: FindingExpectation): R;
  /** The assessment names `organ` (directory id, or role name) as `role`. */
  toName(role: string, organ: string): R;
  /** The assessment gives the petitioner guidance `id`. */
  toGuide(id: string, expected?: OrganExpectation): R;
  /** The assessment calls for escalation `id`. */
  toEscalate(id: string, expected?: EscalationExpectation): R;
  /** The assessment calls for follow-up action `id`. */
  toTakeAction(id: string, expected?: OrganExpectation): R;
  /** Some outcome of the assessment rests on `citation` (a citation id as in `basis`). */
  toCite(citation: string): R;
}

export interface MatcherContext {
  readonly isNot: boolean;
}
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

const organName = (o: OrganRef | undefined) => (o ? (o.id ?? o.name) : '(none)');
const organIs = (o: OrganRef | undefined, want: string) => o !== undefined && (o.id === want || (o.id === null && o.name === want));

function assertAssessment(received: unknown): Assessment {
  const a = received as Assessment | null;
  if (!a || typeof a !== 'object' || !Array.isArray(a.responsibilities) || !Array.isArray(a.obligations)) {
    throw new TypeError(`expected an assessment (the result of evaluate()), got ${JSON.stringify(received)?.slice(0, 80)}`);
  }
  return a;
}

/** Compares the fields an expectation gives; returns the ones that differ as `field: actual`. */
function differences(actual: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    if (want === undefined) continue;
    const got = actual[key];
    if (key === 'organ' || key === 'supervised') {
      if (!organIs(got as OrganRef | undefined, String(want))) out.push(`${key} ${organName(got as OrganRef | undefined)}`);
    } else if (key === 'recipients') {
      const organs = (got as OrganRef[] | undefined) ?? [];
      const missing = (want as string[]).filter((w) => !organs.some((o) => organIs(o, w)));
      if (missing.length > 0) out.push(`recipients ${organs.map(organName).join(', ') || '(none)'} (missing ${missing.join(', ')})`);
    } else if (key === 'consequences') {
      const a = [...((got as string[] | undefined) ?? [])].sort();
      const b = [...(want as string[])].sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`consequences ${a.join(', ') || '(none)'}`);
    } else if (key === 'accountable') {
      const roles = ((got as Array<{ role: string }> | undefined) ?? []).map((p) => p.role);
      const missing = (want as string[]).filter((r) => !roles.includes(r));
      if (missing.length > 0) out.push(`accountable ${roles.join(', ') || '(none)'} (missing ${missing.join(', ')})`);
    } else if (got !== want) out.push(`${key} ${JSON.stringify(got)}`);
  }
  return out;
}

const describeWant = (id: string, expected: object | undefined) => {
  const parts = Object.entries(expected ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : JSON.stringify(v)}`);
  return parts.length > 0 ? `${id} (${parts.join('; ')})` : id;
};

/**
 * Looks for an item of a list with the id and fields given. The message names the closest items (same
 * id) and what differs, or the ids the list does hold.
 */
function listMatcher(
  ctx: MatcherContext,
  received: unknown,
  list: 'obligations' | 'findings' | 'guidance' | 'escalations' | 'actions',
  verb: string,
  id: string,
  expected: object | undefined,
): MatcherResult {
  const a = assertAssessment(received);
  const items = a[list] as unknown as Array<Record<string, unknown>>;
  const sameId = items.filter((i) => i.id === id);
  const diffs = sameId.map((i) => differences(i, (expected ?? {}) as Record<string, unknown>));
  const pass = diffs.some((d) => d.length === 0);
  const want = describeWant(id, expected);
  return {
    pass,
    message: () => {
      if (ctx.isNot) return `expected case ${a.caseId} (as of ${a.asOf}) not to ${verb} ${want}, but it does`;
      if (sameId.length === 0) return `expected case ${a.caseId} (as of ${a.asOf}) to ${verb} ${want}; its ${list}: ${[...new Set(items.map((i) => String(i.id)))].join(', ') || '(none)'}`;
      return `expected case ${a.caseId} (as of ${a.asOf}) to ${verb} ${want}; it has ${id} with ${diffs.map((d) => d.join('; ')).join(' | ')}`;
    },
  };
}

/** The matchers, for `expect.extend(petitionMatchers)` (done on import of `petition-rules/testing`). */
export const petitionMatchers = {
  toRequireObligation(this: MatcherContext, received: unknown, id: string, expected?: ObligationExpectation): MatcherResult {
    return listMatcher(this, received, 'obligations', 'require obligation', id, expected);
  },
  toFind(this: MatcherContext, received: unknown, id: string, expected?: FindingExpectation): MatcherResult {
    return listMatcher(this, received, 'findings', 'find', id, expected);
  },
  toGuide(this: MatcherContext, received: unknown, id: string, expected?: OrganExpectation): MatcherResult {
    return listMatcher(this, received, 'guidance', 'give guidance', id, expected);
  },
  toEscalate(this: MatcherContext, received: unknown, id: string, expected?: EscalationExpectation): MatcherResult {
    return listMatcher(this, received, 'escalations', 'escalate', id, expected);
  },
  toTakeAction(this: MatcherContext, received: unknown, id: string, expected?: OrganExpectation): MatcherResult {
    return listMatcher(this, received, 'actions', 'call for action', id, expected);
  },
  toName(this: MatcherContext, received: unknown, role: string, organ: string): MatcherResult {
    const a = assertAssessment(received);
    const holders = a.responsibilities.filter((r) => r.role === role);
    const pass = holders.some((r) => organIs(r.organ, organ));
    return {
      pass,
      message: () =>
        this.isNot
          ? `expected case ${a.caseId} not to name ${organ} as ${role}, but it does`
          : `expected case ${a.caseId} to name ${organ} as ${role}; ${holders.length > 0 ? `it names ${holders.map((r) => organName(r.organ)).join(', ')}` : `no ${role} is named (roles: ${[...new Set(a.responsibilities.map((r) => r.role))].join(', ') || 'none'})`}`,
    };
  },
  toCite(this: MatcherContext, received: unknown, citation: string): MatcherResult {
    const a = assertAssessment(received);
    const lists = [a.responsibilities, a.obligations, a.escalations, a.actions, a.findings, a.guidance] as ReadonlyArray<ReadonlyArray<{ basis: readonly string[] }>>;
    const all = new Set(lists.flatMap((l) => l.flatMap((i) => i.basis)));
    const pass = all.has(citation);
    return {
      pass,
      message: () => (this.isNot ? `expected case ${a.caseId} not to rest on ${citation}, but it does` : `expected case ${a.caseId} to rest on ${citation}; it cites ${[...all].sort().join(', ') || 'nothing'}`),
    };
  },
};
