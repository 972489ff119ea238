import { readFileSync } from 'node:fs'
import { pdfText } from '../pdf-text'
import { expect, expectAccessible, signIn, signOut, test } from './fixtures'

test('the trainee downloads their portfolio, marked in progress', async ({ page }) => {
  await signIn(page, 'trainee@demo.attune.test')
  await page.goto('/certificates')
  await expectAccessible(page)
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download my portfolio (PDF)' }).click()
  const file = await (await download).path()
  const text = pdfText(new Uint8Array(readFileSync(file)))
  expect(text).toContain('Amira Khan')
  expect(text).toContain('IN PROGRESS')
  expect(text).toMatch(/Page 1 of \d/)
})

test.describe('checking and revoking certificates', () => {
  test.use({ expectedHttpErrors: [404] })

  test('a certificate verifies publicly; once revoked, the same page says so', async ({ page }) => {
    await signIn(page, 'lead@demo.attune.test')
    await page.goto('/certificates')
    await expectAccessible(page)
    const row = page.getByRole('row').filter({ hasText: 'Chloe Evans' }).filter({ hasText: 'Stage 1' })
    const number = (await row.getByRole('link').textContent())!.trim()
    await signOut(page)

    await page.goto(`/verify/${number}`)
    await expect(page.getByText('Valid', { exact: true })).toBeVisible()
    await expect(page.getByText('Chloe Evans')).toBeVisible()
    await expect(page.getByText('Stage 1', { exact: true })).toBeVisible()
    await expectAccessible(page)

    await signIn(page, 'lead@demo.attune.test')
    await page.goto(`/certificates/${number}`)
    await page.getByRole('button', { name: 'Revoke certificate' }).click()
    await expect(page.getByText('Enter the reason for revoking this certificate').first()).toBeVisible()
    await page.getByLabel('Why is it being revoked?').fill('Issued to the wrong record')
    await page.getByRole('button', { name: 'Revoke certificate' }).click()
    await expect(page.getByRole('status')).toContainText('Certificate revoked')
    await expectAccessible(page)
    await signOut(page)

    await page.goto(`/verify/${number}`)
    await expect(page.getByRole('heading', { name: /Revoked/ })).toBeVisible()
    await expect(page.getByText(/revoked on \d+ \w{3} \d{4}/)).toBeVisible()

    const unknown = await page.goto('/verify/AVIG-0000-0000')
    expect(unknown?.status()).toBe(404)
  })

  test('a stranger cannot download someone else’s portfolio', async ({ page }) => {
    await signIn(page, 'ben.harper@demo.attune.test')
    const response = await page.request.get('/enrolments/1/portfolio')
    expect(response.status()).toBe(404)
    const own = await page.request.get('/enrolments/2/portfolio')
    expect(own.status()).toBe(200)
  })
})
