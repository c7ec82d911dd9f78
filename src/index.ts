/**
 * petition-rules: China's petition-handling (信访) responsibility principles as declarative rules.
 *
 * `evaluate(case, { asOf })` answers who is responsible, what is due when, what is late, what must be
 * escalated and who is accountable — each answer with the provisions that require it.
 *
 * This entry does no file-system, path, URL or worker work: the built-in law is bundled data, so it
 * runs in browsers, Web Workers and bundles. Packs read from folders: `petition-rules/node`.
 * @module petition-rules
 */
export { createEvaluator, evaluate } from './evaluate/createEvaluator.js';
export type { Evaluator, EvaluatorOptions, EvaluateOptions } from './evaluate/createEvaluator.js';
export { EVALUATOR_KINDS } from './engine/runner.js';
export type { EvaluatorKind } from './engine/runner.js';
export { validateCase } from './case/validateCase.js';
export type { Lang, Bilingual as Text } from './case/validateCase.js';
export { CaseInput, CaseFlags, Accused, Channel, PetitionClass, LegalRoute, PriorityArea, PetitionerConduct } from './case/schema.js';
export type { Case } from './case/schema.js';
export { Event, EVENT_TYPES } from './case/event.js';
export type { EventType } from './case/event.js';
export { Organ, OrganDirectory, OrganKind, OrganLevel, ORGAN_LEVELS, levelRank } from './case/organ.js';
export { CaseValidationError } from './errors/CaseValidationError.js';
export type { InputIssue } from './errors/CaseValidationError.js';
export { RulePackError } from './errors/RulePackError.js';
export { CompactRecordError } from './compact/CompactRecordError.js';
export { COMPACT_FORMAT } from './compact/format.js';
export type { CompactAssessment, CompactItem, CompactLeaf, CompactStep, CompactTraceEntry } from './compact/format.js';
export type * from './assessment/types.js';
export { packFromData } from './rules/loadPack.js';
export { loadBuiltinPacks } from './rules/builtinPacks.js';
export type { Pack, PackData, LoadedRule } from './rules/loadPack.js';
export { RuleSchema, PackManifestSchema, ParametersFileSchema, RuleFileSchema } from './rules/schema.js';
export type { RuleData, Condition, Outcome, PackManifest } from './rules/schema.js';
export { ProvisionsFileSchema } from './rules/provisions.js';
export type { ProvisionsFile } from './rules/provisions.js';
export type { OperatorDefinition } from './engine/operators.js';
export type { Policy } from './policy/policy.js';
export type { Calendar, CalendarYearData, DayInfo } from './calendar/types.js';
export { CalendarCoverageError } from './calendar/types.js';
export { chinaCalendar, createCalendar, nextWorkingDay, addWorkingDays, workingDaysBetween, CalendarDataError } from './calendar/index.js';
export { computeDueDate } from './time/dueDate.js';
export type { DueDate, DueDateInput, Pause, ExtensionRecord, AppliedExtension } from './time/dueDate.js';
export { judgeStatus } from './time/status.js';
export { PeriodValue } from './time/period.js';
export type { IsoDate } from './dates/isoDate.js';
export { explain } from './explain/explain.js';
export type { ExplainOptions } from './explain/explain.js';
export { vocabulary as explainVocabulary, label as vocabularyLabel } from './explain/vocabulary.js';
export type { Term, VocabularyKind } from './explain/vocabulary.js';
export { lintPacks, type LintInput } from './lint/lintPacks.js';
export type { LintFinding, LintFindingKind, LintReport } from './lint/types.js';
export { LINT_FINDING_KINDS } from './lint/types.js';
export { timeline, MAX_TIMELINE_DAYS, type TimelineOptions } from './timeline/timeline.js';
export { timelinePage } from './timeline/page.js';
export { compare, compareSync } from './compare/compare.js';
export { compareAssessments, COMPARED_LISTS } from './compare/compareAssessments.js';
export type { AssessmentComparison, ItemDifference, ComparedList } from './compare/compareAssessments.js';
export { verifyReceipt } from './receipt/verifyReceipt.js';
export type { Verification, VerifyOptions, EvaluatorFactory } from './receipt/verifyReceipt.js';
export { receiptDifferences } from './receipt/receiptDifferences.js';
export type { ReceiptDifference } from './receipt/receiptDifferences.js';
export { ReceiptSchema, ReceiptPackSchema } from './receipt/schema.js';
export type { Receipt, ReceiptPack } from './receipt/schema.js';
export { answerHash } from './receipt/receipt.js';
export { contentHash } from './receipt/contentHash.js';
export { canonicalJson } from './receipt/canonicalJson.js';

// Every type the functions above take or return, so a caller (and the API reference) can name it.
export type { ValidateCaseOptions, ValidatedCase } from './case/validateCase.js';
export type { LeafCondition } from './rules/schema.js';
export type { AssessOptions } from './evaluate/assess.js';
export { PolicySchema } from './policy/policy.js';
export type { CalendarAmendment } from './calendar/types.js';
export { CalendarYearSchema } from './calendar/schema.js';
export { HolidayMeasuresSchema, FestivalsSchema } from './calendar/projection.js';
export type { Projection, HolidayMeasures, Festivals } from './calendar/projection.js';
export type { DayCount } from './time/period.js';
export type { StagedRule } from './engine/ruleset.js';
export type { Status, StatusInput } from './time/status.js';
