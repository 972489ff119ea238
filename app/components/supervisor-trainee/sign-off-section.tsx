// The supervisor's decision on a trainee's current stage, in two steps (issue 12): the first form
// (with the end-of-stage meeting when it is not recorded yet) leads to a summary of what the
// sign-off rests on; only the summary's confirmation signs off, with a written reason when a
// requirement is unmet.
import { Link } from '@remix-run/react'
import { DecisionSummary } from '~/components/decision-summary'
import { TextArea, TextField, ZodForm, type ServerFailure } from '~/components/form'
import { OverrideTag } from '~/components/stage-tags'
import type { DecisionSummary as Summary } from '~/domain/decision-summary'
import { SIGN_OFF, SignOffSchema } from '~/schemas/sign-off'
import { formatInstant } from '~/utils/dates'

export interface SignOffFacts {
  summary: Summary
  meetingPassed: boolean
  meetingLabel: string
  requiresAccreditation: boolean
}

interface CurrentStage {
  name: string
  status: string
  completed_on: string | null
  signed_off_by_name: string | null
  signed_off_at: string | null
  override_reason: string | null
}

/** The action's answer to the sign-off form: refused (a ServerFailure) or, after the first step, `confirming`. */
export type SignOffAnswer = (ServerFailure & { confirming?: boolean }) | null | undefined

/** Whether the page shows the summary to confirm: after the first step, or when the confirmation was refused. */
export function confirmingSignOff(answer: SignOffAnswer): boolean {
  return answer?.intent === SIGN_OFF && (answer.confirming === true || answer.values?.confirmed === 'true')
}

/** The decision section: a stage waiting for the accreditor, every stage complete, or the two-step sign-off when `open`. */
export function SignOffSection({
  stageNumber,
  currentStage,
  accredited,
  open,
  signOff,
  answer,
  today,
}: {
  stageNumber: number
  currentStage: CurrentStage
  accredited: boolean
  open: boolean
  signOff: SignOffFacts
  answer: SignOffAnswer
  today: string
}) {
  return (
    <section id="decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision: sign off {currentStage.name}</h2>
      {currentStage.status === 'signed_off' && !currentStage.completed_on ? (
        <div className="nhsuk-inset-text">
          <p>
            {currentStage.name} was signed off by {currentStage.signed_off_by_name} on {formatInstant(currentStage.signed_off_at)}. Its records are locked while it waits for the external
            accreditor.
          </p>
          <OverrideTag reason={currentStage.override_reason} />
        </div>
      ) : null}
      {accredited ? <p>Every stage is complete.</p> : null}
      {open && confirmingSignOff(answer) ? <ConfirmSignOff stageName={currentStage.name} signOff={signOff} answer={answer} /> : null}
      {open && !confirmingSignOff(answer) ? <SignOffForm stageNumber={stageNumber} stageName={currentStage.name} signOff={signOff} failure={answer} today={today} /> : null}
      {!open && !accredited && currentStage.status === 'in_progress' ? <p>This stage is not open for sign-off.</p> : null}
    </section>
  )
}

function SignOffForm({
  stageNumber,
  stageName,
  signOff,
  failure,
  today,
}: {
  stageNumber: number
  stageName: string
  signOff: SignOffFacts
  failure: ServerFailure | null | undefined
  today: string
}) {
  const { summary } = signOff
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <p>
          {summary.unmet === 0 ? 'Every requirement is met.' : summary.unmet === 1 ? '1 requirement is not met yet.' : `${summary.unmet} requirements are not met yet.`}{' '}
          {signOff.requiresAccreditation ? 'Signing off locks the stage’s records and sends it to the external accreditor.' : 'Signing off completes this stage and moves the trainee on.'}{' '}
          You check a summary before anything is signed off.
        </p>
        <ZodForm
          schema={SignOffSchema}
          intent={SIGN_OFF}
          defaultValues={{ stageNumber: String(stageNumber), meetingHeldOn: signOff.meetingPassed ? '' : today, meetingNotes: '', overrideReason: '' }}
          failure={failure}
          submitLabel={`Sign off ${stageName}`}
          busyLabel="Checking…"
        >
          <input type="hidden" name="stageNumber" value={stageNumber} />
          {signOff.meetingPassed ? (
            <p>The {signOff.meetingLabel.toLowerCase()} is recorded as passed.</p>
          ) : (
            <>
              <TextField name="meetingHeldOn" label={`${signOff.meetingLabel}: held on`} type="date" hint="Recorded as passed with this sign-off." />
              <TextArea name="meetingNotes" label="Meeting notes (optional)" rows={3} />
            </>
          )}
        </ZodForm>
      </div>
    </div>
  )
}

/** The second step: the summary, the reason when a requirement is unmet, and the one button that signs off. */
function ConfirmSignOff({ stageName, signOff, answer }: { stageName: string; signOff: SignOffFacts; answer: SignOffAnswer }) {
  const sent = answer?.values ?? {}
  const value = (name: string) => (typeof sent[name] === 'string' ? (sent[name] as string) : '')
  return (
    <DecisionSummary summary={signOff.summary} title={`Check before you sign off ${stageName}`}>
      <ZodForm
        schema={SignOffSchema}
        intent={SIGN_OFF}
        defaultValues={{ stageNumber: value('stageNumber'), meetingHeldOn: value('meetingHeldOn'), meetingNotes: value('meetingNotes'), overrideReason: '', confirmed: 'true' }}
        failure={answer?.confirming ? null : answer}
        submitLabel={`Confirm sign-off of ${stageName}`}
        secondary={
          <Link to="?" className="nhsuk-button nhsuk-button--secondary">
            Cancel
          </Link>
        }
      >
        <input type="hidden" name="stageNumber" value={value('stageNumber')} />
        <input type="hidden" name="meetingHeldOn" value={value('meetingHeldOn')} />
        <input type="hidden" name="meetingNotes" value={value('meetingNotes')} />
        <input type="hidden" name="confirmed" value="true" />
        {signOff.summary.needsReason ? (
          <TextArea
            name="overrideReason"
            label="Reason for signing off with a requirement unmet"
            hint="For example, prior learning recognised. It is kept with the sign-off and shown wherever it appears."
            rows={3}
          />
        ) : null}
        {signOff.summary.unreadReflections.length ? (
          <p>The unread reflections stay on your to-do list after the sign-off: you can still give feedback while the stage waits for the accreditor.</p>
        ) : null}
      </ZodForm>
    </DecisionSummary>
  )
}
