// Rule-set versions in real Chromium (ADR 0017): an admin publishes a provider's variant of the 2026
// model (Stage 3 with 4 new clients), a lead enrols a trainee on it, and that trainee's readiness
// follows the variant. Screenshots of the draft editor at 1280 and 390 px go to test-results/.
import { expect, expectAccessible, signIn, signOut, test } from './fixtures'

const VARIANT = 'Northshire: 4 new clients in Stage 3'

test.describe.configure({ mode: 'serial' })

test('an admin copies the 2026 model into a draft, is told what is wrong by field, and publishes a Stage 3 with 4 new clients', async ({ page }) => {
  await signIn(page, 'admin@demo.attune.test')
  await page.goto('/admin')
  await page.getByRole('link', { name: 'AVIGuk practitioner pathway (current)' }).click()
  await page.getByRole('button', { name: 'Create a new version from this one' }).click()
  await expect(page.getByRole('status')).toContainText('New version created as a draft')
  await expect(page.getByText('This is a draft: no trainee can be enrolled on it until it is published.')).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Name of this version').fill(VARIANT)
  await page.getByRole('button', { name: 'Save name and award' }).click()
  await expect(page.getByRole('heading', { level: 1, name: VARIANT })).toBeVisible()

  const stage3 = page.getByRole('region', { name: 'Stage 3' })
  // More new clients than cycles is refused beside the field, with what was typed kept.
  await stage3.getByLabel('New clients in this stage').fill('13')
  await stage3.getByRole('button', { name: 'Save Stage 3' }).click()
  await expect(stage3.getByText('New clients cannot be more than the 12 cycles')).toBeVisible()
  await expect(stage3.getByLabel('New clients in this stage')).toHaveValue('13')
  await expectAccessible(page)

  await stage3.getByLabel('New clients in this stage').fill('4')
  await stage3.getByRole('button', { name: 'Save Stage 3' }).click()
  await expect(page.getByRole('status')).toContainText('Stage 3 saved')
  await expect(page.getByRole('region', { name: 'Stage 3' }).getByLabel('New clients in this stage')).toHaveValue('4')

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `test-results/rule-set-editor-${width}.png` })
    await page.getByRole('region', { name: 'Stage 3' }).screenshot({ path: `test-results/rule-set-editor-stage-3-${width}.png` })
  }
  await page.setViewportSize({ width: 1280, height: 720 })

  await page.getByRole('button', { name: 'Publish this version' }).click()
  await expect(page.getByRole('status')).toContainText('Version published')
  await expect(page.getByText('In use for new enrolments')).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: 'Stage requirements' })
      .getByRole('row', { name: /^Stage 3/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('4')
  await expect(page.getByRole('button', { name: 'Save Stage 3' })).toHaveCount(0)
  await expectAccessible(page)
  await signOut(page)
})

test('a lead enrols a trainee on the variant, whose Stage 3 readiness asks 4 new clients', async ({ page }) => {
  await signIn(page, 'lead@demo.attune.test')
  await page.goto('/lead/programmes/1/people')
  await page.getByLabel('Full name').fill('Nia Evans')
  await page.getByLabel('Email address').fill('nia.evans@demo.attune.test')
  await page.getByLabel('Trainee').check()
  await page.getByRole('button', { name: 'Add person and send a link' }).click()
  await expect(page.getByRole('status')).toContainText('Nia Evans')

  await page.goto('/lead/programmes/1/enrol')
  await page.getByLabel('Trainee').selectOption({ label: 'Nia Evans' })
  await page.getByLabel('Rule set').selectOption({ label: `${VARIANT} (version 4)` })
  await page.getByLabel('Starting stage').selectOption({ value: '3' })
  await page.getByLabel('Why earlier stages are recognised').fill('Accredited in Stages 1 and 2 with another provider; certificates seen.')
  await page.getByLabel('Supervisor', { exact: true }).selectOption({ label: 'Sarah Thompson' })
  await page.getByLabel('External accreditor').selectOption({ label: 'Dr Helen Price (external accreditor)' })
  await page.getByRole('button', { name: 'Enrol trainee' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nia Evans' })).toBeVisible()

  const readiness = page.getByRole('table', { name: 'Stage 3: evidence so far' })
  await expect(readiness.getByRole('row', { name: /New clients this stage/ })).toContainText('0/4')
  await expect(readiness.getByRole('row', { name: /New clients this stage/ })).toContainText('4 more new clients this stage')
  await expect(page.getByText(`Follows ${VARIANT}, version 4.`)).toBeVisible()

  // Compared with the 2026 model, only Stage 3's new clients differ.
  await page.getByLabel('Compare with').selectOption({ label: 'AVIGuk practitioner pathway (current) (version 3)' })
  await page.getByRole('button', { name: 'See what changes' }).click()
  const differences = page.getByRole('table', { name: 'Requirements that differ' })
  await expect(differences.getByRole('row')).toHaveCount(2)
  await expect(differences).toContainText('New clients')
  await expectAccessible(page)
})
