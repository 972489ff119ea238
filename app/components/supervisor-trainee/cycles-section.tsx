// The trainee's VIG cycles (as filtered): client code, filming and shared-review dates, clips and the
// stage each counts towards.
import { TableScroll } from '~/components/table-scroll'
import type { listSupervisedCycles } from '~/models/trainee-records.server'
import { formatDate } from '~/utils/dates'

type Cycle = Awaited<ReturnType<typeof listSupervisedCycles>>[number]

/** `filtered`: the records filter is set, so an empty table means nothing matches rather than nothing logged. */
export function CyclesSection({ cycles, stageNames, filtered }: { cycles: Cycle[]; stageNames: Record<number, string>; filtered: boolean }) {
  return (
    <section id="cycles" aria-labelledby="cycles-heading">
      <h2 id="cycles-heading">Cycles</h2>
      {cycles.length === 0 ? (
        <p>{filtered ? 'No cycles match.' : 'No cycles logged yet.'}</p>
      ) : (
        <TableScroll label="Cycles">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">VIG cycles, newest first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Filmed</th>
                <th scope="col">Shared review</th>
                <th scope="col">Clips</th>
                <th scope="col">Counts towards</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {cycles.map((c) => (
                <tr key={c.id}>
                  <td>{c.client_code}</td>
                  <td className="app-nowrap">{formatDate(c.filmed_on)}</td>
                  <td className="app-nowrap">{c.reviewed_on ? formatDate(c.reviewed_on) : 'Not yet held'}</td>
                  <td>{c.clip_count}</td>
                  <td>{c.stage_number === null ? 'No stage until reviewed' : (stageNames[c.stage_number] ?? `Stage ${c.stage_number}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}
