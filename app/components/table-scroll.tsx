// Wide tables scroll sideways on a phone; the scrolling region must be reachable by keyboard and named.
import type { ReactNode } from 'react'

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
