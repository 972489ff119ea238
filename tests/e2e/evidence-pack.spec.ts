// Oversight that respects people's time (issue 12, points 5, 6, 9 and 10), on the demo programme:
// the external accreditor reads Grace Lin's evidence pack (her Stage 2 has waited 25 days, past the
// rule set's 14: overdue); the lead sees the wait on the programme page, a trainee's flags, projected
// dates and concerns, and reads and filters the audit trail as sentences. Reads only, except two
// audited lock changes on Ben Harper's course that leave his stages as seeded.
import { expect, expectAccessible, signIn, test } from './fixtures'

const PACK_SECTIONS = ['Requirements and totals', 'Cycles', 'Supervision log', 'Session reflections and feedback', 'Meetings', 'Sign-off', 'Written reflection', 'Portfolio']

test('the accreditor sees the overdue stage and reads the evidence pack, section by section', async ({ page }) => {
  await signIn(page, 'accreditor@demo.attune.test')
  const waiting = page.getByRole('table', { name: /Waiting for your decision/ })
  const grace = waiting.getByRole('row', { name: /Grace Lin/ })
  await expect(grace).toContainText('Stage 2')
  await expect(grace.locator('.nhsuk-tag--red')).toHaveText('Overdue: 25 days')
  await expectAccessible(page)
  await grace.getByRole('link', { name: 'Grace Lin' }).click()

  await expect(page.getByRole('heading', { level: 2, name: /Stage 2.*waiting for your decision/ })).toBeVisible()
  const contents = page.getByRole('navigation', { name: 'Evidence pack contents' })
  for (const title of PACK_SECTIONS) {
    await expect(page.getByRole('region', { name: title, exact: true })).toBeVisible()
    await expect(contents.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', /^#pack-/)
  }
  await expect(page.getByRole('region', { name: 'Requirements and totals' })).toContainText('9')
  const cycles = page.getByRole('table', { name: /9 cycles/ })
  await expect(cycles.locator('tbody tr')).toHaveCount(9)
  await expect(cycles.locator('tbody tr').first()).toContainText(/[A-Z]{2}-\d{2}/)
  await expect(cycles.locator('tbody tr').first()).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}/)
  const log = page.getByRole('table', { name: /8 sessions/ })
  await expect(log.locator('tbody tr')).toHaveCount(8)
  await expect(log).toContainText(/Confirmed by Mark Reid on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/)
  await expect(page.getByRole('region', { name: 'Session reflections and feedback' })).toContainText('Good noticing. Next time, try naming the initiative you saw.')
  await expect(page.getByRole('region', { name: 'Meetings' })).toContainText(/Transition meeting|Accreditation meeting|Mid-point presentation/)
  await expect(page.getByRole('region', { name: 'Sign-off' })).toContainText(/Signed off by Mark Reid on \d{1,2} [A-Z][a-z]{2} \d{4}/)
  await expect(page.getByRole('region', { name: 'Written reflection', exact: true })).toContainText('Submitted')
  const portfolio = page.getByRole('link', { name: 'Download the whole portfolio (PDF)' })
  const pdf = await page.request.get((await portfolio.getAttribute('href'))!)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  // The decision still follows the pack.
  await expect(page.getByRole('heading', { name: 'Accredit' })).toBeVisible()
  await expectAccessible(page)

  // A section is reachable from the contents list by keyboard.
  await contents.getByRole('link', { name: 'Supervision log' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#pack-supervision$/)

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: 'test-results/evidence-pack-1280.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/evidence-pack-390.png', fullPage: true })
})

test('the lead sees the overdue wait and the sustainability plan at the top of the programme page', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.getByRole('link', { name: 'Northfield VIG Early Years Programme' }).click()
  const waiting = page.getByRole('table', { name: /Stages waiting for accreditation/ })
  await expect(waiting.getByRole('row', { name: /Grace Lin/ })).toContainText('Dr Helen Price')
  await expect(waiting.getByRole('row', { name: /Grace Lin/ }).locator('.nhsuk-tag--red')).toHaveText('Overdue: 25 days')
  const plan = page.getByRole('link', { name: 'Sustainability plan', exact: true })
  const box = await plan.boundingBox()
  expect(box!.y).toBeLessThan(900) // within the first screen
  await expectAccessible(page)
  await plan.click()
  await expect(page).toHaveURL(/\/report$/)
})

test('the lead reads a trainee’s flags and projected dates, opens the concerns and comes back', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.getByRole('link', { name: 'Northfield VIG Early Years Programme' }).click()
  await page.getByRole('link', { name: 'Ben Harper', exact: true }).first().click()
  const flags = page.getByRole('region', { name: 'Flags and projected dates' })
  await expect(flags).toContainText(/accreditation by \d{1,2} [A-Z][a-z]{2} \d{4}/)
  await expect(flags.locator('.nhsuk-tag--red').first()).toHaveText('Red')
  await expect(flags).toContainText('Next step')
  await expectAccessible(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator('#flags-heading').evaluate((heading) => heading.scrollIntoView())
  await page.screenshot({ path: 'test-results/lead-trainee-390.png', fullPage: false })
  await page.setViewportSize({ width: 1280, height: 900 })
  await flags.getByRole('link', { name: /Concerns and action plans/ }).click()
  await expect(page.getByRole('heading', { name: 'Flags and concerns: Ben Harper' })).toBeVisible()
  await page.getByRole('link', { name: 'Ben Harper', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Harper' })).toBeVisible()
})

test('the lead reads the audit trail as sentences and filters it by action and by person', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.getByRole('link', { name: 'Northfield VIG Early Years Programme' }).click()
  await page.getByRole('link', { name: 'Ben Harper', exact: true }).first().click()
  // Two audited changes by the lead: the course's records unlocked with a reason, then locked again.
  const course = page.getByRole('table', { name: 'Stages' }).getByRole('row', { name: /^Initial Training Course/ })
  await course.getByLabel('Why the records need to change').fill('The course date was typed wrong')
  await course.getByRole('button', { name: /^Unlock/ }).click()
  await expect(page.getByRole('status')).toContainText('Stage records unlocked')
  await page
    .getByRole('table', { name: 'Stages' })
    .getByRole('row', { name: /^Initial Training Course/ })
    .getByRole('button', { name: /^Lock .* again/ })
    .click()
  await expect(page.getByRole('status')).toContainText('Stage records locked again')

  const audit = page.getByRole('table', { name: /Audit trail/ })
  await expect(audit).toContainText('Priya Patel unlocked the records of Ben Harper’s Initial Training Course for correction')
  await expect(audit).toContainText('Reason: The course date was typed wrong')
  await expect(audit).toContainText('Priya Patel locked the records of Ben Harper’s Initial Training Course again')
  await expect(audit).toContainText(/Mark Reid|Sarah Thompson/)
  await expect(audit).toContainText(/signed off Ben Harper’s Initial Training Course/)
  await expect(audit).toContainText('Priya Patel enrolled Ben Harper, starting')
  await expect(audit).not.toContainText(/_id|stageNumber|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/)
  await expect(audit.locator('tbody tr').first().locator('td').first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)
  await expectAccessible(page)

  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Stage records unlocked' })
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  await expect(page).toHaveURL(/auditAction=stage\.unlocked/)
  await expect(audit.locator('tbody tr')).toHaveCount(1)
  await expect(audit).toContainText('Priya Patel unlocked the records')
  await expect(page.getByRole('link', { name: 'Download the audit trail (CSV)' })).toHaveAttribute('href', /audit\.csv\?auditAction=stage\.unlocked/)

  await page.getByRole('link', { name: 'Show the whole trail' }).click()
  await expect(page.getByRole('link', { name: 'Show the whole trail' })).toHaveCount(0)
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue('')
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Priya Patel' })
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  await expect(page).toHaveURL(/auditBy=\d+/)
  await expect(page.getByRole('link', { name: 'Show the whole trail' })).toBeVisible()
  // Only the lead's own rows (a concern another journey raised may be among them).
  await expect(audit).toContainText('Priya Patel enrolled Ben Harper')
  await expect(audit).not.toContainText(/signed off|Mark Reid|Sarah Thompson/)
  for (const text of await audit.locator('tbody tr').allTextContents()) expect(text).toContain('Priya Patel')
  await expectAccessible(page)

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.locator('#audit-heading').evaluate((heading) => heading.scrollIntoView())
  await page.screenshot({ path: 'test-results/audit-trail-1280.png', fullPage: false })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator('#audit-heading').evaluate((heading) => heading.scrollIntoView())
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'test-results/audit-trail-390.png', fullPage: false })
})
