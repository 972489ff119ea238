import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { getRequest, run, signInCookie } from '../../http'
import { pdfText } from '../../pdf-text'
import { loader as record } from '~/routes/enrolments.$enrolmentId.record'
import { getDb } from '~/utils/db.server'

async function amira() {
  const db = await getDb()
  await seedDemoData(db, '2026-11-24')
  const { id } = await db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.trainee_id')
    .select('enrolments.id')
    .where('users.email', '=', 'trainee@demo.attune.test')
    .executeTakeFirstOrThrow()
  const download = async (who: string) => run(record, getRequest(`/enrolments/${id}/record`, await signInCookie(`${who}@demo.attune.test`, DEMO_PASSWORD)), { enrolmentId: String(id) })
  return { db, id, download }
}

describe('a trainee’s whole record', () => {
  it('zips the portable JSON, the evidence as CSV and the portfolio PDF, with clients only as codes', async () => {
    const { db, id, download } = await amira()
    const response = await download('trainee')
    expect(response.headers.get('Content-Type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['cycles.csv', 'portfolio.pdf', 'record.json', 'sign_offs.csv', 'stages.csv', 'supervision_sessions.csv'])

    const json = JSON.parse(strFromU8(files['record.json']))
    expect(json).toMatchObject({
      format: 'attune-trainee-record',
      version: 1,
      trainee: { name: 'Amira Khan', email: 'trainee@demo.attune.test' },
      currentStage: 2,
      ruleSet: { key: 'aviguk-practitioner-2026' },
    })
    expect(json.stages.map((s: { name: string; status: string }) => `${s.name}: ${s.status}`)).toEqual(['Initial Training Course: completed', 'Stage 1: accredited', 'Stage 2: in_progress'])
    const cycles = await db.selectFrom('cycles').select('id').where('enrolment_id', '=', id).execute()
    expect(json.cycles).toHaveLength(cycles.length)
    expect(json.clients.map((c: { code: string }) => c.code)).toEqual(['AK-01', 'AK-02', 'AK-03', 'AK-04'])
    expect(json.certificates.map((c: { level: string }) => c.level)).toEqual(['Stage 1'])
    // Her own reflections travel with her.
    expect(json.reflections.filter((r: { text: string | null }) => r.text?.includes('I waited longer before speaking')).length).toBeGreaterThan(0)
    expect(strFromU8(files['supervision_sessions.csv']).split('\r\n')[0]).toBe('email,held_on,minutes,format,stage,status,supervisor_email')

    const everything = Object.entries(files)
      .filter(([name]) => name !== 'portfolio.pdf')
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n')
    expect(everything).not.toMatch(/my baby|bath time|turn-taking|Looked at clips/)
    expect(pdfText(files['portfolio.pdf'])).toContain('Amira Khan')
  }, 60_000)

  it('is for those who may see the enrolment; only the trainee gets their reflections after supervision', async () => {
    const { download } = await amira()
    expect((await download('ben.harper')).status).toBe(404)
    expect((await download('supervisor2')).status).toBe(404)
    const lead = await download('lead')
    expect(lead.status).toBe(200)
    const json = JSON.parse(strFromU8(unzipSync(new Uint8Array(await lead.arrayBuffer()))['record.json']))
    const texts = json.reflections.map((r: { kind: string; text: string | null }) => [r.kind, r.text !== null])
    expect(texts.filter(([kind, shown]: [string, boolean]) => kind === 'session' && shown)).toEqual([])
    expect(texts).toContainEqual(['stage_end', true])
  }, 60_000)
})
