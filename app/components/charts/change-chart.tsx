// Before and after VIG, one row per measure, drawn as plain SVG on the server. Each measure has its
// own scale (from its lowest to its highest possible score), so measures with different ranges are
// never squeezed onto one axis. Readable without colour: before is an open circle, after a filled
// square, an arrow points from one to the other, and both values are written next to them.
export interface ChangeRow {
  label: string
  min: number
  max: number
  before: number
  after: number
  /** e.g. 'lower is better' */
  note: string
}

const WIDTH = 480
const PAD = 28
const ROW = 84

export function ChangeChart({ id, title, rows, format }: { id: string; title: string; rows: ChangeRow[]; format: (v: number) => string }) {
  const height = 30 + rows.length * ROW
  const x = (row: ChangeRow, value: number) => PAD + ((value - row.min) / (row.max - row.min)) * (WIDTH - 2 * PAD)
  const description = rows.map((r) => `${r.label} (${r.note}, ${r.min} to ${r.max}): before ${format(r.before)}, after ${format(r.after)}`).join('. ')
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#212b32" />
          </marker>
        </defs>
        <g fontSize="13" fill="#212b32">
          <circle cx="8" cy="12" r="6" fill="#fff" stroke="#005eb8" strokeWidth="2.5" />
          <text x="20" y="16">
            Before VIG
          </text>
          <rect x="112" y="6" width="12" height="12" fill="#003087" />
          <text x="130" y="16">
            After VIG (mean scores)
          </text>
        </g>
        {rows.map((row, i) => {
          const y = 30 + i * ROW
          const axis = y + 44
          const from = x(row, row.before)
          const to = x(row, row.after)
          const gap = Math.abs(to - from) > 16 ? 8 * Math.sign(to - from) : 0
          return (
            <g key={row.label}>
              <text x="0" y={y + 14} fontSize="14" fontWeight="bold" fill="#212b32">
                {row.label} <tspan fontWeight="normal">({row.note})</tspan>
              </text>
              <line x1={PAD} x2={WIDTH - PAD} y1={axis} y2={axis} stroke="#aeb7bd" strokeWidth="2" />
              <text x={PAD} y={axis + 24} fontSize="12" fill="#4c6272" textAnchor="middle">
                {row.min}
              </text>
              <text x={WIDTH - PAD} y={axis + 24} fontSize="12" fill="#4c6272" textAnchor="middle">
                {row.max}
              </text>
              {gap !== 0 ? <line x1={from + gap} x2={to - gap} y1={axis} y2={axis} stroke="#212b32" strokeWidth="2" markerEnd={`url(#${id}-arrow)`} /> : null}
              <circle cx={from} cy={axis} r="6" fill="#fff" stroke="#005eb8" strokeWidth="2.5" />
              <rect x={to - 6} y={axis - 6} width="12" height="12" fill="#003087" />
              <text x={from} y={axis - 12} fontSize="12" textAnchor="middle" fill="#212b32">
                {format(row.before)}
              </text>
              <text x={to} y={axis + 24} fontSize="12" textAnchor="middle" fontWeight="bold" fill="#212b32">
                {format(row.after)}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
