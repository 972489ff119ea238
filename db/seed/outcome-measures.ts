// Example outcome measures, seeded into an empty table so a programme can start evaluating at once.
// Names, what each measures and the range of its total score only: never a questionnaire's items,
// which are often copyrighted. Ranges are the published totals (items × item range); an admin or a
// lead can add others and stop using these.
export interface OutcomeMeasureSeed {
  name: string
  construct: string
  minScore: number
  maxScore: number
  higherIsBetter: boolean
  hasFollowUp: boolean
}

export const outcomeMeasureSeeds: OutcomeMeasureSeed[] = [
  // 17 items scored 1 to 6.
  { name: 'Parenting Sense of Competence (PSOC)', construct: 'parental self-efficacy', minScore: 17, maxScore: 102, higherIsBetter: true, hasFollowUp: true },
  // 36 items scored 1 to 5.
  { name: 'Parenting Stress Index, Short Form (PSI-SF)', construct: 'parenting stress', minScore: 36, maxScore: 180, higherIsBetter: false, hasFollowUp: false },
  // 25 items scored 0 to 5; higher scores mean more difficulty with bonding.
  { name: 'Postpartum Bonding Questionnaire (PBQ)', construct: 'bonding', minScore: 0, maxScore: 125, higherIsBetter: false, hasFollowUp: false },
  // An observer's rating of a filmed interaction.
  { name: 'CARE-Index, adult sensitivity', construct: 'sensitivity', minScore: 0, maxScore: 14, higherIsBetter: true, hasFollowUp: false },
]
