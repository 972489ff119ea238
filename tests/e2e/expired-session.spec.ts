// Nothing typed is ever lost: a trainee writes a long reflection, her session runs out, she presses
// Save, signs in again and finds her text back in the form (issue 10, part 4).
import sqlite3 from 'sqlite3'
import { expect, expectAccessible, signIn, test, DEMO_PASSWORD } from './fixtures'

const TRAINEE = 'trainee@demo.attune.test'
const DATABASE = `data/e2e-${process.env.E2E_PORT ?? 3100}.sqlite`
const TEXT = 'This stage I learned to wait for the parent’s initiative before naming it. '.repeat(40).slice(0, 2500)

/** Ends every session, as twelve idle hours would: the rows stay, their time has run out. */
function endAllSessions(): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(DATABASE)
    db.configure('busyTimeout', 5000)
    db.run("UPDATE sessions SET expires_at = '2020-01-01T00:00:00.000Z'", (error) => db.close(() => (error ? reject(error) : resolve())))
  })
}

test('a reflection saved after the session ended is put back after signing in again', async ({ page }) => {
  await signIn(page, TRAINEE)
  await page.goto('/trainee/reflections/new?stage-end')
  await page.getByLabel('Your written reflection').fill(TEXT)
  await endAllSessions()
  await page.getByRole('button', { name: 'Save draft' }).click()

  await page.waitForURL('**/login?**')
  await expect(page.getByRole('alert')).toContainText('What you typed has been kept')
  await expectAccessible(page)
  await page.getByLabel('Email address').fill(TRAINEE)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await page.waitForURL(/\/trainee\/reflections\/new\?stage-end/)
  await expect(page.getByRole('status')).toContainText('What you typed has been put back')
  await expect(page.getByLabel('Your written reflection')).toHaveValue(TEXT)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status')).toContainText('Draft saved')
  await expect(page.getByLabel('Your written reflection')).toHaveValue(TEXT)
})
