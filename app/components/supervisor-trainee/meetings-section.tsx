// The meetings of a trainee's pathway (introduction sessions, end-of-stage meetings) and, while the
// stage is open, the forms that record them.
import { RadioGroup, TextArea, TextField, ZodForm, type ServerFailure } from '~/components/form'
import { TableScroll } from '~/components/table-scroll'
import { meetingKindLabel } from '~/domain/stage-end'
import type { listMeetings } from '~/models/meeting.server'
import { EndMeetingSchema, IntroductionSchema, RECORD_END_MEETING, RECORD_INTRODUCTION } from '~/schemas/meeting'
import { formatDate } from '~/utils/dates'

type Meeting = Awaited<ReturnType<typeof listMeetings>>[number]

const OUTCOME_LABEL: Record<string, string> = { passed: 'Passed', not_yet: 'Not yet passed' }

export function MeetingsSection({
  meetings,
  stageNames,
  stageName,
  meetingLabel,
  askIntroduction,
  open,
  failure,
  today,
}: {
  meetings: Meeting[]
  /** Each stage's name by its number. */
  stageNames: Record<number, string>
  /** The current stage's name. */
  stageName: string
  /** The current stage's end meeting ('Transition meeting'...). */
  meetingLabel: string
  /** Whether the current stage needs an introduction session that is not recorded yet. */
  askIntroduction: boolean
  open: boolean
  failure: ServerFailure | null | undefined
  today: string
}) {
  return (
    <section id="meetings" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Meetings</h2>
      {meetings.length === 0 ? (
        <p>No meetings recorded yet.</p>
      ) : (
        <TableScroll label="Meetings">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Meetings recorded</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Meeting</th>
                <th scope="col">Held</th>
                <th scope="col">Outcome</th>
                <th scope="col">Notes and actions</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    {meetingKindLabel(m.kind)}, {stageNames[m.stage_number]}
                  </td>
                  <td className="app-nowrap">{formatDate(m.held_on)}</td>
                  <td>{(m.outcome && OUTCOME_LABEL[m.outcome]) ?? 'Held'}</td>
                  <td className="app-wrap">
                    {m.notes}
                    {m.actions ? (
                      <>
                        <br />
                        <strong>Actions:</strong> {m.actions}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {open && askIntroduction ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h3>Record the {stageName} introduction session</h3>
            <ZodForm schema={IntroductionSchema} intent={RECORD_INTRODUCTION} defaultValues={{ heldOn: today, notes: '' }} failure={failure} submitLabel="Record introduction session">
              <TextField name="heldOn" label="Held on" type="date" />
              <TextArea name="notes" label="Notes (optional)" rows={3} />
            </ZodForm>
          </div>
        </div>
      ) : null}
      {open ? (
        <details className="nhsuk-details" open={failure?.intent === RECORD_END_MEETING}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Record the {meetingLabel.toLowerCase()} without signing off (for example, not yet passed)</span>
          </summary>
          <div className="nhsuk-details__text">
            <ZodForm
              schema={EndMeetingSchema}
              intent={RECORD_END_MEETING}
              defaultValues={{ heldOn: today, outcome: '', notes: '', actions: '' }}
              failure={failure}
              submitLabel="Record meeting"
            >
              <TextField name="heldOn" label="Held on" type="date" />
              <RadioGroup
                name="outcome"
                label="Outcome"
                options={[
                  { value: 'passed', label: 'Passed' },
                  { value: 'not_yet', label: 'Not yet passed' },
                ]}
              />
              <TextArea name="notes" label="Notes (optional)" rows={3} />
              <TextArea name="actions" label="Actions before the stage can pass" hint="Needed when the outcome is not yet passed." rows={3} />
            </ZodForm>
          </div>
        </details>
      ) : null}
    </section>
  )
}
