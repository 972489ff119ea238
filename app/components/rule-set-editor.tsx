// The admin's rule-set page, by section (ADR 0017): the stage table of a published version, the
// draft editor (name and award, one form per stage, publish) and the version's status tag.
import { Form } from '@remix-run/react'
import { ErrorSummary } from '~/components/error-summary'
import { Checkbox, SelectField, TextField, ZodForm, type ServerFailure } from '~/components/form'
import { plural } from '~/domain/wording'
import { TableScroll } from '~/components/table-scroll'
import { formatHours } from '~/domain/readiness'
import type { RuleSet, StageRequirements } from '~/domain/rule-set'
import { END_MEETING_LABEL } from '~/domain/stage-end'
import type { RuleSetStatus } from '~/models/rule-set-versions.server'
import { DraftDetailsSchema, DraftStageSchema, draftStageFormValues, END_MEETING_VALUES, PUBLISH_VERSION, SAVE_DETAILS, SAVE_STAGE } from '~/schemas/rule-set'
import { formatPence } from '~/utils/money'

const STATUS_TAG: Record<RuleSetStatus, { label: string; colour: string }> = {
  draft: { label: 'Draft', colour: 'nhsuk-tag--yellow' },
  active: { label: 'In use for new enrolments', colour: 'nhsuk-tag--green' },
  retired: { label: 'Earlier model', colour: 'nhsuk-tag--grey' },
}

/** A rule-set version's status in words: draft, in use for new enrolments, or an earlier model. */
export function RuleSetStatusTag({ status }: { status: RuleSetStatus }) {
  const { label, colour } = STATUS_TAG[status]
  return <strong className={`nhsuk-tag ${colour}`}>{label}</strong>
}

/** What a stage's substitution allows, in words; null when it has none. */
function substitutionText(stage: StageRequirements): string | null {
  return stage.supervisionByTrainingMinutes > 0 ? `up to ${formatHours(stage.supervisionByTrainingMinutes)} may be training instead` : null
}

/** Every stage's requirements of a version, read-only. */
export function StagesTable({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <TableScroll label="Stage requirements">
      <table className="nhsuk-table app-table--compact">
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {['Stage', 'Cycles', 'New clients', 'Supervision', 'Introduction', 'Written reflection', 'Ends with', 'External accreditation', 'Expected', 'Fee'].map((h) => (
              <th scope="col" className="nhsuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {ruleSet.stages.map((s) => (
            <tr className="nhsuk-table__row" key={s.stageNumber}>
              <th scope="row" className="nhsuk-table__header">
                {s.name}
              </th>
              <td className="nhsuk-table__cell">{s.requiredCycles}</td>
              <td className="nhsuk-table__cell">{s.requiredNewClients}</td>
              <td className="nhsuk-table__cell">
                <span className="app-nowrap">{formatHours(s.requiredSupervisionMinutes)}</span>
                {substitutionText(s) ? <>, {substitutionText(s)}</> : null}
              </td>
              <td className="nhsuk-table__cell">{s.requiresIntroductionSession ? 'Yes' : 'No'}</td>
              <td className="nhsuk-table__cell">{s.requiresWrittenReflection ? 'Yes' : 'No'}</td>
              <td className="nhsuk-table__cell">{END_MEETING_LABEL[s.endMeeting]}</td>
              <td className="nhsuk-table__cell">{s.requiresExternalAccreditation ? 'Yes' : 'No'}</td>
              <td className="nhsuk-table__cell app-nowrap">{plural(s.expectedMonths, 'month')}</td>
              <td className="nhsuk-table__cell">{formatPence(s.feePence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** The draft's name and award title. */
export function DraftDetailsForm({ ruleSet, failure }: { ruleSet: RuleSet; failure: ServerFailure | null | undefined }) {
  return (
    <ZodForm schema={DraftDetailsSchema} intent={SAVE_DETAILS} failure={failure} submitLabel="Save name and award" defaultValues={{ name: ruleSet.name, awardTitle: ruleSet.awardTitle }}>
      <TextField
        name="name"
        label="Name of this version"
        hint="Leads choose it by this name when they enrol a trainee, so say what is different, like ‘Northshire: 4 new clients in Stage 3’."
      />
      <TextField name="awardTitle" label="Award on completing the final stage" hint="Printed on the certificate." />
    </ZodForm>
  )
}

const END_MEETING_OPTIONS = END_MEETING_VALUES.map((value) => ({ value, label: END_MEETING_LABEL[value] }))

/** One stage of a draft: every requirement, saved on its own (errors beside each field, typed values kept). */
export function DraftStageForm({ stage, failure }: { stage: StageRequirements; failure: ServerFailure | null | undefined }) {
  return (
    <section className="nhsuk-card" aria-labelledby={`stage-${stage.stageNumber}-heading`}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id={`stage-${stage.stageNumber}-heading`}>
          {stage.name}
        </h3>
        <ZodForm
          schema={DraftStageSchema}
          intent={SAVE_STAGE}
          record={{ stageNumber: stage.stageNumber }}
          failure={failure}
          submitLabel={`Save ${stage.name}`}
          defaultValues={draftStageFormValues(stage)}
        >
          <TextField name="name" label="Stage name" width={20} />
          <TextField name="requiredCycles" label="Completed cycles" hint="A cycle counts once its shared review is logged." width={3} inputMode="numeric" />
          <TextField name="requiredNewClients" label="New clients in this stage" hint="Clients with no cycle counted in an earlier stage." width={3} inputMode="numeric" />
          <TextField name="supervisionHours" label="Hours of confirmed supervision" hint="Like 8 or 7.5. 0 if the stage asks none." width={4} inputMode="decimal" />
          <TextField
            name="supervisionByTrainingHours"
            label="Of those, hours that logged training may replace"
            hint="A local variant, like a half day of training in place of 1 hour of supervision. 0 for none."
            width={4}
            inputMode="decimal"
          />
          <Checkbox name="requiresIntroductionSession" label="An introduction session is needed" />
          <Checkbox name="requiresWrittenReflection" label="A stage-end written reflection is needed" />
          <SelectField name="endMeeting" label="The stage ends with" options={END_MEETING_OPTIONS} />
          <Checkbox name="requiresExternalAccreditation" label="An external supervisor accredits the stage" />
          <TextField name="expectedMonths" label="Expected length in months" width={3} inputMode="numeric" />
          <TextField name="fee" label="Fee in pounds" hint="Programmes can set their own." width={5} inputMode="decimal" />
        </ZodForm>
      </div>
    </section>
  )
}

/** Publishing a draft: what it means, and the one reason it was refused. */
export function PublishForm({ failure }: { failure: ServerFailure | null | undefined }) {
  const error = failure?.intent === PUBLISH_VERSION ? failure.formError : null
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      {error ? (
        <ErrorSummary id="publish-error" level={3} title="This version cannot be published yet">
          <p>{error}</p>
        </ErrorSummary>
      ) : null}
      <p>Once published, leads can enrol trainees on this version and it can no longer change. To change it later, create a new version from it.</p>
      <Form method="post">
        <input type="hidden" name="intent" value={PUBLISH_VERSION} />
        <button type="submit" className="nhsuk-button">
          Publish this version
        </button>
      </Form>
    </section>
  )
}
