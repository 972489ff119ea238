// The two forms of the import page: upload a file to check it, then import what was checked.
import { z } from 'zod'

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
export const TOO_LARGE = 'The file must be 2 MB or smaller: split it into several files'

/** The chosen file: a FileList in the browser (react-hook-form), a File on the server (FormData). */
function chosenFile(value: unknown): Blob | null {
  if (typeof FileList !== 'undefined' && value instanceof FileList) return value.item(0)
  return typeof Blob !== 'undefined' && value instanceof Blob ? value : null
}

export const PREVIEW_IMPORT = 'preview'
export const ImportUploadSchema = z.object({
  file: z
    .custom<unknown>((v) => (chosenFile(v)?.size ?? 0) > 0, 'Choose the CSV file to check')
    .refine((v) => (chosenFile(v)?.size ?? 0) <= MAX_IMPORT_BYTES, TOO_LARGE)
    .transform((v) => chosenFile(v)!),
})

export const COMMIT_IMPORT = 'commit'
export const ImportCommitSchema = z.object({
  csv: z.string().min(1, 'Choose the file again: what was checked has been lost'),
})
