// Issue 12, the supervisor's and accreditor's decisions in real Chromium, on the demo's Farah Ali
// (Sarah Thompson's trainee, Stage 1, an unread reflection, no journey signs her off): the supervisor
// finds her in the caseload, confirms two sessions in one go, signs Stage 1 off through the summary
// (the unread reflection is listed, and stays on the to-do list afterwards), and the accreditor
// accredits through the summary and opens the new certificate.
import { addDays, today } from '~/utils/dates'
import { expect, expectAccessible, signIn, test } from './fixtures'

// Long pages and axe on a shared two-core machine: more time than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 90_000 })

test('Farah logs two supervision sessions', async ({ page }) => {
  await signIn(page, 'farah.ali@demo.attune.test')
  for (const [days, note] of [
    [-6, 'E2E bulk: first'],
    [-2, 'E2E bulk: second'],
  ] as const) {
    await page.getByRole('link', { name: 'Log supervision' }).click()
    await page.getByLabel('Date of the session').fill(addDays(today(), days))
    await page.getByLabel('Length in minutes').fill('60')
    await page.getByLabel('Remote (video call)').check()
    await page.getByLabel('Notes (optional)').fill(note)
    await page.getByRole('button', { name: 'Save session' }).click()
    await expect(page.getByRole('status')).toBeVisible()
    await page.goto('/trainee')
  }
})

test('her supervisor finds her in the caseload and confirms both sessions at once', async ({ page }) => {
  await signIn(page, 'supervisor@demo.attune.test')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByLabel('Name').fill('farah')
  await page.getByRole('button', { name: 'Show' }).click()
  const caseload = page.getByRole('region', { name: 'Caseload' })
  await expect(caseload.getByRole('row')).toHaveCount(2)
  await expect(caseload).toContainText('Farah Ali')
  await expect(page.getByText('1 of')).toContainText('match')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/supervisor-caseload-1280.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/supervisor-caseload-390.png', fullPage: true })
  await expectAccessible(page)
  await page.setViewportSize({ width: 1280, height: 900 })

  await caseload.getByRole('link', { name: 'Farah Ali', exact: true }).click()
  await expect(page.locator('#needs-you')).toContainText('Confirm or return the supervision session')
  await expect(page.locator('#needs-you')).toContainText('Read the reflection submitted on')
  const supervision = page.locator('#supervision')
  for (const note of ['E2E bulk: first', 'E2E bulk: second']) {
    await supervision.getByRole('row').filter({ hasText: note }).getByRole('checkbox').check()
  }
  await supervision.getByRole('button', { name: 'Confirm selected sessions' }).click()
  const status = page.getByRole('status').filter({ hasText: 'confirmed' })
  await expect(status).toContainText('2 supervision sessions confirmed')
  await expect(status).toBeInViewport()
  await expect(supervision.getByText('To confirm', { exact: true })).toHaveCount(0)
  await expectAccessible(page)

  // The records filter: the unread reflection only, by status; a client code matches no session.
  await page.getByLabel('Status').selectOption({ label: 'Waiting: to confirm, read or review' })
  await page.getByRole('button', { name: 'Show records' }).click()
  await expect(page).toHaveURL(/status=waiting/)
  await expect(page.locator('#reflections')).toContainText('To read')
  await expect(supervision).toContainText('No supervision sessions match.')
  await page.getByRole('link', { name: 'Clear the filter' }).click()
  await expect(supervision.getByRole('row').filter({ hasText: 'E2E bulk: first' })).toContainText('Confirmed')
})

test('signing off with an unread reflection: the summary lists it, the reason is required, and it stays on the to-do list', async ({ page }) => {
  await signIn(page, 'supervisor@demo.attune.test')
  await page.getByRole('region', { name: 'Caseload' }).getByRole('link', { name: 'Farah Ali', exact: true }).click()
  const decision = page.locator('#decision')
  await expect(decision).toContainText('requirements are not met yet')
  await page.screenshot({ path: 'test-results/supervisor-trainee-1280.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/supervisor-trainee-390.png', fullPage: true })
  await expectAccessible(page)
  await page.setViewportSize({ width: 1280, height: 900 })

  await decision.getByRole('button', { name: 'Sign off Stage 1' }).click()
  const summaryHeading = decision.getByRole('heading', { name: 'Check before you sign off Stage 1' })
  await expect(summaryHeading).toBeFocused()
  await expect(decision).toContainText('Not met: 6 more completed cycles')
  await expect(decision.getByRole('heading', { name: 'Reflections not yet read' }).locator('xpath=following-sibling::ul[1]')).toContainText('Reflection on supervision, submitted')
  await expect(decision.getByRole('heading', { name: 'Supervision sessions waiting for confirmation' }).locator('xpath=following-sibling::p[1]')).toContainText('None')
  await page.screenshot({ path: 'test-results/supervisor-sign-off-summary-1280.png', fullPage: false })
  await expectAccessible(page)
  // Nothing is signed off yet.
  await expect(page.getByRole('table', { name: 'Stages' })).not.toContainText('Signed off, awaiting accreditation')

  await decision.getByRole('button', { name: 'Confirm sign-off of Stage 1' }).click()
  await expect(decision.locator('#sign-off-overrideReason-error')).toContainText('To sign off anyway, give the reason')
  await decision.getByLabel('Reason for signing off with a requirement unmet').fill('Cycles from her earlier VERP work recognised by the programme lead')
  await decision.getByRole('button', { name: 'Confirm sign-off of Stage 1' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'signed off' })).toContainText('Stage 1 signed off with a requirement unmet')
  await expect(decision).toContainText('Its records are locked while it waits for the external accreditor')
  await expect(page.locator('#needs-you')).toContainText('Read the reflection submitted on')
  await expectAccessible(page)

  await page.locator('.nhsuk-back-link', { hasText: 'My trainees' }).click()
  await expect(page.getByRole('table', { name: 'To do' }).getByRole('row', { name: /Farah Ali/ })).toContainText('Read the reflection submitted on')
})

test('her accreditor (Mark Reid, a supervisor who also accredits) accredits Farah’s Stage 1 through the summary and opens the new certificate', async ({ page }) => {
  await signIn(page, 'supervisor2@demo.attune.test')
  await page.goto('/accreditor')
  await page
    .getByRole('table', { name: /Waiting for your decision/ })
    .getByRole('link', { name: 'Farah Ali', exact: true })
    .click()
  const accredit = page.getByRole('button', { name: 'Accredit Stage 1' })
  const returnIt = page.getByRole('button', { name: 'Return Stage 1' })
  // Return is the secondary decision: not the green primary button.
  await expect(returnIt).toHaveClass(/nhsuk-button--secondary/)
  await expect(accredit).not.toHaveClass(/nhsuk-button--secondary/)
  await expectAccessible(page)
  await accredit.click()
  await expect(page.getByRole('heading', { name: 'Check before you accredit Stage 1' })).toBeFocused()
  await expect(page.locator('#decision')).toContainText('requirements not met')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Confirm accreditation of Stage 1' }).click()
  await expect(page.getByRole('status')).toContainText('Stage 1 accredited: Farah Ali moves on to the next stage')
  const certificate = page.getByRole('link', { name: /^Certificate AVIG-/ })
  await expect(certificate).toBeVisible()
  await expectAccessible(page)
  await certificate.click()
  await expect(page).toHaveURL(/\/certificates\/AVIG-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Farah Ali')
  await expectAccessible(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('the summary step is a server round-trip: nothing signed off until confirmed', async ({ page }) => {
    await signIn(page, 'supervisor@demo.attune.test')
    await page.goto('/supervisor')
    await page.getByRole('region', { name: 'Caseload' }).getByRole('link', { name: 'Amira Khan', exact: true }).click()
    await page.locator('#decision').getByRole('button', { name: 'Sign off Stage 2' }).click()
    await expect(page.getByRole('link', { name: 'Check the summary and confirm the sign-off' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Check before you sign off Stage 2' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Confirm sign-off of Stage 2' })).toBeVisible()
    await page.getByRole('link', { name: 'Cancel' }).click()
    await expect(page.locator('#decision').getByRole('button', { name: 'Sign off Stage 2' })).toBeVisible()
  })
})
