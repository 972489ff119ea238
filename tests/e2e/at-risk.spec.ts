import { expect, expectAccessible, signIn, test } from './fixtures'

test('a stalled trainee sees kind, concrete next steps and projected dates', async ({ page }) => {
  await signIn(page, 'ben.harper@demo.attune.test')
  const outlook = page.getByRole('region', { name: 'Looking ahead' })
  await expect(outlook).toContainText(/could be accredited by \d{1,2} \w{3} \d{4}/)
  await expect(outlook.getByText('Book a supervision session: the last confirmed one was 9 weeks ago')).toBeVisible()
  await expect(outlook.getByText(/Your programme lead has been told/).first()).toBeVisible()
  await expectAccessible(page)
})

test('the lead filters the programme’s trainees to the red flags, sees reasons and projected dates, and the charts', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.getByRole('link', { name: 'Northfield VIG Early Years Programme' }).click()
  await expect(page.getByRole('list', { name: 'At a glance' })).toContainText('enrolled')
  await page.getByLabel('Flags').selectOption('red')
  await page.getByLabel('Sort by').selectOption('last_activity')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/severity=red/)
  const rows = page.getByRole('table', { name: /Trainees on/ }).locator('tbody tr')
  await expect(rows.first()).toContainText('Ben Harper')
  await expect(rows.first()).toContainText('red')
  await expect(rows.first()).toContainText('After funding ends')
  await expect(page.getByRole('table', { name: /Trainees on/ })).not.toContainText('Dan Okafor')
  await expect(page.getByRole('img', { name: /Trainees by stage/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /Projected accreditations by month/ })).toBeVisible()
  await expectAccessible(page)
  await rows
    .first()
    .getByRole('link', { name: /Reasons and concerns/ })
    .click()
  await expect(page.getByRole('heading', { name: /Flags and concerns: Ben Harper/ })).toBeVisible()
})

test.describe('at phone width', () => {
  test.use({ viewport: { width: 360, height: 740 } })
  test('the supervisor sees who needs help first, with flags, without sideways scrolling of the page', async ({ page }) => {
    await signIn(page, 'supervisor@demo.attune.test')
    const caseload = page.getByRole('table', { name: 'Caseload' })
    await expect(caseload.locator('tbody tr').first()).toContainText('red')
    await expect(caseload).toContainText('Projected accreditation')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectAccessible(page)
  })
})
