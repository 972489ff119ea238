// The evaluation in real Chromium: a trainee scores a family who consented to evaluation, a family
// answers a one-time feedback link on a phone with no account, and the lead reads the evaluation
// and its PDF. Codes are unique per run so the journeys can follow each other on the demo database.
import { readFileSync } from 'node:fs'
import { addDays, today } from '~/utils/dates'
import { pdfText } from '../pdf-text'
import { expect, expectAccessible, signIn, signOut, test } from './fixtures'

const daysAgo = (n: number) => addDays(today(), -n)

test('a trainee scores a family before and after VIG, a family gives feedback by link, and the lead reads the evaluation and its PDF', async ({ page, browser }) => {
  // A long journey through three people on a shared two-core machine.
  test.setTimeout(120_000)
  await signIn(page, 'trainee@demo.attune.test')
  const code = `E${String(Date.now()).slice(-4)}`
  await page.goto('/trainee/clients/new')
  await page.getByLabel('Client code').fill(code)
  await page.getByLabel('Parent and infant (under 1)').check()
  await page.getByLabel('Date consent was given').fill(daysAgo(60))
  await page.getByLabel('Supervision', { exact: true }).check()
  await page.getByLabel('The programme’s evaluation').check()
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: `Client ${code}` })).toBeVisible()
  await expect(page.getByText('Supervision and evaluation', { exact: true })).toBeVisible()

  // Before VIG.
  await page.getByLabel('Measure').selectOption({ label: 'Parenting Stress Index, Short Form (PSI-SF) (36 to 180)' })
  await page.getByLabel('Before VIG').check()
  await page.getByLabel('Score', { exact: true }).fill('104')
  await page.getByLabel('Date of the score').fill(daysAgo(55))
  await page.getByRole('button', { name: 'Save score' }).click()
  await expect(page.getByRole('status')).toContainText('Score saved.')
  await expectAccessible(page)

  // After VIG, first with a score out of range: the message is beside the field, the typing kept.
  await page.getByLabel('Measure').selectOption({ label: 'Parenting Stress Index, Short Form (PSI-SF) (36 to 180)' })
  await page.getByLabel('After VIG').check()
  await page.getByLabel('Score', { exact: true }).fill('250')
  await page.getByLabel('Date of the score').fill(daysAgo(2))
  await page.getByRole('button', { name: 'Save score' }).click()
  await expect(page.getByText('Scores on Parenting Stress Index, Short Form (PSI-SF) go from 36 to 180: enter a score in that range').first()).toBeVisible()
  await expect(page.getByLabel('Score', { exact: true })).toHaveValue('250')
  await expectAccessible(page)
  await page.getByLabel('Score', { exact: true }).fill('88')
  await page.getByRole('button', { name: 'Save score' }).click()
  await expect(page.getByRole('status')).toContainText('Score saved.')
  const scores = page.getByRole('region', { name: `${code}’s scores` })
  await expect(scores.getByRole('row', { name: /After VIG 88/ })).toBeVisible()

  // A one-time link for a family.
  await page.goto('/trainee/feedback')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Make a one-time link for a family' }).click()
  const link = await page.getByLabel('Feedback link for a family').inputValue()
  await signOut(page)

  const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'en-GB' })
  const family = await phone.newPage()
  await family.goto(link)
  await expect(family.getByRole('heading', { level: 1 })).toHaveText('Your feedback on Video Interaction Guidance')
  await expectAccessible(family)
  await family.getByRole('group', { name: 'How acceptable was taking part in VIG?' }).getByLabel('5').check()
  await family.getByRole('group', { name: 'How easy was it to fit into your life?' }).getByLabel('4').check()
  await family.getByLabel('What helped?').fill('Seeing the good moments with my baby.')
  await family.getByRole('button', { name: 'Send feedback' }).click()
  await expect(family.getByRole('heading', { name: 'Thank you' })).toBeVisible()
  await family.goto(link)
  await expect(family.getByText(/This link does not work/)).toBeVisible()
  await phone.close()

  // The lead: from the sustainability plan to the evaluation and its PDF.
  await signIn(page, 'lead@demo.attune.test')
  await page.goto('/lead/programmes/1/report')
  await page.getByRole('link', { name: 'Did VIG help the families? The programme’s evaluation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did VIG help the families?')
  await expect(page.getByRole('img', { name: /Mean scores before and after VIG/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Parenting Stress Index, Short Form (PSI-SF)' })).toBeVisible()
  await expect(page.getByText(/On average, parenting stress improved/)).toBeVisible()
  await expect(page.getByText('Seeing the good moments with my baby.')).toBeVisible()
  await expect(page.getByText(code)).toHaveCount(0)
  await expectAccessible(page)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download the evaluation for commissioners (PDF)' }).click()
  const text = pdfText(new Uint8Array(readFileSync(await (await download).path())))
  expect(text).toContain('Did VIG help the families?')
  expect(text).toContain('Parenting Stress Index, Short Form (PSI-SF)')
  expect(text).toMatch(/Mean change \(95% confidence interval\)\s*−\d+\.\d \(−\d+\.\d to −\d+\.\d\)/)
  expect(text).toContain('Seeing the good moments with my baby.')
  expect(text).not.toContain(code)
})

test('the evaluation fits a 390px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 })
  await signIn(page, 'lead@demo.attune.test')
  await page.goto('/lead/programmes/1/evaluation')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
