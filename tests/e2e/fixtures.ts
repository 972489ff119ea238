// Browser test fixtures: every page must be free of console errors and pass an axe check.
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'attune-demo-2026'

export const test = base.extend<{ consoleErrors: string[]; expectedHttpErrors: number[] }>({
  /** Statuses a test means to reach (a 403 page): the browser logs those as errors too. */
  expectedHttpErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedHttpErrors }, use) => {
      const errors: string[] = []
      const expected = (text: string) => expectedHttpErrors.some((status) => text.includes(`status of ${status} `))
      page.on('console', (message) => {
        if (message.type() === 'error' && !expected(message.text())) errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await use(errors)
      expect(errors, 'console errors in the browser').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL('**/login')
}

/** Fails on any WCAG 2.x A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(problems, `accessibility problems on ${page.url()}`).toEqual([])
}
