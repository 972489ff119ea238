// Route ids come from the URL: anything that is not a positive whole number is simply not found.
import { notFound } from './http.server'
export function idParam(value: string | undefined): number {
  const id = Number(value)
  if (!value || !Number.isSafeInteger(id) || id <= 0) throw notFound()
  return id
}
