import { readFileSync } from 'node:fs'
import { pdfText } from '../pdf-text'
import { expect, expectAccessible, signIn, test } from './fixtures'

// The demo programme is the first one seeded.
const REPORT = '/lead/programmes/1/report'

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

test('the lead reads the sustainability plan, tries a later end date, and downloads the PDF', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.goto(REPORT)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sustainability plan')
  // Other journeys move demo trainees on, so the count is whatever the record says now.
  await expect(page.getByText(/^\d+ trainees? cannot finish before .* at their current pace/)).toBeVisible()
  await expect(page.getByRole('img', { name: /Supervision needed each month/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Farah Ali/ }).first()).toBeVisible()
  await expectAccessible(page)

  const later = new Date()
  later.setFullYear(later.getFullYear() + 2)
  await page.getByLabel('Finish by (the funding end date)').fill(isoDate(later))
  await page.getByRole('button', { name: 'Update projections' }).click()
  await expect(page).toHaveURL(/endsOn=/)
  await expect(page.getByText(/^Nothing needs action: every trainee in training is projected to finish by/)).toBeVisible()
  await expect(page.getByRole('status')).toContainText('These projections use your what-if figures')
  await expectAccessible(page)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download this report for commissioners (PDF)' }).click()
  const text = pdfText(new Uint8Array(readFileSync(await (await download).path())))
  expect(text).toContain('Northfield VIG Early Years Programme')
  expect(text).toContain('WHAT-IF FIGURES')
  expect(text).toMatch(/Page 1 of \d/)

  await page.getByRole('link', { name: 'Back to the programme’s own figures' }).click()
  await expect(page.getByText(/^\d+ trainees? cannot finish before/)).toBeVisible()
})

test('a what-if value that is not a number is named beside its field and kept', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.goto(`${REPORT}?capacityHours=lots`)
  await expect(page.getByText('Enter the supervision capacity in hours a month, like 14 or 7.5').first()).toBeVisible()
  await expect(page.getByLabel('Supervisors’ capacity, hours a month')).toHaveValue('lots')
  await expectAccessible(page)
})

test('the report fits a 360px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 })
  await signIn(page, 'lead@demo.attune.test')
  await page.goto(REPORT)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('an import with a mistake in it names the row and column, and offers nothing to import until it is put right', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.goto('/lead/programmes/1/import')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import trainees, cycles and supervision')
  await expectAccessible(page)
  const file = [
    'record_type,email,name,rule_set,current_stage,enrolled_on,stage,started_on,client_code,filmed_on,reviewed_on',
    'trainee,new.trainee@example.org,Nia Evans,aviguk-practitioner-2026,1,2025-09-01,,,,,',
    'stage,new.trainee@example.org,,,,,1,2025-09-15,,,',
    'cycle,new.trainee@example.org,,,,,,,NE-01,2025-10-10,2025-10-03',
  ].join('\n')
  await page.getByLabel('CSV file').setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByText('1 problem to put right: nothing has been imported')).toBeVisible()
  await expect(page.getByText('Row 4, column reviewed_on: the shared review cannot be before the date filmed')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import these records' })).toHaveCount(0)
  await expectAccessible(page)

  await page.getByLabel('CSV file').setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(file.replace('2025-10-10,2025-10-03', '2025-10-03,2025-10-10')) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByText(/No problems found. Ready to import 1 new trainee \(Nia Evans\), 1 cycle and 0 supervision sessions/)).toBeVisible()
  // Importing is covered by the integration tests: the browser journeys share the demo programme.
  await expect(page.getByRole('button', { name: 'Import these records' })).toBeVisible()
  await expectAccessible(page)
})

test('a trainee downloads their whole record to take with them', async ({ page }) => {
  await signIn(page, 'trainee@demo.attune.test')
  await page.goto('/certificates')
  await expectAccessible(page)
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download my whole record (zip)' }).click()
  expect((await download).suggestedFilename()).toMatch(/^VIG record - Amira Khan - \d{4}-\d{2}-\d{2}\.zip$/)
})
