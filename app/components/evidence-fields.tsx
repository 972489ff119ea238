// The fields of the trainee's forms, shared by the pages that add a record and the pages that change
// it, so both always ask the same questions in the same words.
import { formatHours } from '~/domain/readiness'
import { CLIENT_CODE_MAX_LENGTH } from '~/domain/client-code'
import { CONSENT_SCOPES, RELATIONSHIPS } from '~/schemas/client'
import { RATINGS, ratingField, type PrincipleRef } from '~/schemas/reflection'
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, SESSION_FORMATS } from '~/schemas/supervision-session'
import { Checkboxes, RadioGroup, SelectField, TextArea, TextField, type Option } from './form'

export function ClientFields({ withEndOfWork }: { withEndOfWork: boolean }) {
  return (
    <>
      <TextField
        name="code"
        label="Client code"
        hint={`Initials and a number, like FAM-07 or AK-01 (up to ${CLIENT_CODE_MAX_LENGTH} characters). Never a name, date of birth, phone or NHS number.`}
        width={10}
        autoComplete="off"
      />
      <RadioGroup name="relationship" label="Relationship you are working on" options={[...RELATIONSHIPS]} />
      <TextArea
        name="helping_question"
        label="The family’s helping question (optional)"
        hint="What they hope will change, in their own words. Do not write names or anything else that could identify the family."
        rows={3}
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Consent</legend>
        <TextField name="consent_given_on" label="Date consent was given" type="date" hint="Consent is recorded before filming." />
        <Checkboxes name="consent_scopes" label="What the family consented to" options={CONSENT_SCOPES.map((s) => ({ ...s }))} />
        {withEndOfWork ? (
          <TextField name="consent_withdrawn_on" label="Date consent was withdrawn (if it was)" type="date" hint="No new cycles can be logged after consent is withdrawn." />
        ) : null}
      </fieldset>
      {withEndOfWork ? (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">End of work and recordings</legend>
          <TextField name="work_ended_on" label="Date work with the family ended" type="date" hint="Attune then shows the date by which recordings must be erased." />
          <TextField name="recordings_erased_on" label="Date the recordings were erased" type="date" />
        </fieldset>
      ) : null}
    </>
  )
}

export function CycleFields({ clients }: { clients: Option[] }) {
  return (
    <>
      <SelectField name="client_id" label="Client" options={clients} placeholder="Choose a client" />
      <TextField name="filmed_on" label="Date filmed" type="date" />
      <TextField
        name="reviewed_on"
        label="Date of the shared review"
        type="date"
        hint="Leave blank until the shared review has happened: the cycle counts towards your stage once it is logged."
      />
      <TextField name="clip_count" label="Number of clips used" type="number" inputMode="numeric" width={2} hint="Usually up to 3 micro-clips." />
      <TextArea name="notes" label="What went well (optional)" hint="A few words for your supervision. No names." rows={3} />
    </>
  )
}

/** `trainingAllowance`: minutes of the stage's supervision that training may replace (ADR 0017); the choice shows only when above 0. */
export function SupervisionSessionFields({ supervisors, clients, trainingAllowance = 0 }: { supervisors: Option[]; clients: Option[]; trainingAllowance?: number }) {
  return (
    <>
      {trainingAllowance > 0 ? (
        <RadioGroup
          name="kind"
          label="What was it"
          hint={`Your rule set lets training count in place of up to ${formatHours(trainingAllowance)} of this stage’s supervision, once your supervisor confirms it.`}
          options={[
            { value: 'supervision', label: 'Supervision' },
            { value: 'training', label: 'Training in place of supervision' },
          ]}
        />
      ) : null}
      <TextField name="held_on" label="Date of the session" type="date" />
      <TextField
        name="minutes"
        label="Length in minutes"
        type="number"
        inputMode="numeric"
        width={3}
        hint={`Usually 60, 90 or 120 (from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}).`}
      />
      <RadioGroup name="format" label="How it was held" options={[...SESSION_FORMATS]} />
      <SelectField name="supervisor_id" label="Supervisor" options={supervisors} />
      {clients.length > 0 ? (
        <Checkboxes name="client_ids" label="Clients whose clips you discussed (optional)" hint="Group sessions need the family’s consent to intervision." options={clients} />
      ) : null}
      <TextArea name="notes" label="Notes (optional)" hint="What you worked on. No names." rows={3} />
    </>
  )
}

const REFLECTION_BODY = {
  session: { label: 'Your reflection', hint: 'What you noticed about your guiding, and what you will try next. No names.' },
  stage_end: {
    label: 'Your written reflection',
    hint: 'Look back over the whole stage: how your guiding has changed, what the clips showed you, what you will work on next. The assessor reads this before your end-of-stage meeting.',
  },
}

/** What the ends of the 1–5 self-rating mean, shown under every principle's radios. */
const RATING_SCALE = { low: 'not yet', high: 'consistently' }

export function ReflectionFields({ principles, kind }: { principles: (PrincipleRef & { description: string })[]; kind: 'session' | 'stage_end' }) {
  const body = REFLECTION_BODY[kind]
  return (
    <>
      {principles.length > 0 ? (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">How attuned was your guiding?</legend>
          <p className="nhsuk-hint">Rate yourself against each principle, from 1 (not yet) to 5 (consistently).</p>
          <div className="app-ratings">
            {principles.map((p) => (
              <RadioGroup key={p.id} name={ratingField(p.id)} label={p.name} hint={p.description} options={RATINGS} scale={RATING_SCALE} />
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextArea name="body" label={body.label} hint={body.hint} rows={kind === 'session' ? 6 : 14} />
    </>
  )
}
