// The two forms of the import page: upload a file to check it, then import what was checked.
import { z } from 'zod'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/utils/limits'
import { NEAR_MATCH_CHOICES, type NearMatchChoice } from '~/domain/programme-import'

export const TOO_LARGE = `The file must be 2 MB or smaller, with at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows: split it into several files`

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

/** The name of the radio group with the lead's choice for a row that nearly matches a record. */
export const choiceField = (row: number) => `choice_${row}`

/** The text that was checked, and the lead's choice (update, add or skip) for each nearly matching row. */
export const ImportCommitSchema = z
  .looseObject({
    csv: z.string().min(1, 'Choose the file again: what was checked has been lost').max(MAX_IMPORT_BYTES, TOO_LARGE),
  })
  .transform(({ csv, ...fields }) => ({
    csv,
    choices: new Map(
      Object.entries(fields).flatMap(([name, value]): [number, NearMatchChoice][] =>
        /^choice_\d+$/.test(name) && NEAR_MATCH_CHOICES.includes(value as NearMatchChoice) ? [[Number(name.slice('choice_'.length)), value as NearMatchChoice]] : [],
      ),
    ),
  }))
