/**
 * The two kinds of audit record: `compact` (the command line's default), the decisions with organs,
 * law and trace by reference, which `evaluator.expand` or `petition-rules expand` turns back into the
 * assessment; and `full`, the assessment itself.
 */
export const AUDIT_RECORD_KINDS = ['compact', 'full'] as const;
export type AuditRecordKind = (typeof AUDIT_RECORD_KINDS)[number];
