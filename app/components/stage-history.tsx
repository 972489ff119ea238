import type { ReactNode } from 'react'
import { formatDate, formatInstant } from '~/utils/dates'
import { LockTag, OverrideTag, StageStatusTag } from './stage-tags'
import { TableScroll } from './table-scroll'

export interface StageHistoryRow {
  stage_number: number
  name: string
  status: 'in_progress' | 'signed_off' | 'accredited' | 'recognised'
  started_on: string
  completed_on: string | null
  locked: number
  recognised_reason: string | null
  signed_off_at: string | null
  signed_off_by_name: string | null
  override_reason: string | null
  latestDecision: { decision: 'accredited' | 'returned'; decided_at: string; reasons: string; accreditor_name: string } | null
}

/** Every stage with its status, lock, sign-off (overrides marked) and accreditation decision. */
export function StageHistory({ stages, actions }: { stages: StageHistoryRow[]; actions?: (stage: StageHistoryRow) => ReactNode }) {
  return (
    <TableScroll label="Stages">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Stages</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col">Decisions</th>
            {actions ? <th scope="col">Records</th> : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {stages.map((s) => (
            <tr key={s.stage_number}>
              <td>
                {s.name}
                <br />
                <span className="nhsuk-body-s">
                  {formatDate(s.started_on)}
                  {s.completed_on ? ` to ${formatDate(s.completed_on)}` : ''}
                </span>
              </td>
              <td>
                <StageStatusTag status={s.status} completedOn={s.completed_on} /> <LockTag locked={s.locked} />
              </td>
              <td className="app-wrap">
                {s.recognised_reason ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Recognised: {s.recognised_reason}</p> : null}
                {s.signed_off_at ? (
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    Signed off by {s.signed_off_by_name} on {formatInstant(s.signed_off_at)}
                  </p>
                ) : null}
                <OverrideTag reason={s.override_reason} />
                {s.latestDecision ? (
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    {s.latestDecision.decision === 'accredited' ? 'Accredited' : 'Returned'} by {s.latestDecision.accreditor_name} on {formatInstant(s.latestDecision.decided_at)}
                    {s.latestDecision.reasons ? `: ${s.latestDecision.reasons}` : ''}
                  </p>
                ) : null}
              </td>
              {actions ? <td>{actions(s)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
