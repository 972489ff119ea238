// E-mail in real Chromium, through a real SMTP server (tests/e2e/smtp-sink.ts): a forgotten
// password reset from the e-mailed link, and the admin's Outbox page.
import { DEMO_PASSWORD, expect, expectAccessible, signIn, signOut, test } from './fixtures'
import { linkPath, waitForMail } from './mail'

const CHLOE = 'chloe.evans@demo.attune.test'
const NEW_PASSWORD = 'chloe chose a new passphrase'

test('Chloe resets a forgotten password from the e-mailed link; the old password stops working', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgotten your password?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Forgotten your password?' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send me a link' }).click()
  await expect(page.getByText('Enter your email address')).toBeVisible()
  await page.getByLabel('Email address').fill(CHLOE)
  await page.getByRole('button', { name: 'Send me a link' }).click()
  await expect(page.getByRole('status')).toContainText(`If ${CHLOE} has an Attune account, we have e-mailed it a link`)
  await expectAccessible(page)

  const mail = await waitForMail(CHLOE, /^Reset your Attune password$/)
  expect(mail.text).toContain('The link below works once, for 60 minutes.')
  expect(mail.listUnsubscribe).toBeNull()
  const path = linkPath(mail, '/set-password/')
  await page.goto(path)
  await expect(page.getByText('Hello Chloe Evans')).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('New password again').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Set password' }).click()
  await expect(page.getByRole('status')).toContainText('Your password is set')

  // The old password no longer works.
  await page.getByLabel('Email address').fill(CHLOE)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('The email address or password is not right')).toBeVisible()
  // The new one does.
  await page.getByLabel('Password').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/trainee$/)
  await signOut(page)
  // The link was used up.
  await page.goto(path)
  await expect(page.getByText('This link does not work')).toBeVisible()
})

test('the admin sees what was sent on the Outbox page', async ({ page }) => {
  await signIn(page, 'admin@demo.attune.test')
  await page.getByRole('link', { name: /Outbox/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  await expect(page.getByText('E-mail goes through the relay at 127.0.0.1:')).toBeVisible()
  const row = page.getByRole('row', { name: /chloe\.evans@demo\.attune\.test/ }).first()
  await expect(row).toContainText('Reset your Attune password')
  await expect(row).toContainText('Sent')
  await expectAccessible(page)
  await page.setViewportSize({ width: 390, height: 800 })
  await expectAccessible(page)
})
