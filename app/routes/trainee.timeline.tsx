import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
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
    <FormPage back={{ to: '/trainee', label: 'My progress' }} title="Everything I have logged">
      <p>Newest first. Records of a signed-off stage are read-only.</p>
      <Timeline entries={entries} />
    </FormPage>
  )
}
