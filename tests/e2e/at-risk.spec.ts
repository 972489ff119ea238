import { expect, expectAccessible, signIn, test } from './fixtures'

test('a stalled trainee sees kind, concrete next steps and projected dates', async ({ page }) => {
  await signIn(page, 'ben.harper@demo.attune.test')
  const outlook = page.getByRole('region', { name: 'Looking ahead' })
  await expect(outlook).toContainText(/could be accredited by \d{1,2} \w{3} \d{4}/)
  await expect(outlook.getByText('Book a supervision session: the last confirmed one was 9 weeks ago')).toBeVisible()
  await expect(outlook.getByText(/Your programme lead has been told/).first()).toBeVisible()
  await expectAccessible(page)
})
