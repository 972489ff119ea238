import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { FilterSelect } from '~/components/filter-select'
import { FormPage } from '~/components/page'
import { Timeline } from '~/components/timeline'
import { listTimeline, listTimelineStages } from '~/models/timeline.server'
import { TIMELINE_KIND_LABEL, TIMELINE_KINDS, TimelineFilterSchema } from '~/schemas/timeline'
import { requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Everything I have logged – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireTrainee(request)
  const filter = TimelineFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [entries, stages] = await Promise.all([listTimeline(db, user.id, filter), listTimelineStages(db, user.id)])
  return json({ entries, stages, filter })
}

export default function TimelinePage() {
  const { entries, stages, filter } = useLoaderData<typeof loader>()
  const filtered = filter.stage !== null || filter.kind !== null
  return (
    <FormPage back={{ to: '/trainee', label: 'My progress' }} title="Everything I have logged">
      <p>Newest first. Records of a signed-off stage are read-only.</p>
      <Form method="get" className="app-filters" aria-label="Filter what you have logged" preventScrollReset>
        <FilterSelect
          name="stage"
          label="Stage"
          value={filter.stage}
          options={[{ value: '', label: 'All stages' }, ...stages.map((s) => ({ value: String(s.stageNumber), label: s.name }))]}
        />
        <FilterSelect
          name="kind"
          label="Type"
          value={filter.kind}
          options={[{ value: '', label: 'Everything' }, ...TIMELINE_KINDS.map((k) => ({ value: k, label: TIMELINE_KIND_LABEL[k] }))]}
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </Form>
      {filtered && entries.length === 0 ? <p>Nothing logged matches these filters.</p> : <Timeline entries={entries} />}
    </FormPage>
  )
}
