import { expect, expectAccessible, signIn, signOut, test, DEMO_PASSWORD } from './fixtures'

const roles = [
  { email: 'trainee@demo.attune.test', home: '/trainee', heading: /My progress/, role: 'Trainee' },
  { email: 'supervisor@demo.attune.test', home: '/supervisor', heading: /My trainees/, role: 'Supervisor' },
  { email: 'accreditor@demo.attune.test', home: '/accreditor', heading: /accredit/i, role: 'External accreditor' },
  { email: 'lead@demo.attune.test', home: '/lead', heading: /Programmes/, role: 'Programme lead' },
  { email: 'admin@demo.attune.test', home: '/admin', heading: /Administration/, role: 'Administrator' },
]

test('the sign-in page is accessible', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('heading', { name: 'Sign in to Attune' })).toBeVisible()
  await expectAccessible(page)
})

for (const { email, home, heading, role } of roles) {
  test(`${role} signs in, lands on their home page and signs out`, async ({ page }) => {
    await signIn(page, email)
    await expect(page).toHaveURL(new RegExp(`${home}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    await expect(page.getByRole('banner')).toContainText(role)
    await expectAccessible(page)
    await signOut(page)
    await page.goto(home)
    await expect(page).toHaveURL(/\/login\?redirectTo=/)
  })
}

test('a wrong password gives one clear message and keeps the email', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('Email address').fill('lead@demo.attune.test')
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right')
  await expect(page.getByLabel('Email address')).toHaveValue('lead@demo.attune.test')
  await expectAccessible(page)
})

test('the browser checks a blank form before sending it', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Enter your email address')).toBeVisible()
  await expect(page.getByText('Enter your password')).toBeVisible()
  await expect(page).toHaveURL(/\/login$/)
})

test.describe('pages that are not there or not yours', () => {
  test.use({ expectedHttpErrors: [403, 404] })
  test('another role’s page says 403 and offers the way home; a missing page says 404', async ({ page }) => {
    await signIn(page, 'trainee@demo.attune.test')
    const forbidden = await page.goto('/lead')
    expect(forbidden?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'go to your home page' }).click()
    await expect(page).toHaveURL(/\/trainee$/)
    const missing = await page.goto('/no-such-page')
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('sign-in still works and errors keep the typed email', async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('Email address').fill('supervisor@demo.attune.test')
    await page.getByLabel('Password').fill('nope')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('The email address or password is not right')).toBeVisible()
    await expect(page.getByLabel('Email address')).toHaveValue('supervisor@demo.attune.test')
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/supervisor$/)
  })
})

test.describe('at phone width', () => {
  test.use({ viewport: { width: 360, height: 740 } })
  test('the trainee home fits without sideways scrolling', async ({ page }) => {
    await signIn(page, 'trainee@demo.attune.test')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})

test('pages carry the security headers, and Remix’s scripts run under the nonce', async ({ page }) => {
  const response = await page.goto('/login')
  const headers = response!.headers()
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
  // Hydrated (scripts allowed): the form checks in the browser before sending anything.
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Enter your email address').first()).toBeVisible()
})

test('signing in never leads to another website, whatever redirectTo says', async ({ page }) => {
  await page.goto('/login?redirectTo=%2F%09%2Fevil.example')
  await page.getByLabel('Email address').fill('trainee@demo.attune.test')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/localhost:\d+\/trainee$/)
})
