// Importing a programme's records from a spreadsheet: upload a CSV, see every row's problems by row
// and column (nothing is written), then import it all in one transaction. Importing the same file
// again adds nothing: rows already in Attune are skipped, and the preview says so; rows of a
// corrected file that nearly match a record are shown beside it, for the lead to update, add or skip.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary } from '~/components/error-summary'
import { FileField, RadioGroup, ZodForm, type ServerFailure } from '~/components/form'
import { SummaryList } from '~/components/summary-list'
import { TableScroll } from '~/components/table-scroll'
import { DEFAULT_NEAR_MATCH_CHOICE, describeProblem, IMPORT_COLUMNS, type NearMatch } from '~/domain/programme-import'
import { plural } from '~/domain/wording'
import { findLedProgramme } from '~/models/programme.server'
import { importRecords, previewImport, type ImportPreview } from '~/models/programme-import.server'
import { choiceField, COMMIT_IMPORT, ImportCommitSchema, ImportUploadSchema, PREVIEW_IMPORT, TOO_LARGE } from '~/schemas/import'
import { requireRole } from '~/utils/auth.server'
import { nowInstant, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { fieldErrorsOf, formDataToValues, invalid, parseValues, type FormValues } from '~/utils/forms.server'
import { intentOf } from '~/utils/intent.server'
import { IMPORT_FORM_LIMITS, MAX_IMPORT_ROWS } from '~/utils/limits'
import { idParam } from '~/utils/params'
import { readFormData } from '~/utils/request-body.server'
import { decodeSpreadsheet } from '~/utils/spreadsheet-text.server'
import { redirectWithFlash } from '~/utils/session.server'
import { found } from '~/utils/http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import records – ${data?.programme.name ?? 'Programme'} – Attune` }]

async function ledProgramme(request: Request, programmeId: string | undefined) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(programmeId)))
  return { user, db, programme }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme } = await ledProgramme(request, params.programmeId)
  return json({ programme: { id: programme.id, name: programme.name } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, programme } = await ledProgramme(request, params.programmeId)
  // Refuse an oversized upload before reading it into memory: the limit holds on the bytes actually read.
  const form = await readFormData(request, IMPORT_FORM_LIMITS).catch((error: unknown) => {
    if (error instanceof Response && error.status === 413) return null
    throw error
  })
  if (!form) return invalid({ values: {}, fieldErrors: { file: TOO_LARGE } }, PREVIEW_IMPORT)
  const values = formDataToValues(form)
  switch (intentOf(values, [PREVIEW_IMPORT, COMMIT_IMPORT])) {
    case PREVIEW_IMPORT:
      return preview(programme, db, form.get('file'))
    case COMMIT_IMPORT:
      return commit(request, { user, db, programme }, values)
  }
}

type LedProgramme = Awaited<ReturnType<typeof ledProgramme>>

/** Checks the uploaded file and answers with every row's problems; nothing is written. */
async function preview(programme: LedProgramme['programme'], db: LedProgramme['db'], file: FormDataEntryValue | null) {
  const parsed = ImportUploadSchema.safeParse({ file })
  if (!parsed.success) return invalid({ values: {}, fieldErrors: fieldErrorsOf(parsed.error) }, PREVIEW_IMPORT)
  const decoded = decodeSpreadsheet(new Uint8Array(await parsed.data.file.arrayBuffer()))
  if (!decoded.ok) return invalid({ values: {}, fieldErrors: { file: decoded.message } }, PREVIEW_IMPORT)
  const csv = decoded.text
  return json({ ok: true as const, intent: PREVIEW_IMPORT, csv, preview: await previewImport(db, programme, csv, today()) })
}

/** Imports the previewed file in one transaction, or shows its problems again if the records changed meanwhile. */
async function commit(request: Request, { user, db, programme }: LedProgramme, values: FormValues) {
  const parsed = parseValues(values, ImportCommitSchema)
  if (!parsed.ok) return invalid({ ...parsed.failure, values: {} }, COMMIT_IMPORT)
  const { csv, choices } = parsed.data
  const result = await db.transaction().execute((trx) => importRecords(trx, programme, csv, user, today(), nowInstant(), choices))
  // Someone changed the records since the preview: show the file's problems now.
  if (!result.ok) return json({ ok: true as const, intent: PREVIEW_IMPORT, csv, preview: result.preview })
  return redirectWithFlash(
    request,
    `/lead/programmes/${programme.id}/import`,
    `Imported ${plural(result.trainees, 'new trainee')}, ${plural(result.cycles, 'cycle')} and ${plural(result.sessions, 'supervision session')}${result.corrected ? `, and corrected ${plural(result.corrected, 'record')}` : ''}.`,
  )
}

export default function ImportPage() {
  const { programme } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const checked = answer && 'preview' in answer ? answer : null
  const failure = answer && 'fieldErrors' in answer ? answer : null
  const base = `/lead/programmes/${programme.id}`
  return (
    <>
      <Link className="nhsuk-back-link" to={`${base}/report`}>
        Sustainability plan
      </Link>
      <span className="nhsuk-caption-l">{programme.name}</span>
      <h1>Import trainees, cycles and supervision</h1>
      <p>
        Moving from spreadsheets? Put your trainees, the dates their stages started, their VIG cycles and their supervision sessions into one CSV file, one row each, and check it here.
        Nothing is saved until the whole file is free of problems and you choose to import it. Importing the same file again adds nothing twice.
      </p>
      <p>
        <a href={`${base}/import/template`} download>
          Download the template (CSV)
        </a>{' '}
        with an example of each kind of row.
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">The columns</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Dates day first, as Excel shows UK dates: 24/03/2026, 24/03/26, 24-Mar-26 or 2026-03-24. Lengths of supervision in minutes (90) or hours and minutes (1:30). Files saved by Excel
            as “CSV UTF-8”, “CSV (Comma delimited)” or “Unicode text” are all read. Clients by their anonymised codes only: never names or notes. New trainees get an account without a
            password; set one up for them from the programme’s people page.
          </p>
          <TableScroll label="Columns of the import file">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Columns of the import file</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Meaning</th>
                  <th scope="col">Example</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {IMPORT_COLUMNS.map((c) => (
                  <tr key={c.column}>
                    <th scope="row">
                      <code>{c.column}</code>
                    </th>
                    <td>
                      {c.recordTypes.join(', ')}
                      {c.required ? '' : ' (optional)'}
                    </td>
                    <td>{c.meaning}</td>
                    <td>
                      <code>{c.example}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </details>

      <ZodForm schema={ImportUploadSchema} intent={PREVIEW_IMPORT} defaultValues={{}} failure={failure} submitLabel="Check the file" busyLabel="Checking…" encType="multipart/form-data">
        <FileField
          name="file"
          label="CSV file"
          hint={`Saved from your spreadsheet as CSV UTF-8 (best), CSV or Unicode text, with a header row; up to 2 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows (split a larger file)`}
          accept=".csv,.txt,text/csv,text/plain"
        />
      </ZodForm>

      {checked ? <Preview preview={checked.preview} csv={checked.csv} failure={failure} /> : null}
    </>
  )
}

const CHOICE_LABELS = {
  cycle: { update: 'Correct the cycle in Attune with the file’s dates and clips', add: 'Add it as another cycle', skip: 'Leave the cycle in Attune as it is' },
  session: { update: 'Correct the session in Attune with the file’s minutes', add: 'Add it as another session', skip: 'Leave the session in Attune as it is' },
}

/** Rows of a corrected file that nearly match a record: the lead chooses, per row, what happens. */
function NearMatches({ matches }: { matches: NearMatch[] }) {
  return (
    <section aria-labelledby="near-matches-heading">
      <h3 id="near-matches-heading">
        {plural(matches.length, 'row')} nearly {matches.length === 1 ? 'matches a record' : 'match records'} already in Attune
      </h3>
      <p>These look like corrections of work already recorded. Choose for each what to do; unless you choose otherwise the record is corrected, so the work is never counted twice.</p>
      {matches.map((m) => (
        <div key={m.row} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <p className="nhsuk-u-margin-bottom-2">
              <strong>Row {m.row}</strong>
            </p>
            <SummaryList
              rows={[
                ['In Attune', m.existing],
                ['In the file', m.proposed],
              ]}
            />
            <RadioGroup
              name={choiceField(m.row)}
              label={`What to do with row ${m.row}`}
              options={(['update', 'add', 'skip'] as const).map((value) => ({
                value,
                label: `${CHOICE_LABELS[m.kind][value]}${value === DEFAULT_NEAR_MATCH_CHOICE ? ' (recommended)' : ''}`,
              }))}
            />
          </div>
        </div>
      ))}
    </section>
  )
}

function Preview({ preview, csv, failure }: { preview: ImportPreview; csv: string; failure: ServerFailure | null }) {
  const { plan, problems } = preview
  const corrections = plan.cycleUpdates.length + plan.sessionUpdates.length
  const nothingNew = plan.trainees.length + plan.cycles.length + plan.sessions.length + plan.nearMatches.length === 0
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">What the file holds</h2>
      {problems.length > 0 ? (
        <ErrorSummary id="import-problems" level={3} title={`${plural(problems.length, 'problem')} to put right: nothing has been imported`}>
          <p>Correct these rows in your spreadsheet, save it as CSV again and check it again.</p>
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {problems.map((p, i) => (
              <li key={i}>{describeProblem(p)}</li>
            ))}
          </ul>
        </ErrorSummary>
      ) : nothingNew ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Nothing new to import: everything in this file is already in Attune.</p>
        </div>
      ) : (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            No problems found. Ready to import {plural(plan.trainees.length, 'new trainee')}
            {plan.trainees.length ? ` (${plan.trainees.map((t) => t.name).join(', ')})` : ''}, {plural(plan.cycles.length, 'cycle')} and {plural(plan.sessions.length, 'supervision session')}
            {corrections ? `, and to correct ${plural(corrections, 'record')}` : ''}.
          </p>
        </div>
      )}
      {plan.ignoredColumns.length > 0 ? <p>These columns are not part of the import and were ignored: {plan.ignoredColumns.join(', ')}.</p> : null}
      {plan.skipped.length > 0 ? (
        <TableScroll label="Already in Attune">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Already in Attune, so left out ({plan.skipped.length})</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Record</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {plan.skipped.map((s) => (
                <tr key={s.row}>
                  <td>{s.row}</td>
                  <td>{s.what}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {problems.length === 0 && !nothingNew ? (
        <ZodForm
          schema={ImportCommitSchema}
          intent={COMMIT_IMPORT}
          defaultValues={{ csv, ...Object.fromEntries(plan.nearMatches.map((m) => [choiceField(m.row), m.choice])) }}
          failure={failure}
          submitLabel="Import these records"
          busyLabel="Importing…"
        >
          <input type="hidden" name="csv" value={csv} />
          {plan.nearMatches.length > 0 ? <NearMatches matches={plan.nearMatches} /> : null}
        </ZodForm>
      ) : null}
    </section>
  )
}
