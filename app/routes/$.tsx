// Anything no other route matches: the shared 404 page.
import { notFound } from '~/utils/http.server'
export async function loader() {
  throw notFound()
}

export default function NotFound() {
  return null
}
