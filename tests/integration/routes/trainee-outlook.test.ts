import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { getRequest, run, signInCookie } from '../../http'
import { loader } from '~/routes/trainee._index'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

describe('the trainee’s outlook', () => {
  it('gives a stalled trainee concrete next steps and projected dates, without the erasure reminder twice', async () => {
    await seedDemoData(await getDb(), today())
    const cookie = await signInCookie('ben.harper@demo.attune.test', DEMO_PASSWORD)
    const { enrolled, attention } = await (await run(loader, getRequest('/trainee', cookie))).json()
    const steps = enrolled.flags.filter((f: { actor: string }) => f.actor === 'trainee').map((f: { nextStep: string }) => f.nextStep)
    expect(steps).toContain('Book a supervision session: the last confirmed one was 9 weeks ago')
    expect(enrolled.flags.some((f: { code: string }) => f.code.startsWith('recordings_'))).toBe(false)
    expect(attention.some((a: { text: string }) => /erase/i.test(a.text))).toBe(true)
    expect(enrolled.forecast.basisText).toBe('from the expected 9 months a stage')
    expect(enrolled.forecast.accreditationOn > enrolled.fundingEndsOn).toBe(true)
  })

  it('shows an on-track trainee no next steps to worry about', async () => {
    await seedDemoData(await getDb(), today())
    const cookie = await signInCookie('dan.okafor@demo.attune.test', DEMO_PASSWORD)
    const { enrolled } = await (await run(loader, getRequest('/trainee', cookie))).json()
    expect(enrolled.flags).toEqual([])
    expect(enrolled.forecast.basisText).toBe('at your pace over the last 90 days')
  })
})
