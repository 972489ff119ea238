// One person, several roles; organisations and their people (ADR 0018). An admin adds an
// organisation and its programme lead, who sets a password from the e-mailed link and adds a person
// with two roles; a supervisor who also accredits signs in once and moves between both roles' pages.
import { expect, expectAccessible, signIn, signOut, test } from './fixtures'
import { linkPath, waitForMail } from './mail'

const RUTH = 'ruth.okoro@riverside.attune.test'
const RUTH_PASSWORD = 'ruth runs riverside programmes'

test('an admin adds an organisation and its lead; the lead signs in and adds a supervisor who also accredits', async ({ page }) => {
  await signIn(page, 'admin@demo.attune.test')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Organisations' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible()
  await page.getByRole('button', { name: 'Add organisation and send a link' }).click()
  await expect(page.getByText('Enter the organisation’s name').first()).toBeVisible()
  await page.getByLabel('Organisation name').fill('Riverside NHS Foundation Trust')
  await page.getByLabel('Programme lead’s full name').fill('Ruth Okoro')
  await page.getByLabel('Programme lead’s email address').fill(RUTH)
  await page.getByLabel('Programme lead’s job title (optional)').fill('Perinatal mental health lead')
  await page.getByRole('button', { name: 'Add organisation and send a link' }).click()
  await expect(page.getByRole('status')).toContainText(`We have e-mailed Ruth Okoro a link to set their password, at ${RUTH}`)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Riverside NHS Foundation Trust' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'People in Riverside NHS Foundation Trust' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Ruth Okoro/ })).toContainText('Programme lead')
  await expectAccessible(page)
  await signOut(page)

  const mail = await waitForMail(RUTH, /^Set your password for Attune$/)
  await page.goto(linkPath(mail, '/set-password/'))
  await expect(page.getByText('Hello Ruth Okoro')).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill(RUTH_PASSWORD)
  await page.getByLabel('New password again').fill(RUTH_PASSWORD)
  await page.getByRole('button', { name: 'Set password' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await page.getByLabel('Email address').fill(RUTH)
  await page.getByLabel('Password').fill(RUTH_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/lead$/)
  // Her own organisation only: none of Northfield's programmes or people.
  await expect(page.getByText('Northfield VIG Early Years Programme')).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'People' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'People in Riverside NHS Foundation Trust' })).toBeVisible()
  await expect(page.getByText('Sarah Thompson')).toHaveCount(0)
  await page.getByLabel('Full name').fill('Tom Baker')
  await page.getByLabel('Email address').fill('tom.baker@riverside.attune.test')
  await page.getByLabel('Supervisor').check()
  await page.getByLabel('External accreditor').check()
  await expect(page.getByLabel('Programme lead')).toHaveCount(0)
  await page.getByRole('button', { name: 'Add person and send a link' }).click()
  await expect(page.getByRole('status')).toContainText('We have e-mailed Tom Baker a link')
  await expect(page.getByRole('row', { name: /Tom Baker/ })).toContainText('Supervisor, External accreditor')
  await expectAccessible(page)

  // Change his roles on his own page; then deactivate him.
  await page.getByRole('link', { name: 'Tom Baker' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Baker' })).toBeVisible()
  await page.getByLabel('External accreditor').uncheck()
  await page.getByLabel('Trainee').check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toContainText('Tom Baker: changes saved.')
  await expect(page.getByRole('row', { name: /Tom Baker/ })).toContainText('Supervisor, Trainee')
  await page.getByRole('link', { name: 'Tom Baker' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Baker' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Deactivate Tom Baker' }).click()
  await expect(page.getByRole('status')).toContainText('Tom Baker is deactivated')
  await expect(page.getByRole('row', { name: /Tom Baker/ })).toContainText('Deactivated')
  await signOut(page)
})

test('a supervisor who also accredits signs in once and moves between both roles’ pages', async ({ page }) => {
  await signIn(page, 'supervisor2@demo.attune.test')
  await expect(page).toHaveURL(/\/supervisor$/)
  const banner = page.getByRole('banner')
  const menu = page.getByRole('navigation', { name: 'Menu' })
  await expect(banner.locator('summary')).toContainText('Mark Reid')
  await expect(banner.locator('summary')).toContainText('Supervisor')
  await expect(menu.getByRole('link', { name: 'My trainees' })).toBeVisible()
  await expectAccessible(page)

  // The switcher opens by keyboard and lists both roles' homes.
  await banner.locator('summary').focus()
  await page.keyboard.press('Enter')
  const roles = banner.getByRole('list', { name: 'Your roles' })
  await expect(roles.getByRole('link')).toHaveText(['Supervisor (in use)', 'External accreditor'])
  await expectAccessible(page)
  await roles.getByRole('link', { name: 'External accreditor' }).click()
  await expect(page).toHaveURL(/\/accreditor$/)
  await expect(banner.locator('summary')).toContainText('External accreditor')
  await expect(menu.getByRole('link', { name: 'My trainees' })).toHaveCount(0)
  await expect(menu.getByRole('link', { name: 'To accredit' })).toBeVisible()
  // Mark accredits Farah Ali, whom Sarah Thompson supervises.
  await expect(page.getByText('Farah Ali').first()).toBeVisible()
  await expectAccessible(page)

  await banner.locator('summary').click()
  await banner.getByRole('list', { name: 'Your roles' }).getByRole('link', { name: 'Supervisor' }).click()
  await expect(page).toHaveURL(/\/supervisor$/)
  await expect(menu.getByRole('link', { name: 'My trainees' })).toBeVisible()
  await expect(page.getByText('Farah Ali')).toHaveCount(0)
  await signOut(page)
})
