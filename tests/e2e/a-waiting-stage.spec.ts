// Work goes on while a stage waits for accreditation (issue 11, ADR 0016), as the demo's Grace Lin
// sees it: her Stage 2 is signed off and waits for the external accreditor, so her home explains that
// work from the day after sign-off counts towards Stage 3, provisionally. Reads only, so the journeys
// that accredit her later (oversight.spec.ts) find the demo as seeded; the file name runs it first.
import { expect, expectAccessible, signIn, test } from './fixtures'

test('a trainee whose stage waits for accreditation sees where new work counts, and can log it', async ({ page }) => {
  await signIn(page, 'grace.lin@demo.attune.test')
  const notice = page.locator('#waiting-for-accreditation')
  await expect(notice).toContainText('Stage 2 is signed off and waiting for your external accreditor.')
  await expect(notice).toContainText('count towards Stage 3. They are provisional until Stage 2 is accredited')
  await expect(notice).toContainText('If the accreditor returns Stage 2, that work counts towards Stage 2 again')
  await expect(page.getByRole('heading', { name: 'Still to do for Stage 3 Provisional' })).toBeVisible()
  await expect(page.getByText('Stage 2 could be ready by')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Log a cycle' })).toBeVisible()
  await expectAccessible(page)
  await page.setViewportSize({ width: 390, height: 900 })
  await expect(notice).toBeVisible()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/waiting-stage-390.png', fullPage: true })
})
