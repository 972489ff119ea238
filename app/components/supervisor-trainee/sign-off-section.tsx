// The supervisor's sign-off of a trainee's current stage: where the stage stands, what is still
// missing, and the form that signs it off (with a written reason when a requirement is unmet).
import { TextArea, TextField, ZodForm, type ServerFailure } from '~/components/form'
import { OverrideTag } from '~/components/stage-tags'
import { WarningCallout } from '~/components/warning-callout'
import { SIGN_OFF, SignOffSchema } from '~/schemas/sign-off'
import { formatInstant } from '~/utils/dates'

export interface SignOffFacts {
  readiness: { ready: boolean; missing: string[] }
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

/** The sign-off section: a stage waiting for the accreditor, every stage complete, or the form when `open`. */
export function SignOffSection({
  stageNumber,
  currentStage,
  accredited,
  open,
  signOff,
  failure,
  today,
}: {
  stageNumber: number
  currentStage: CurrentStage
  accredited: boolean
  open: boolean
  signOff: SignOffFacts
  failure: ServerFailure | null | undefined
  today: string
}) {
  return (
    <section id="sign-off" aria-labelledby="sign-off-heading">
      <h2 id="sign-off-heading">Sign-off</h2>
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
      {open ? <SignOffForm stageNumber={stageNumber} stageName={currentStage.name} signOff={signOff} failure={failure} today={today} /> : null}
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
  const { readiness } = signOff
  return (
    <>
      {readiness.ready ? (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Every requirement holds</strong> {stageName} is ready for sign-off.
        </p>
      ) : (
        <WarningCallout title="Not every requirement holds yet" level={3}>
          <ul>
            {readiness.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>You can still sign off with a written reason (for example, prior learning recognised). It will be marked as such everywhere it shows.</p>
        </WarningCallout>
      )}
      <p>{signOff.requiresAccreditation ? 'Signing off locks the stage’s records and sends it to the external accreditor.' : 'Signing off completes this stage and moves the trainee on.'}</p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ZodForm
            schema={SignOffSchema}
            intent={SIGN_OFF}
            defaultValues={{ stageNumber: String(stageNumber), meetingHeldOn: signOff.meetingPassed ? '' : today, meetingNotes: '', overrideReason: '' }}
            failure={failure}
            submitLabel={`Sign off ${stageName}`}
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
            {readiness.ready ? null : <TextArea name="overrideReason" label="Reason for signing off with a requirement unmet" rows={3} />}
          </ZodForm>
        </div>
      </div>
    </>
  )
}
