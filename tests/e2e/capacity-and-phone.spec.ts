// Issue 12, points 7, 8, 11–13: the lead sees each supervisor's overload in the report and its PDF;
// a trainee on a 390 × 844 phone has a short header, a menu that reaches every page, a compact
// reflection form, a timeline filter, and a flash message shown once.
import { readFileSync } from 'node:fs'
import { pdfText } from '../pdf-text'
import { expect, expectAccessible, signIn, test } from './fixtures'

const SHOTS = process.env.SCREENSHOT_DIR

async function shoot(page: import('@playwright/test').Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

test('the lead sees one supervisor over her capacity though the pool is not, on the page and in the PDF', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'lead@demo.attune.test')
  await page.goto('/lead/programmes/1/report')
  const table = page.getByRole('table', { name: /Each supervisor’s time/ })
  await expect(table.getByRole('row', { name: /Sarah Thompson/ })).toContainText(/Not enough: \d+ h( \d+ min)? short/)
  await expect(table.getByRole('row', { name: /Mark Reid/ })).toContainText(/Enough: .* spare/)
  await expect(page.getByText(/a month for Sarah Thompson \(\d+ h( \d+ min)? needed, 8 h available a month\)/)).toBeVisible()
  await expect(page.getByText(/amber from|red from/)).toHaveCount(0)
  await expectAccessible(page)
  await shoot(page, 'report-1280')
  if (SHOTS) {
    await table.screenshot({ path: `${SHOTS}/report-supervisors-1280.png` })
    await page.getByRole('img', { name: /Supervision needed each month/ }).screenshot({ path: `${SHOTS}/report-demand-chart-1280.png` })
    await page.getByRole('img', { name: /Projected accreditations by quarter/ }).screenshot({ path: `${SHOTS}/report-quarters-chart-1280.png` })
  }
  await page.setViewportSize({ width: 390, height: 844 })
  await shoot(page, 'report-390')

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download this report for commissioners (PDF)' }).click()
  const text = pdfText(new Uint8Array(readFileSync(await (await download).path()))).replace(/\s+/g, ' ')
  expect(text).toMatch(/Add \d+ h( \d+ min)? a month for Sarah Thompson \(\d+ h( \d+ min)? needed, 8 h available a month\)/)
  expect(text).toContain('Enough time?')
  expect(text).toContain('Funding ends')
  expect(text).not.toMatch(/amber from|red from/)
})

test('a trainee on a phone: a short header, a menu to every page, and a flash shown once', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, 'trainee@demo.attune.test')
  await shoot(page, 'trainee-header-390')
  const header = await page.locator('header.nhsuk-header').boundingBox()
  expect(header!.height).toBeLessThanOrEqual(120)
  const menu = page.getByRole('navigation', { name: 'Menu' })
  for (const [link, heading] of [
    ['My clients', /clients/i],
    ['Everything logged', 'Everything I have logged'],
    ['Feedback', /feedback/i],
    ['Certificates and portfolio', 'Certificates'],
  ] as const) {
    await menu.getByRole('link', { name: link }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
  }
  await expect(page.getByRole('link', { name: 'Download my portfolio (PDF)' })).toBeVisible()
  await expectAccessible(page)
  await menu.getByRole('link', { name: 'My progress' }).click()
  await shoot(page, 'trainee-home-390')
  await expectAccessible(page)

  // The timeline filters by type and stage on the server; why a stage is read-only is said once.
  await menu.getByRole('link', { name: 'Everything logged' }).click()
  await page.getByLabel('Type').selectOption({ label: 'Supervision' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/kind=session/)
  const items = page.locator('.app-timeline__item')
  await expect(items.first()).toBeVisible()
  for (const title of await items.getByRole('link').allTextContents()) expect(title).toMatch(/^Supervision session/)
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Stage 1' })
  await page.getByLabel('Type').selectOption({ label: 'Everything' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/stage=1/)
  expect(await items.count()).toBeGreaterThan(1)
  await expect(page.getByText('Read-only:')).toHaveCount(1)
  await expect(items.getByText('Read-only', { exact: true })).toHaveCount(await items.count())
  await shoot(page, 'trainee-timeline-390')
  await expectAccessible(page)

  // The reflection form: each principle's 1–5 in one row with the scale's meaning under it.
  await page.goto('/trainee/timeline?kind=session')
  await items.first().getByRole('link').click()
  await page.getByRole('link', { name: 'Reflect on this session' }).click()
  const attentive = page.getByRole('group', { name: /being attentive/i })
  await expect(attentive.getByText('1 is not yet')).toBeVisible()
  await expect(attentive.getByText('5 is consistently')).toBeVisible()
  const one = await attentive.getByLabel('1', { exact: true }).boundingBox()
  const five = await attentive.getByLabel('5', { exact: true }).boundingBox()
  expect(Math.abs(one!.y - five!.y)).toBeLessThan(4)
  await shoot(page, 'reflection-form-390')
  await expectAccessible(page)

  // A flash message shows on the page after the form, and not again on the next.
  await page.goto('/trainee/clients/new')
  await page.getByLabel('Client code').fill('PH-01')
  await page.getByLabel('Parent and toddler (1 to 3)').check()
  await page.getByRole('button', { name: 'Add client' }).click()
  const flash = page.getByRole('status').filter({ hasText: /added/i })
  await expect(flash).toBeVisible()
  await menu.getByRole('link', { name: 'Everything logged' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Everything I have logged')
  await expect(flash).toHaveCount(0)
  await menu.getByRole('link', { name: 'My clients' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/clients/i)
  await expect(flash).toHaveCount(0)
})

test('the trainee’s pages at desktop width, for the record', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'trainee@demo.attune.test')
  await shoot(page, 'trainee-home-1280')
  await page.goto('/trainee/timeline?stage=2')
  await shoot(page, 'trainee-timeline-1280')
  await page.goto('/trainee/timeline?kind=session')
  await page.locator('.app-timeline__item').first().getByRole('link').click()
  await page.getByRole('link', { name: 'Reflect on this session' }).click()
  await expect(page.getByRole('group', { name: /being attentive/i }).getByText('1 is not yet')).toBeVisible()
  await shoot(page, 'reflection-form-1280')
  await expectAccessible(page)
})

test('admin pages fit 1280 px without sideways scrolling, the stage table included', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'admin@demo.attune.test')
  await page
    .getByRole('link', { name: /AVIGuk practitioner pathway \(current\)/ })
    .first()
    .click()
  await expect(page.getByRole('region', { name: 'Stage requirements' })).toBeVisible()
  // The page does not scroll sideways, and every column of the stage table lies within its region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  const region = page.getByRole('region', { name: 'Stage requirements' })
  const fits = await region.evaluate((r) => [...r.querySelectorAll('th, td')].every((c) => c.getBoundingClientRect().right <= r.getBoundingClientRect().right))
  expect(fits).toBe(true)
  expect(await region.evaluate((r) => r.scrollWidth - r.clientWidth)).toBeLessThanOrEqual(0)
  await shoot(page, 'admin-rule-set-1280')
  await page.setViewportSize({ width: 390, height: 844 })
  await shoot(page, 'admin-rule-set-390')
  await expectAccessible(page)
})
