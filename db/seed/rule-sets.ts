// The pathway rule sets Attune ships with, in the domain's own shape (app/domain/rule-set.ts).
// Numbers: AVIGuk practitioner pathway as summarised in ../shared/DOMAIN.md. Fees in pence are the
// middle of the quoted ranges; programmes can override them. Thresholds are sensible defaults from
// the same page ("no supervision for 8 weeks, no cycle for 8 weeks ...").
import type { RiskThresholds, RuleSet, StageRequirements } from '~/domain/rule-set'

export type RuleSetSeed = Omit<RuleSet, 'id'> & {
  pathwayKey: string
  status: 'active' | 'retired'
  effectiveFrom: string
  source: string
  /**
   * Earlier seeded versions this one corrects (ADR 0016): when this version is first inserted, those
   * are retired for new enrolments and the enrolments still in training on them are moved here,
   * each move audited. Finished enrolments, sign-offs and accreditations keep the version they had.
   */
  corrects?: { key: string; reason: string }[]
}

const thresholds: RiskThresholds = {
  supervisionGapWeeks: 8,
  cycleGapWeeks: 8,
  overrunRedMonths: 3,
  behindPaceRatio: 0.5,
  waitingDays: 14,
  erasureWarningDays: 14,
  // Warnings, not limits (issue 11): a shared review takes about an hour with the family, and a
  // supervision day rarely runs past two long sessions, so more than this on one day is probably a typo.
  maxSupervisionMinutesPerDay: 5 * 60,
  maxSharedReviewsPerDay: 4,
}

const initialTrainingCourse: StageRequirements = {
  stageNumber: 0,
  name: 'Initial Training Course',
  requiredCycles: 0,
  requiredNewClients: 0,
  requiredSupervisionMinutes: 0,
  requiresIntroductionSession: false,
  endMeeting: 'course_completion',
  requiresWrittenReflection: false,
  requiresExternalAccreditation: false,
  expectedMonths: 1,
  feePence: 42500,
  supervisionByTrainingMinutes: 0,
}

/**
 * The current model, as AVIGuk publishes it (../shared/DOMAIN.md): Stages 1 and 2 end with a transition
 * meeting, Stage 3 with the accreditation meeting for which the accreditor reads the written reflection.
 */
export const currentPractitionerRuleSet: RuleSetSeed = {
  pathwayKey: 'practitioner',
  key: 'aviguk-practitioner-2026',
  name: 'AVIGuk practitioner pathway (current)',
  version: 3,
  status: 'active',
  effectiveFrom: '2026-11-30',
  source:
    'AVIGuk practitioner pathway: ITC, then Stages 1–3 (6, 9 and 12 cycles); Stages 1 and 2 end with a transition meeting, Stage 3 with the accreditation meeting, for which the accreditor reads the written reflection',
  corrects: [
    {
      key: 'aviguk-practitioner-2024',
      reason:
        'Moved to the corrected AVIGuk practitioner rule set: AVIGuk asks for the written reflection only before the Stage 3 accreditation meeting, not at the end of Stages 1 and 2. Nothing else changes.',
    },
  ],
  awardTitle: 'Accredited VIG Practitioner',
  registrationFeePence: 6000,
  recordingRetentionDays: 60,
  thresholds,
  stages: [
    initialTrainingCourse,
    {
      stageNumber: 1,
      name: 'Stage 1',
      requiredCycles: 6,
      requiredNewClients: 2,
      requiredSupervisionMinutes: 7 * 60,
      requiresIntroductionSession: false,
      endMeeting: 'transition',
      requiresWrittenReflection: false,
      requiresExternalAccreditation: true,
      expectedMonths: 6,
      supervisionByTrainingMinutes: 0,
      feePence: 64000,
    },
    {
      stageNumber: 2,
      name: 'Stage 2',
      requiredCycles: 9,
      requiredNewClients: 3,
      requiredSupervisionMinutes: 8 * 60,
      requiresIntroductionSession: true,
      endMeeting: 'transition',
      requiresWrittenReflection: false,
      requiresExternalAccreditation: true,
      expectedMonths: 6,
      supervisionByTrainingMinutes: 0,
      feePence: 80000,
    },
    {
      stageNumber: 3,
      name: 'Stage 3',
      requiredCycles: 12,
      requiredNewClients: 3,
      requiredSupervisionMinutes: 8 * 60,
      requiresIntroductionSession: true,
      endMeeting: 'accreditation',
      requiresWrittenReflection: true,
      requiresExternalAccreditation: true,
      expectedMonths: 6,
      supervisionByTrainingMinutes: 0,
      feePence: 88000,
    },
  ],
}

// The first seed of the current model (version 2) asked a stage-end written reflection in every stage,
// which AVIGuk does not. Kept unchanged, retired: sign-offs made under it keep their record (ADR 0016).
export const practitionerRuleSet2024: RuleSetSeed = {
  ...currentPractitionerRuleSet,
  corrects: undefined,
  key: 'aviguk-practitioner-2024',
  name: 'AVIGuk practitioner pathway (2024 seed, reflection every stage)',
  version: 2,
  status: 'retired',
  effectiveFrom: '2024-01-01',
  source: 'AVIGuk practitioner pathway: ITC, then Stages 1–3 (6, 9 and 12 cycles)',
  // The only difference from the corrected rule set: a written reflection at the end of every stage.
  stages: currentPractitionerRuleSet.stages.map((stage) => (stage.stageNumber === 0 ? stage : { ...stage, requiresWrittenReflection: true })),
}

// The older model (about 18 cycles, 6 clients, 15 hours, a mid-point presentation to a different
// supervisor) still applies to some trainees' records.
export const earlierPractitionerRuleSet: RuleSetSeed = {
  pathwayKey: 'practitioner',
  key: 'aviguk-practitioner-2015',
  name: 'AVIGuk practitioner pathway (earlier model)',
  version: 1,
  status: 'retired',
  effectiveFrom: '2015-01-01',
  source: 'Earlier AVIGuk model: about 18 cycles with at least 6 clients and 15 hours of supervision',
  awardTitle: 'Accredited VIG Practitioner',
  registrationFeePence: 6000,
  recordingRetentionDays: 60,
  thresholds,
  stages: [
    initialTrainingCourse,
    {
      stageNumber: 1,
      name: 'Stage 1 (to mid-point)',
      requiredCycles: 9,
      requiredNewClients: 3,
      requiredSupervisionMinutes: 450,
      requiresIntroductionSession: false,
      endMeeting: 'midpoint',
      requiresWrittenReflection: true,
      requiresExternalAccreditation: true,
      expectedMonths: 9,
      supervisionByTrainingMinutes: 0,
      feePence: 64000,
    },
    {
      stageNumber: 2,
      name: 'Stage 2 (to accreditation)',
      requiredCycles: 9,
      requiredNewClients: 3,
      requiredSupervisionMinutes: 450,
      requiresIntroductionSession: false,
      endMeeting: 'accreditation',
      requiresWrittenReflection: true,
      requiresExternalAccreditation: true,
      expectedMonths: 9,
      supervisionByTrainingMinutes: 0,
      feePence: 80000,
    },
  ],
}

// VERP (Video Enhanced Reflective Practice): the same method for staff reflecting on their own
// practice in small groups, about 3 cycles (DOMAIN.md). A second pathway on the same machinery: an
// introductory course, then one stage of 3 cycles with 3 hours of (group) supervision, ending with an
// accreditation meeting for which a supervisor from outside the group reads the written reflection
// (the award certificate is issued on accreditation). Numbers other than the 3 cycles are local
// choices an admin can change by publishing a new version.
export const verpRuleSet: RuleSetSeed = {
  pathwayKey: 'verp',
  key: 'verp-2026',
  name: 'VERP: Video Enhanced Reflective Practice',
  version: 1,
  status: 'active',
  effectiveFrom: '2026-11-30',
  source: 'VERP: the VIG method for staff reflecting on their own practice, in small groups, about 3 cycles (../shared/DOMAIN.md)',
  awardTitle: 'VERP practitioner',
  registrationFeePence: 0,
  recordingRetentionDays: 60,
  thresholds,
  stages: [
    {
      stageNumber: 0,
      name: 'VERP introductory training',
      requiredCycles: 0,
      requiredNewClients: 0,
      requiredSupervisionMinutes: 0,
      requiresIntroductionSession: false,
      endMeeting: 'course_completion',
      requiresWrittenReflection: false,
      requiresExternalAccreditation: false,
      expectedMonths: 1,
      feePence: 15000,
      supervisionByTrainingMinutes: 0,
    },
    {
      stageNumber: 1,
      name: 'VERP practice',
      requiredCycles: 3,
      requiredNewClients: 1,
      requiredSupervisionMinutes: 3 * 60,
      requiresIntroductionSession: false,
      endMeeting: 'accreditation',
      requiresWrittenReflection: true,
      requiresExternalAccreditation: true,
      expectedMonths: 6,
      feePence: 30000,
      supervisionByTrainingMinutes: 0,
    },
  ],
}

export const pathwaySeeds = [
  {
    key: 'practitioner',
    name: 'VIG practitioner',
    description: 'From the Initial Training Course to Accredited VIG Practitioner.',
  },
  {
    key: 'verp',
    name: 'VERP',
    description: 'Video Enhanced Reflective Practice: staff reflecting on their own practice in small groups, about 3 cycles.',
  },
]

export const ruleSetSeeds: RuleSetSeed[] = [practitionerRuleSet2024, currentPractitionerRuleSet, earlierPractitionerRuleSet, verpRuleSet]

// Principles of attuned interaction and guidance. The first three are confirmed in public
// sources; the list is seed data that an admin can edit.
export const principleSeeds = [
  { name: 'Being attentive', description: 'Looking interested, turning towards, following the other’s lead.' },
  { name: 'Encouraging initiatives', description: 'Waiting, listening actively, naming positively what you see.' },
  { name: 'Receiving initiatives', description: 'Showing you have heard and seen, returning the initiative.' },
  { name: 'Developing attuned interactions', description: 'Taking turns, co-operating, making the interaction flow.' },
  { name: 'Guiding', description: 'Scaffolding, extending, building on the other’s response.' },
  { name: 'Deepening discussion', description: 'Supporting shared thinking, reflecting, naming differences of opinion.' },
]
