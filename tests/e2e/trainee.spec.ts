// The trainee's workspace in real Chromium, as the demo trainee (Amira Khan, Stage 2). Codes are
// unique per run so the journeys can follow each other on the same demo database.
import type { Page } from '@playwright/test'
import { addDays, today } from '~/utils/dates'
import { expect, expectAccessible, signIn, test } from './fixtures'

const TRAINEE = 'trainee@demo.attune.test'
const daysAgo = (n: number) => addDays(today(), -n)
/** A fresh anonymised code: a letter and four digits. */
const freshCode = (letter: string) => `${letter}${String(Date.now()).slice(-4)}`

async function progress(page: Page, label: string): Promise<string> {
  return (await page.getByRole('progressbar', { name: label }).getAttribute('aria-valuetext')) ?? ''
}

test('the demo trainee adds a client, logs a cycle and a session, reflects, and sees readiness change', async ({ page }) => {
  await signIn(page, TRAINEE)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My progress')
  await expect(page.getByRole('heading', { name: 'Still to do for Stage 2' })).toBeVisible()
  const cyclesBefore = Number((await progress(page, 'Completed cycles')).split(' of ')[0])
  await expectAccessible(page)

  // A client with consent.
  const code = freshCode('K')
  await page.getByRole('link', { name: 'Add a client' }).first().click()
  await expect(page.getByRole('heading', { name: 'Add a client' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Client code').fill(code)
  await page.getByLabel('Parent and infant (under 1)').check()
  await page.getByLabel('The family’s helping question (optional)').fill('I want to understand what she is telling me.')
  await page.getByLabel('Date consent was given').fill(daysAgo(20))
  await page.getByLabel('Supervision', { exact: true }).check()
  await page.getByLabel('Intervision with other trainees').check()
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: `Client ${code}` })).toBeVisible()
  await expect(page.getByRole('status')).toContainText(`Client ${code} added.`)
  await expect(page.getByText('Supervision and intervision', { exact: true })).toBeVisible()
  await expectAccessible(page)

  // A completed cycle with that client, from the client's page.
  await page.getByRole('link', { name: `Log a cycle with ${code}` }).click()
  await expect(page.getByLabel('Client')).toHaveValue(/\d+/)
  await page.getByLabel('Date filmed').fill(daysAgo(10))
  await page.getByLabel('Date of the shared review').fill(daysAgo(3))
  await page.getByLabel('What went well (optional)').fill('Mum noticed the baby turning to her voice.')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save cycle' }).click()
  await expect(page).toHaveURL(/\/trainee$/)
  await expect(page.getByRole('status')).toContainText('Cycle logged')
  expect(await progress(page, 'Completed cycles')).toBe(`${cyclesBefore + 1} of 9`)
  await expect(page.getByText(`Cycle with ${code}`).first()).toBeVisible()

  // A supervision session discussing the client: pending until the supervisor confirms it.
  const pendingBefore = await progress(page, 'Confirmed supervision')
  await page.getByRole('link', { name: 'Log supervision' }).click()
  await page.getByLabel('Date of the session').fill(daysAgo(1))
  await page.getByLabel('Length in minutes').fill('90')
  await page.getByLabel('Group').check()
  await expect(page.getByLabel('Supervisor')).toHaveValue(/\d+/)
  await page.getByLabel(code, { exact: true }).check()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Supervision on')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Waiting for confirmation')
  await expectAccessible(page)

  // A reflection: the browser asks for every rating before submitting, a draft saves without them.
  await page.getByRole('link', { name: 'Reflect on this session' }).click()
  await page.getByLabel('Your reflection').fill('I waited longer and mum found the moment herself.')
  await page.getByRole('button', { name: 'Submit to supervisor' }).click()
  await expect(page.getByText('Choose a rating for being attentive')).toBeVisible()
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status')).toContainText('Draft saved')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Draft')
  await expect(page.getByLabel('Your reflection')).toHaveValue('I waited longer and mum found the moment herself.')
  await expectAccessible(page)
  const principles = ['Being attentive', 'Encouraging initiatives', 'Receiving initiatives', 'Developing attuned interactions', 'Guiding', 'Deepening discussion']
  for (const [i, name] of principles.entries()) {
    await page
      .getByRole('group', { name, exact: true })
      .getByLabel(String((i % 3) + 3), { exact: true })
      .check()
  }
  await page.getByRole('button', { name: 'Submit to supervisor' }).click()
  await expect(page).toHaveURL(/\/trainee$/)
  await expect(page.getByRole('status')).toContainText('Reflection submitted')
  expect(await progress(page, 'Confirmed supervision')).not.toBe(pendingBefore)
  expect(await progress(page, 'Confirmed supervision')).toMatch(/\+ \d+ h( \d+ min)? pending of 8 h$/)

  // Everything is on the timeline, newest first, with its status.
  await page.getByRole('link', { name: 'See everything you have logged' }).click()
  await expect(page.getByRole('heading', { name: 'Everything I have logged' })).toBeVisible()
  await expect(page.getByText('Read-only:').first()).toBeVisible()
  await expectAccessible(page)
  await page
    .getByRole('link', { name: `Cycle with ${code}` })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Cycle with ${code}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Completed')
  await expectAccessible(page)
})

test('a name as a client code and a review before filming are refused, keeping what was typed', async ({ page }) => {
  await signIn(page, TRAINEE)
  await page.goto('/trainee/clients/new')
  await page.getByLabel('Client code').fill('Jane Smith')
  await page.getByLabel('Parent and toddler (1 to 3)').check()
  await page.getByLabel('The family’s helping question (optional)').fill('Calmer bedtimes.')
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByText('“Jane” looks like a name')).toBeVisible()
  await expect(page.getByLabel('Client code')).toHaveValue('Jane Smith')
  await expect(page.getByLabel('Parent and toddler (1 to 3)')).toBeChecked()
  await expect(page.getByLabel('The family’s helping question (optional)')).toHaveValue('Calmer bedtimes.')
  await expectAccessible(page)

  await page.goto('/trainee/cycles/new')
  await page.getByLabel('Client').selectOption({ index: 1 })
  await page.getByLabel('Date filmed').fill(daysAgo(2))
  await page.getByLabel('Date of the shared review').fill(daysAgo(5))
  await page.getByRole('button', { name: 'Save cycle' }).click()
  await expect(page.getByText('The shared review cannot be before the date filmed')).toBeVisible()
  await expect(page.getByLabel('Date filmed')).toHaveValue(daysAgo(2))
  await expect(page.getByLabel('Date of the shared review')).toHaveValue(daysAgo(5))
  await expectAccessible(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('the server refuses a bad cycle beside the field, keeps the values, then saves the corrected one', async ({ page }) => {
    await signIn(page, TRAINEE)
    await page.goto('/trainee/cycles/new')
    await page.getByLabel('Client').selectOption({ label: 'AK-03' })
    await page.getByLabel('Date filmed').fill(daysAgo(4))
    await page.getByLabel('Date of the shared review').fill(daysAgo(6))
    await page.getByLabel('What went well (optional)').fill('Lovely turn-taking.')
    await page.getByRole('button', { name: 'Save cycle' }).click()
    await expect(page.getByRole('alert')).toContainText('There is a problem')
    await expect(page.locator('#reviewed_on-error')).toContainText('The shared review cannot be before the date filmed')
    await expect(page.getByLabel('Client')).toHaveValue(/\d+/)
    await expect(page.getByLabel('What went well (optional)')).toHaveValue('Lovely turn-taking.')
    await expect(page.getByLabel('Date filmed')).toHaveValue(daysAgo(4))
    await page.getByLabel('Date of the shared review').fill(daysAgo(1))
    await page.getByRole('button', { name: 'Save cycle' }).click()
    await expect(page).toHaveURL(/\/trainee$/)
    await expect(page.getByRole('status')).toContainText('Cycle logged')
  })
})

test('a client can be added with the keyboard alone', async ({ page }) => {
  await signIn(page, TRAINEE)
  await page.goto('/trainee/clients/new')
  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '')
  const tabTo = async (name: string) => {
    for (let i = 0; i < 40 && (await focusedName()) !== name; i++) await page.keyboard.press('Tab')
    expect(await focusedName()).toBe(name)
  }
  const code = freshCode('B')
  await tabTo('code')
  await page.keyboard.type(code)
  await page.keyboard.press('Tab')
  expect(await focusedName()).toBe('relationship')
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  expect(await focusedName()).toBe('helping_question')
  await page.keyboard.type('Enjoy playing together.')
  const button = page.getByRole('button', { name: 'Add client' })
  for (let i = 0; i < 20 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(button).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: `Client ${code}` })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'Enjoy playing together.' })).toBeVisible()
})

test.describe('at phone width', () => {
  test.use({ viewport: { width: 360, height: 740 } })
  test('the trainee’s pages fit without sideways scrolling', async ({ page }) => {
    await signIn(page, TRAINEE)
    for (const path of [
      '/trainee',
      '/trainee/clients',
      '/trainee/clients/new',
      '/trainee/cycles/new',
      '/trainee/supervision/new',
      '/trainee/timeline',
      '/trainee/reflections/new?stage-end',
    ]) {
      await page.goto(path)
      const { overflow, widest } = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        widest: [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`)
          .slice(0, 3),
      }))
      expect(overflow, `${path} is wider than the screen: ${widest.join('; ')}`).toBeLessThanOrEqual(0)
      await expectAccessible(page)
    }
  })
})
