import { useMemo } from 'react'
import { capacityField, programmeSchema, stageFeeField } from '~/schemas/programme'
import { formatPence, poundsFromPence } from '~/utils/money'
import { TextField, ZodForm, type ServerFailure } from './form'

export interface ProgrammeFormOptions {
  defaultRegistrationFeePence: number
  stages: { stage_number: number; name: string; fee_pence: number }[]
  supervisors: { id: number; name: string; job_title: string | null }[]
}

/** The one programme form, for creating and for editing. */
export function ProgrammeForm({
  options,
  defaultValues,
  failure,
  submitLabel,
}: {
  options: ProgrammeFormOptions
  defaultValues: Record<string, string>
  failure?: ServerFailure | null
  submitLabel: string
}) {
  const schema = useMemo(() => programmeSchema({ stageNumbers: options.stages.map((s) => s.stage_number), supervisorIds: options.supervisors.map((s) => s.id) }), [options])
  return (
    <ZodForm schema={schema} defaultValues={defaultValues} failure={failure} submitLabel={submitLabel}>
      <TextField name="name" label="Programme name" />
      <TextField name="startedOn" label="Start date" type="date" />
      <TextField name="fundingEndsOn" label="Funding end date" type="date" hint="Every trainee should be able to finish after this: the sustainability plan looks beyond it." />
      <TextField name="budget" label="Budget (£)" inputMode="numeric" width={10} />
      <h2 className="nhsuk-heading-m">Fees</h2>
      <p>Leave a fee blank to use the rule set’s.</p>
      <TextField name="registrationFee" label="AVIGuk registration fee (£)" hint={`Rule set: ${formatPence(options.defaultRegistrationFeePence)}`} inputMode="numeric" width={5} />
      {options.stages.map((stage) => (
        <TextField
          key={stage.stage_number}
          name={stageFeeField(stage.stage_number)}
          label={`${stage.name} fee (£)`}
          hint={`Rule set: ${formatPence(stage.fee_pence)}`}
          inputMode="numeric"
          width={5}
        />
      ))}
      <h2 className="nhsuk-heading-m">Supervisors’ capacity</h2>
      <p>Hours of supervision a month each supervisor can give this programme. Leave blank for supervisors not on it.</p>
      {options.supervisors.length === 0 ? <p>Your organisation has no supervisors yet: add them on the programme’s people page.</p> : null}
      {options.supervisors.map((supervisor) => (
        <TextField
          key={supervisor.id}
          name={capacityField(supervisor.id)}
          label={`${supervisor.name}: hours a month`}
          hint={supervisor.job_title ?? undefined}
          inputMode="numeric"
          width={4}
        />
      ))}
    </ZodForm>
  )
}

/** The form's values for a saved programme. */
export function programmeFormValues(programme: {
  name: string
  started_on: string
  funding_ends_on: string
  budget_pence: number
  registration_fee_pence: number | null
  stageFees: { stage_number: number; fee_pence: number }[]
  supervisors: { id: number; capacity_minutes_per_month: number }[]
}): Record<string, string> {
  return {
    name: programme.name,
    startedOn: programme.started_on,
    fundingEndsOn: programme.funding_ends_on,
    budget: poundsFromPence(programme.budget_pence),
    registrationFee: programme.registration_fee_pence === null ? '' : poundsFromPence(programme.registration_fee_pence),
    ...Object.fromEntries(programme.stageFees.map((f) => [stageFeeField(f.stage_number), poundsFromPence(f.fee_pence)])),
    ...Object.fromEntries(programme.supervisors.map((s) => [capacityField(s.id), formatHoursNumber(s.capacity_minutes_per_month)])),
  }
}

function formatHoursNumber(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100)
}
