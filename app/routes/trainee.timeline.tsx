import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Timeline } from '~/components/timeline'
import { listTimeline } from '~/models/timeline.server'
import { requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Everything I have logged – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireTrainee(request)
  return json({ entries: await listTimeline(db, user.id) })
}

export default function TimelinePage() {
  const { entries } = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/trainee" className="nhsuk-back-link">
          My progress
        </Link>
        <h1>Everything I have logged</h1>
        <p>Newest first. Records of a signed-off stage are read-only.</p>
        <Timeline entries={entries} />
      </div>
    </div>
  )
}
