/**
 * The public vocabulary in words: every id an assessment may carry (roles, obligations, escalations,
 * follow-up actions, findings, guidance, statuses, consequences, policy options) with an English label
 * and the Chinese legal term used in the instruments and in practice.
 *
 * The ids are the public contract (docs/vocabulary.md); these labels are only how a report reads. An id this
 * table does not know is shown as the id itself, so a new rule's outcome is never hidden from a reader.
 * Labels say what a duty is, never how many days it takes: day counts live in the rule packs.
 */

/** A label in both languages, with an optional note naming the principle behind it. */
export interface Term {
  readonly en: string;
  readonly zh: string;
  /** The principle or formula the term carries, e.g. 谁主管、谁负责 for the handling organ. */
  readonly principle?: { readonly en: string; readonly zh: string };
}

export type VocabularyKind =
  | 'role'
  | 'obligation'
  | 'escalation'
  | 'action'
  | 'finding'
  | 'guidance'
  | 'status'
  | 'consequence'
  | 'accountable'
  | 'policy'
  | 'policyStatus'
  | 'packRole'
  | 'level'
  | 'kind'
  | 'field';

const inCharge = { en: 'whoever is in charge is responsible', zh: '谁主管、谁负责' };
const territorial = { en: 'territorial management, graded responsibility', zh: '属地管理、分级负责' };
/** The principal leaders of the party committee and of the government are both first responsible (xfgz2022 art5, op2007 item 21). */
const partyAndGovernment = { en: 'party and government share responsibility', zh: '党政同责' };
/** Each other leading member answers for petition work in his own portfolio (op2007 item 21, xfgz2022 art5). */
const onePostTwoDuties = { en: 'one post, two responsibilities', zh: '一岗双责' };

/** Roles of `responsibilities[]`. */
const role: Record<string, Term> = {
  'handling-organ': { en: 'Handling organ', zh: '有权处理的机关', principle: inCharge },
  'territorial-authority': { en: 'Territorial authority', zh: '属地党委和政府', principle: territorial },
  'petition-department': { en: 'Petition department', zh: '信访部门' },
  'review-organ': { en: 'Review organ', zh: '复查机关' },
  'reexamination-organ': { en: 'Reexamination organ', zh: '复核机关' },
  'deciding-superior': { en: 'Common superior that decides competence', zh: '共同的上一级机关（决定管辖）' },
  'joint-conference': { en: 'Petition joint conference', zh: '信访工作联席会议' },
  'political-legal-organ': { en: 'Political-legal department', zh: '政法部门' },
  'discipline-inspection': { en: 'Discipline-inspection and supervision organ', zh: '纪检监察机关' },
  'party-discipline-inspection': { en: 'Party discipline-inspection commission', zh: '党的纪律检查机关' },
  'administrative-supervision': { en: 'Administrative supervision organ', zh: '行政监察机关' },
  'first-responsible-leader': { en: 'First responsible person (principal leader)', zh: '第一责任人', principle: partyAndGovernment },
  'directly-responsible-leader': { en: 'Directly responsible person (leader in charge of petition work)', zh: '直接责任人' },
  'package-leader': { en: 'Leader in personal charge of the case', zh: '包案领导' },
  'successor-organ': { en: 'Organ continuing the powers of the split, merged or abolished organ', zh: '继续行使其职权的机关' },
  'designating-authority': { en: 'Same-level authority that accepts the matter or designates who does (responsibilities unclear)', zh: '职责不清时由本级党委和政府（2005年条例：本级人民政府）受理或者指定受理机关' },
};

/** Time limits of `obligations[]`. */
const obligation: Record<string, Term> = {
  register: { en: 'Register the matter', zh: '登记信访事项' },
  dispose: { en: 'Dispose of the matter (inform, transfer or assign)', zh: '处理信访事项（告知、转送、交办）' },
  'notify-petitioner': { en: 'Tell the petitioner in writing', zh: '书面告知信访人' },
  'object-to-transfer': { en: 'Object to a transfer outside its competence, with reasons', zh: '对不属于职权范围的转送提出异议并说明理由' },
  'report-assigned-result': { en: 'Report the result of an assigned matter', zh: '报告交办事项办理结果' },
  'report-congress-assigned-result': { en: 'Conclude and report on a matter assigned by the people\'s congress petition body', zh: '办结人大常委会信访工作机构交办事项并书面报告' },
  conclude: { en: 'Conclude the handling', zh: '办结信访事项' },
  'review-request-window': { en: 'Petitioner may request review', zh: '信访人请求复查的期间' },
  'review-decision': { en: 'Give the written review opinion', zh: '作出书面复查意见' },
  'reexamination-request-window': { en: 'Petitioner may request reexamination', zh: '信访人请求复核的期间' },
  'reexamination-decision': { en: 'Give the reexamination opinion', zh: '作出复核意见' },
  'report-major-matter': { en: 'Report the major or urgent matter', zh: '报告重大、紧急信访事项和信息' },
  'feedback-on-improvement': { en: 'Answer the suggestion in writing, saying whether it is adopted', zh: '书面反馈建议的采纳情况' },
  'reply-to-suggestion': { en: 'Reply to the suggestion', zh: '答复建议意见' },
  'draw-up-agreement': { en: 'Draw up the mediation or settlement agreement in writing', zh: '制作调解协议书或者和解协议书' },
  'feedback-on-accountability-proposal': { en: 'Answer the accountability proposal in writing, saying how far it was adopted', zh: '书面反馈追究责任建议的采纳情况' },
};

/** Escalations of `escalations[]`. */
const escalation: Record<string, Term> = {
  supervise: { en: 'Supervision', zh: '督办' },
  'report-up': { en: 'Report upward', zh: '向上报告' },
  'joint-visit': { en: 'Joint reception of visitors', zh: '联合接访' },
  'leader-package': { en: 'A leader takes personal charge of the case', zh: '领导包案' },
  'front-line-command': { en: 'County leaders go to the front line and direct the handling', zh: '县级领导赶赴一线、靠前指挥' },
  'jurisdiction-decision': { en: 'Competence decided by the common superior, else coordinated by the joint conference', zh: '由共同的上一级机关决定，或由联席会议协调' },
  'political-legal-coordination': { en: 'Coordination by the political-legal committee', zh: '党委政法委协调' },
  'notify-organisation-department': { en: 'Inform the organisation (personnel) department of a petition about a cadre', zh: '向组织（人事）部门通报反映干部问题的信访情况' },
  terminate: { en: 'Termination: the same request is not accepted again', zh: '信访终结：同一请求不再受理' },
  'propose-accountability': { en: 'Proposal to the organ with management authority to hold those responsible accountable', zh: '向有管理权限的机关提出追究责任的建议' },
};

/** Follow-up actions of `actions[]`: 三到位一处理. */
const action: Record<string, Term> = {
  'execute-opinion': { en: 'Carry out the handling opinion', zh: '落实信访处理意见' },
  'guide-and-educate': { en: 'Explain, persuade and educate', zh: '疏导教育' },
  'assist-hardship': { en: 'Help and relief for real hardship', zh: '帮扶救助' },
  'study-policy': { en: 'Report the gap so the policy is studied and improved', zh: '研究完善政策' },
  'perform-duty-or-reply': { en: 'Perform the duty by law (investigate the unlawful conduct, protect the rights) or reply', zh: '依法履行查处违法行为、保护合法权益的职责或者答复' },
  recuse: { en: 'The staff member with a direct interest in the matter or the petitioner withdraws', zh: '与信访事项或者信访人有直接利害关系的工作人员回避' },
  'contain-adverse-effects': { en: 'Take measures within its remit to stop adverse effects arising or spreading', zh: '在职责范围内依法及时采取措施，防止不良影响的产生、扩大' },
  // The response ladder to prohibited conduct of a petitioner, each step chosen by the facts.
  'dissuade-and-educate': { en: 'Dissuade, criticise and educate', zh: '劝阻、批评或者教育' },
  'police-warning-or-restraint': { en: 'Police warning, reprimand or restraint', zh: '公安机关予以警告、训诫或者制止' },
  'public-order-penalty': { en: 'Necessary on-site measures and a public-order penalty by the police', zh: '公安机关依法采取必要的现场处置措施、给予治安管理处罚' },
  'criminal-liability': { en: 'Criminal liability pursued by law', zh: '依法追究刑事责任' },
};

/** Accountability findings of `findings[]`. */
const finding: Record<string, Term> = {
  'caused-by-abuse-of-power': { en: 'Exceeding or abusing authority caused the petition', zh: '超越或者滥用职权，导致信访事项发生' },
  'caused-by-inaction': { en: 'Failing to act when required caused the petition', zh: '应当作为而不作为，导致信访事项发生' },
  'caused-by-wrong-law-or-procedure': { en: 'Wrong application of law or unlawful procedure caused the petition', zh: '适用法律法规错误或者违反法定程序，导致信访事项发生' },
  'refused-to-implement': { en: 'Refused to carry out a supporting handling opinion', zh: '拒不执行支持信访请求的意见' },
  'failed-to-register': { en: 'Petition department did not register the matter', zh: '信访部门未按规定登记' },
  'failed-to-dispose': { en: 'Petition department did not transfer or assign the matter in time', zh: '信访部门未按规定转送、交办' },
  'failed-to-supervise': { en: 'Petition department did not supervise', zh: '信访部门应当督办而未督办' },
  'refused-acceptance': { en: 'Did not register as required, or refused a matter within its authority', zh: '不按规定登记，或者对属于其职权范围的信访事项不予受理' },
  'late-notice': { en: 'Missed the deadline to tell the petitioner in writing', zh: '未在规定期限内书面告知信访人' },
  'overdue-conclusion': { en: 'Did not conclude the handling in time', zh: '未在规定期限内办结信访事项' },
  prevarication: { en: 'Prevarication, perfunctory handling or delay', zh: '推诿、敷衍、拖延' },
  'unsupported-valid-claim': { en: 'Did not support a well-founded request', zh: '对事实清楚、符合法律政策的请求未予支持' },
  'ignored-improvement-suggestion': { en: "Gave the petition department's suggestions too little weight and did not carry them out, leaving the problem long unresolved", zh: '对改进工作、完善政策等建议重视不够、落实不力，导致问题长期得不到解决' },
  'rough-conduct': { en: 'Rough conduct towards a petitioner (inflaming the conflict, or harming relations with the masses)', zh: '作风粗暴（激化矛盾，或者损害党群干群关系）' },
  extortion: { en: 'Took, demanded or held out for favours, or sought private gain', zh: '吃拿卡要、谋取私利' },
  'mishandled-collective-visit': { en: 'Handled a large-scale collective visit or negative public opinion so poorly that it grew', zh: '对规模性集体访、负面舆情等处置不力，导致事态扩大' },
  'concealed-or-late-report': { en: 'Concealed, falsified or delayed a major or urgent report', zh: '对重大、紧急信访事项和信息隐瞒、谎报、缓报' },
  'leaked-accusation': { en: "Disclosed or passed a petitioner's accusation to the person or unit accused", zh: '将检举、揭发材料或者有关情况透露、转给被检举、揭发的人员或者单位' },
  retaliation: { en: 'Retaliated against a petitioner', zh: '打击报复信访人' },
  'failed-to-take-measures': { en: 'Did not take the necessary measures in time for a major or urgent matter', zh: '对重大、紧急信访事项和信访信息未依法及时采取必要措施' },
};

/** Guidance of `guidance[]`: what the petitioner is told, never punishment. */
const guidance: Record<string, Term> = {
  'use-legal-channel': { en: 'Use the legal channel (litigation, arbitration, reconsideration …)', zh: '通过法定途径解决（诉讼、仲裁、行政复议等）', principle: { en: 'separating litigation from petitions', zh: '诉访分离' } },
  'go-to-political-legal-organ': { en: 'Take the litigation-related matter to the political-legal organs', zh: '向有关政法部门提出涉法涉诉事项', principle: { en: 'separating litigation from petitions', zh: '诉访分离' } },
  'submit-to-proper-level': { en: 'Submit to the competent organ at its level or one level up, at its designated reception site', zh: '向依法有权处理的本级或者上一级机关、在指定的接待场所提出' },
  'elect-representatives': { en: 'Several people on one matter choose representatives, within the permitted number', zh: '多人同一事项应当推选代表，人数不超过规定' },
  'pending-below': { en: 'The matter is already being handled below within its time limit', zh: '该事项已由下级受理且在办理期限内' },
  terminated: { en: 'The matter has been terminated after reexamination', zh: '信访事项已经复核终结' },
  'prohibited-conduct': { en: 'Prohibited conduct: dissuasion, criticism or education first, then the police measures, public-order penalty or criminal liability the law provides', zh: '禁止行为：先予劝阻、批评或者教育，再依法由公安机关处置、给予治安管理处罚或者追究刑事责任' },
  'false-accusation': { en: 'Fabricating or distorting facts or falsely accusing another: a public-order penalty by law, criminal liability for a crime', zh: '捏造歪曲事实、诬告陷害他人的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任' },
};

/** Obligation statuses. */
const status: Record<string, Term> = {
  pending: { en: 'pending', zh: '待办理' },
  'due-soon': { en: 'due soon', zh: '即将到期' },
  met: { en: 'met', zh: '已按期完成' },
  'met-late': { en: 'met late', zh: '逾期完成' },
  overdue: { en: 'overdue', zh: '已逾期' },
  open: { en: 'open', zh: '期间未届满' },
  expired: { en: 'expired', zh: '期间已届满' },
  undetermined: { en: 'no due date can be given (calendar)', zh: '无法确定期限（日历）' },
};

/**
 * Consequences of a finding, as tags. What a sanction is differs by instrument (行政处分, 行政处分或者纪律处分,
 * 依规依纪依法严肃处理) and whether it needs serious consequences differs by article: the finding's
 * `consequenceWords` give it in the article's own words.
 */
const consequence: Record<string, Term> = {
  'order-correction': { en: 'the superior orders correction', zh: '责令改正' },
  sanction: { en: 'sanction of the responsible people', zh: '对责任人员给予处分或者处理' },
};

/** People answerable for a finding, by role (op2007 item (二十一)). */
const accountable: Record<string, Term> = {
  'responsible-manager': { en: 'responsible managers', zh: '直接负责的主管人员' },
  'directly-responsible-staff': { en: 'directly responsible staff', zh: '其他直接责任人员' },
  'first-responsible-leader': { en: 'first responsible person', zh: '第一责任人' },
  'directly-responsible-leader': { en: 'directly responsible person', zh: '直接责任人' },
  'leading-member': { en: 'other leading members (one post, two responsibilities)', zh: '其他领导班子成员（一岗双责）', principle: onePostTwoDuties },
};

/** Policy options of `rules/policy.json`: choices the law does not make. */
const policy: Record<string, Term> = {
  holidayRollover: { en: 'A period ending on a rest day ends on the next working day', zh: '期间届满日为法定休假日的顺延至下一个工作日' },
  lateExtensionCures: { en: 'An extension approved after the deadline cures the lateness', zh: '期限届满后批准的延长可补正逾期' },
  warningDays: { en: 'Days before a due date an obligation counts as due soon', zh: '到期前多少日标为即将到期' },
  promptlyDays: { en: 'Days allowed for "immediately" / "promptly"', zh: '“立即”“及时”允许的日数' },
  majorReportDays: { en: 'Days allowed to report a major or urgent matter "immediately" / "promptly"', zh: '重大、紧急信访事项“立即”“及时”报告允许的日数' },
  repeatedPetitionThreshold: { en: 'Earlier petitions that make a matter repeated', zh: '构成重复信访的此前信访次数' },
  collectiveVisitThreshold: { en: 'People that make a visit collective', zh: '构成集体访的人数' },
  largeScaleThreshold: { en: 'People that make a collective petition large-scale', zh: '构成大规模集体访的人数' },
  opinionExecutionDays: { en: 'Days after a supporting opinion before it counts as not executed', zh: '支持意见作出后视为未执行的日数' },
};

const policyStatus: Record<string, Term> = {
  policy: { en: 'policy', zh: '政策选项' },
  'unverified-interpretation': { en: 'unverified interpretation', zh: '未经核实的解释' },
};

const packRole: Record<string, Term> = {
  principles: { en: 'principles', zh: '原则' },
  procedure: { en: 'procedure', zh: '程序' },
  jurisdiction: { en: 'local', zh: '地方' },
};

const level: Record<string, Term> = {
  village: { en: 'village', zh: '村' },
  township: { en: 'township', zh: '乡镇' },
  county: { en: 'county', zh: '县级' },
  city: { en: 'city', zh: '市级' },
  province: { en: 'province', zh: '省级' },
  central: { en: 'central', zh: '中央' },
};

const kind: Record<string, Term> = {
  'petition-department': { en: 'petition department', zh: '信访部门' },
  government: { en: 'government', zh: '人民政府' },
  'party-committee': { en: 'party committee', zh: '党委' },
  department: { en: 'department', zh: '工作部门' },
  court: { en: 'court', zh: '人民法院' },
  procuratorate: { en: 'procuratorate', zh: '人民检察院' },
  'public-security': { en: 'public security', zh: '公安机关' },
  'political-legal-committee': { en: 'political-legal committee', zh: '党委政法委' },
  'discipline-inspection': { en: 'discipline inspection and supervision', zh: '纪检监察机关' },
  'people-congress': { en: "people's congress", zh: '人民代表大会' },
  'joint-conference': { en: 'joint conference', zh: '联席会议' },
  enterprise: { en: 'enterprise', zh: '企业' },
  'mass-organisation': { en: 'mass organisation', zh: '群团组织' },
  'organisation-department': { en: 'organisation (personnel) department', zh: '组织（人事）部门' },
  'administrative-supervision': { en: 'administrative supervision', zh: '行政监察机关' },
};

/** Item fields an assessment may carry beyond id, organ and grounds, as a report names them. */
const field: Record<string, Term> = {
  supervised: { en: 'organ supervised', zh: '被督办机关' },
  concerning: { en: 'organ whose responsible people it concerns', zh: '被建议追究责任的机关' },
  seriousConsequences: { en: 'serious consequences', zh: '造成严重后果' },
  recipients: { en: 'reported to', zh: '报送' },
  reason: { en: 'reason', zh: '理由' },
  step: { en: 'step', zh: '措施' },
  steps: { en: 'steps', zh: '措施' },
  conduct: { en: 'conduct', zh: '行为' },
  extensionExcessDays: { en: 'extension days beyond the lawful maximum (not counted)', zh: '超出法定最长延长期限的日数（不予计算）' },
  startStandsInFor: { en: 'start stands in for (missing from the log)', zh: '起算事件代替（记录中缺少）' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
};

/** Every table, by kind. Read-only: callers look labels up with {@link label}. */
export const vocabulary: Readonly<Record<VocabularyKind, Readonly<Record<string, Term>>>> = {
  role,
  obligation,
  escalation,
  action,
  finding,
  guidance,
  status,
  consequence,
  accountable,
  policy,
  policyStatus,
  packRole,
  level,
  kind,
  field,
};

/** The term for an id, or undefined when the table does not know it. */
export function term(kind: VocabularyKind, id: string): Term | undefined {
  return Object.hasOwn(vocabulary[kind], id) ? vocabulary[kind][id] : undefined;
}

/** The label of an id in a language; an unknown id is shown as the id itself. */
export function label(kind: VocabularyKind, id: string, lang: 'en' | 'zh'): string {
  return term(kind, id)?.[lang] ?? id;
}
