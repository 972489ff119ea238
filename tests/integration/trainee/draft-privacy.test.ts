// A draft reflection is the trainee's own until submitted: not in the audit trail's text, and not in
// the record bundle when someone else downloads it.
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { enrolledTrainee } from './context'
import { action as newReflection } from '~/routes/trainee.reflections.new'
import { loader as record } from '~/routes/enrolments.$enrolmentId.record'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

describe('draft reflections stay private', () => {
  it('keeps a draft’s words out of the audit trail, but not a submitted reflection’s', async () => {
    const { db, cookie } = await enrolledTrainee()
    const path = '/trainee/reflections/new?stage-end'
    await run(newReflection, formRequest(path, { decision: 'draft', body: 'A private first thought about my guiding' }, cookie))
    const audit = await db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'reflection').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0].after_json).not.toContain('private first thought')
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ status: 'draft', bodyLength: 'A private first thought about my guiding'.length })
  })

  it('leaves a draft stage-end reflection out of the record others download', async () => {
    const db = await getDb()
    await seedDemoData(db, today())
    const dan = await db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.trainee_id')
      .select('enrolments.id')
      .where('users.email', '=', 'dan.okafor@demo.attune.test')
      .executeTakeFirstOrThrow()
    const draft = await db.selectFrom('reflections').select('body').where('enrolment_id', '=', dan.id).where('kind', '=', 'stage_end').where('status', '=', 'draft').executeTakeFirstOrThrow()
    const download = async (who: string) => {
      const response = await run(record, getRequest(`/enrolments/${dan.id}/record`, await signInCookie(`${who}@demo.attune.test`, DEMO_PASSWORD)), { enrolmentId: String(dan.id) })
      return strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['record.json'])
    }
    expect(await download('supervisor2')).not.toContain(draft.body)
    expect(await download('lead')).not.toContain(draft.body)
    expect(await download('dan.okafor')).toContain(draft.body)
  })
})
