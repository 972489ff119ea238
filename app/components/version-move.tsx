// The lead's "Rule-set version" section of a trainee's page (ADR 0017): the version the trainee
// follows, a choice of another published version of the same pathway to compare, what would change
// for this trainee (domain versionChangePreview), and the move itself with a reason.
import { ReadinessTable } from '~/components/readiness-summary'
import { SelectField, TextArea, ZodForm, type ServerFailure } from '~/components/form'
import { TableScroll } from '~/components/table-scroll'
import { WarningCallout } from '~/components/warning-callout'
import { formatHours, type RemainingWork } from '~/domain/readiness'
import type { VersionChangePreview } from '~/domain/version-change'
import { MOVE_VERSION, MoveVersionSchema, PreviewVersionSchema } from '~/schemas/enrolment'

interface Props {
  current: { name: string; version: number }
  inTraining: boolean
  choices: { id: number; name: string; version: number; status: string }[]
  proposal: { ruleSetId: number; name: string; version: number; problem: string | null; preview: VersionChangePreview | null } | null
  failure: ServerFailure | null | undefined
}

function remaining(work: RemainingWork): string {
  return `${work.cycles} cycles, ${work.newClients} new clients, ${formatHours(work.supervisionMinutes)} of supervision`
}

export function VersionMove({ current, inTraining, choices, proposal, failure }: Props) {
  return (
    <section aria-labelledby="version-heading">
      <h2 id="version-heading">Rule-set version</h2>
      <p>
        Follows {current.name}, version {current.version}. A trainee keeps the version they were enrolled on unless you move them.
      </p>
      {!inTraining ? <p>This trainee has finished, so they keep the version they trained under.</p> : null}
      {inTraining && choices.length === 0 ? <p>There is no other published version of this pathway to move to.</p> : null}
      {inTraining && choices.length > 0 ? (
        <ZodForm schema={PreviewVersionSchema} method="get" busyLabel="Comparing…" defaultValues={{ ruleSet: proposal ? String(proposal.ruleSetId) : '' }} submitLabel="See what changes">
          <SelectField
            name="ruleSet"
            label="Compare with"
            placeholder="Choose a version"
            options={choices.map((c) => ({ value: String(c.id), label: `${c.name} (version ${c.version}${c.status === 'retired' ? ', earlier model' : ''})` }))}
          />
        </ZodForm>
      ) : null}
      {proposal?.problem ? (
        <WarningCallout title="This version cannot be used" level={3}>
          <p>{proposal.problem}</p>
        </WarningCallout>
      ) : null}
      {proposal?.preview ? <VersionPreview proposal={proposal} preview={proposal.preview} failure={failure} /> : null}
    </section>
  )
}

function VersionPreview({ proposal, preview, failure }: { proposal: NonNullable<Props['proposal']>; preview: VersionChangePreview; failure: Props['failure'] }) {
  return (
    <>
      <h3>What changes on {proposal.name}</h3>
      {preview.differences.length === 0 ? (
        <p>The requirements are the same.</p>
      ) : (
        <TableScroll label="Requirements that differ">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Requirements that differ</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Requirement</th>
                <th scope="col">Now</th>
                <th scope="col">After the move</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {preview.differences.map((d) => (
                <tr key={`${d.stageName}-${d.label}`}>
                  <td>{d.stageName}</td>
                  <td>{d.label}</td>
                  <td>{d.before}</td>
                  <td>{d.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        {preview.before.ready === preview.after.ready
          ? `Ready for sign-off: ${preview.after.ready ? 'yes' : 'no'}, as now.`
          : preview.after.ready
            ? 'After the move the trainee is ready for sign-off.'
            : 'After the move the trainee is no longer ready for sign-off.'}{' '}
        Work left to the end of the pathway: {remaining(preview.remainingBefore)} now; {remaining(preview.remainingAfter)} after the move.
      </p>
      <ReadinessTable readiness={preview.after} caption={`${preview.after.stageName} after the move`} />
      <ZodForm
        schema={MoveVersionSchema}
        intent={MOVE_VERSION}
        record={{ ruleSetId: proposal.ruleSetId }}
        defaultValues={{ reason: '' }}
        failure={failure}
        submitLabel="Move to this version"
      >
        <TextArea name="reason" label="Reason for the move" hint="Kept in the trainee’s audit trail." rows={2} />
      </ZodForm>
    </>
  )
}
