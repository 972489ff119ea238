// The demo programme's evaluation: most families consented to evaluation and were scored before
// VIG; those whose work ended were scored after it, except a few who dropped out. The numbers are
// made up but realistic (improvement of about half to one standard deviation, as in published VIG
// evaluations), and deterministic: a seeded generator, the same on every start.
import { addDays } from '~/utils/dates'
import type { Db } from '~/models/db-types'
import type { TimePoint } from '~db/schema'

/** Mulberry32: a tiny seeded generator, so the demo is the same on every start. */
function generator(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Typical before score (mean, spread) and change (mean, spread) per measure's construct. */
const PROFILES: Record<string, { before: [number, number]; change: [number, number] }> = {
  'parental self-efficacy': { before: [60, 9], change: [8, 6] },
  'parenting stress': { before: [98, 12], change: [-10, 8] },
  bonding: { before: [26, 7], change: [-6, 5] },
  sensitivity: { before: [6, 2], change: [2, 1.5] },
}

const FAMILY_FEEDBACK = [
  ['Seeing the clips of us together made me feel I was doing something right.', 'Finding a time when my partner could be there too.'],
  ['She came to our home, so I did not have to travel with the baby.', ''],
  ['Being asked what I wanted to change, not being told.', 'I was nervous about being filmed at first.'],
  ['Watching how he looks at me when I talk to him.', 'The appointments were moved twice.'],
  ['It was short and friendly.', ''],
  ['I noticed things I had missed, like her copying my faces.', 'It was hard to find a quiet room at home.'],
  ['Feeling listened to.', ''],
  ['Seeing myself calm him down on the video.', 'I would have liked more sessions.'],
  ['It helped me trust myself more.', ''],
]

const PRACTITIONER_FEEDBACK = [
  ['Supervision kept me going and the families loved the clips.', 'Finding protected time in my caseload.'],
  ['Parents open up much more when they see their own strengths.', 'Cover for sickness took me away for weeks.'],
  ['Clear steps for each stage.', 'Editing clips took longer than I expected.'],
  ['My manager protected one afternoon a week.', ''],
  ['Working with a colleague who was also training.', 'Families moving out of the area mid-cycle.'],
  ['The shared review is the best part of my week.', 'Laptop and camera access.'],
]

const MANAGER_FEEDBACK = [
  ['Visible change in how staff talk to families.', 'Backfilling time for training.'],
  ['Good fit with the health visiting offer.', 'Funding after the project ends.'],
  ['', 'Competing priorities in the service.'],
]

/** Scores every consenting demo family and adds acceptability feedback. `today` is the seed date. */
export async function seedDemoEvaluation(db: Db, programmeId: number, today: string): Promise<void> {
  const measures = await db.selectFrom('outcome_measures').selectAll().where('active', '=', 1).orderBy('id').execute()
  const clients = await db.selectFrom('clients').select(['id', 'trainee_id', 'consent_given_on', 'work_ended_on']).where('consent_given_on', 'is not', null).orderBy('id').execute()
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)))

  // Built in memory and written in two statements: the demo is seeded on every fresh start and in tests.
  const consenting: number[] = []
  const rows: { client_id: number; measure_id: number; recorded_by: number; time_point: TimePoint; score: number; scored_on: string }[] = []
  let ended = 0
  for (const [index, client] of clients.entries()) {
    // About one family in six did not agree to their scores being used.
    if (index % 6 === 5) continue
    consenting.push(client.id)
    const random = generator(1000 + index)
    const normal = (mean: number, spread: number) => mean + spread * (random() + random() + random() - 1.5) * 2
    const beforeOn = addDays(client.consent_given_on!, 2)
    if (beforeOn > today) continue
    // A few families stopped before the end; their work ended without an after score.
    const droppedOut = client.work_ended_on !== null && ended++ % 3 === 0
    const afterOn = client.work_ended_on && !droppedOut ? addDays(client.work_ended_on, -1) : null
    for (const measure of measures) {
      // The sensitivity rating needs an observer, so only some families have it.
      if (measure.construct === 'sensitivity' && index % 4 !== 0) continue
      const profile = PROFILES[measure.construct] ?? { before: [(measure.min_score + measure.max_score) / 2, (measure.max_score - measure.min_score) / 10], change: [0, 1] }
      const score = (time_point: TimePoint, value: number, scored_on: string) =>
        rows.push({ client_id: client.id, measure_id: measure.id, recorded_by: client.trainee_id, time_point, score: clamp(value, measure.min_score, measure.max_score), scored_on })
      const before = clamp(normal(...profile.before), measure.min_score, measure.max_score)
      score('before', before, beforeOn)
      if (afterOn && afterOn >= beforeOn) {
        const after = clamp(before + normal(...profile.change), measure.min_score, measure.max_score)
        score('after', after, afterOn)
        const followUpOn = addDays(afterOn, 90)
        if (measure.has_follow_up && followUpOn <= today) score('follow_up', after + normal(-1, 3), followUpOn)
      }
    }
  }
  if (consenting.length > 0) await db.updateTable('clients').set({ consent_evaluation: 1 }).where('id', 'in', consenting).execute()
  if (rows.length > 0) await db.insertInto('outcome_scores').values(rows).execute()

  const feedback = (respondent: 'family' | 'practitioner' | 'manager', texts: string[][], offset: number) =>
    texts.map(([helped, gotInTheWay], i) => {
      const random = generator(offset + i)
      return {
        programme_id: programmeId,
        respondent,
        acceptability: clamp(3.6 + random() * 1.6, 1, 5),
        feasibility: clamp(2.8 + random() * 2, 1, 5),
        helped,
        got_in_the_way: gotInTheWay,
        given_on: addDays(today, -(20 + i * 17)),
        via_link: (i % 2) as 0 | 1,
      }
    })
  await db
    .insertInto('evaluation_feedback')
    .values([...feedback('family', FAMILY_FEEDBACK, 2000), ...feedback('practitioner', PRACTITIONER_FEEDBACK, 3000), ...feedback('manager', MANAGER_FEEDBACK, 4000)])
    .execute()
}
