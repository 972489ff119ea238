// A horizontal bar chart drawn as plain SVG on the server. Horizontal, so it stays readable at phone
// width (labels sit above their bars, not squeezed beside them). Never colour alone: a second
// series is hatched, every bar carries its value, a reference line is labelled, and the numbers are
// also in a table for screen readers (or in a visible table next to the chart).
export interface BarSeries {
  name: string
}

export interface BarCategory {
  label: string
  /** One value per series. */
  values: number[]
  /** A dashed line drawn across the chart above this category, with this text (e.g. 'Funding ends 24 Mar 2027'). */
  divider?: string
  /** Drawn dotted with a dashed outline, not only in another colour: e.g. after the funding ends. */
  after?: boolean
}

interface BarChartProps {
  id: string
  title: string
  description: string
  series: BarSeries[]
  categories: BarCategory[]
  format: (value: number) => string
  /** A vertical line across the chart, e.g. the supervisors' capacity. */
  reference?: { value: number; label: string }
  /** 'hidden': a table for screen readers only; 'none': the page shows the numbers in a visible table. */
  dataTable?: 'hidden' | 'none'
}

const WIDTH = 480
const VALUE_ROOM = 104
const BAR = 16
const GAP = 4
const LABEL = 20
const ROW_GAP = 12
const COLOURS = ['#005eb8', '#003087']

export function BarChart({ id, title, description, series, categories, format, reference, dataTable = 'hidden' }: BarChartProps) {
  const legend = series.length > 1 || reference ? 28 : 0
  const top = legend + (reference ? 18 : 0)
  const rowHeight = LABEL + series.length * (BAR + GAP) + ROW_GAP
  const DIVIDER = 22
  const offsets = categories.reduce<number[]>((ys, c, i) => [...ys, (i ? ys[i - 1] + rowHeight : top) + (c.divider ? DIVIDER : 0)], [])
  const height = categories.length ? offsets[offsets.length - 1] + rowHeight : top
  const max = Math.max(1, reference?.value ?? 0, ...categories.flatMap((c) => c.values))
  const scale = (value: number) => (Math.max(value, 0) / max) * (WIDTH - VALUE_ROOM)
  const fill = (s: number, after = false) => (after ? `url(#${id}-dots)` : s === 0 ? COLOURS[0] : `url(#${id}-hatch)`)

  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={COLOURS[1]} strokeWidth="3" />
          </pattern>
          <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#fff" />
            <circle cx="3" cy="3" r="1.4" fill="#4c6272" />
          </pattern>
        </defs>
        {legend ? (
          <g fontSize="13" fill="#212b32">
            {series.map((s, i) => (
              <g key={s.name} transform={`translate(${i * 170}, 4)`}>
                <rect width="16" height="16" fill={fill(i)} stroke={COLOURS[i === 0 ? 0 : 1]} />
                <text x="22" y="13">
                  {s.name}
                </text>
              </g>
            ))}
            {reference ? (
              <g transform={`translate(${series.length * 170}, 4)`}>
                <line x1="0" y1="8" x2="16" y2="8" stroke="#d5281b" strokeWidth="2" strokeDasharray="4 2" />
                <text x="22" y="13">
                  {reference.label}
                </text>
              </g>
            ) : null}
          </g>
        ) : null}
        {categories.map((category, c) => {
          const y = offsets[c]
          return (
            <g key={category.label} transform={`translate(0, ${y})`}>
              {category.divider ? (
                <g>
                  <line x1="0" x2={WIDTH} y1={-DIVIDER / 2 - 2} y2={-DIVIDER / 2 - 2} stroke="#d5281b" strokeWidth="2" strokeDasharray="6 3" />
                  <text x={WIDTH} y={-DIVIDER / 2 - 6} fontSize="12" fontWeight="bold" fill="#d5281b" textAnchor="end">
                    {category.divider}
                  </text>
                </g>
              ) : null}
              <text x="0" y="14" fontSize="14" fontWeight="bold" fill="#212b32">
                {category.label}
              </text>
              {category.values.map((value, s) => {
                const barY = LABEL + s * (BAR + GAP)
                // After the funding ends only some series have a value: the others are left blank, not "0".
                if (category.after && value === 0) return null
                return (
                  <g key={series[s]?.name ?? s}>
                    <rect
                      x="0"
                      y={barY}
                      width={scale(value)}
                      height={BAR}
                      fill={fill(s, category.after)}
                      stroke={category.after ? '#4c6272' : COLOURS[s === 0 ? 0 : 1]}
                      strokeWidth={value > 0 ? (category.after ? 2 : 1) : 0}
                      strokeDasharray={category.after ? '4 2' : undefined}
                    />
                    <text x={scale(value) + 6} y={barY + 13} fontSize="13" fill="#212b32">
                      {format(value)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
        {reference ? (
          <g>
            <line x1={scale(reference.value)} x2={scale(reference.value)} y1={legend} y2={height - ROW_GAP / 2} stroke="#d5281b" strokeWidth="2" strokeDasharray="4 2" />
            <text x={Math.min(scale(reference.value) + 4, WIDTH - VALUE_ROOM)} y={legend + 13} fontSize="12" fill="#d5281b">
              {format(reference.value)}
            </text>
          </g>
        ) : null}
      </svg>
      {dataTable === 'hidden' ? (
        // The wrapper hides it: a table cannot shrink to the 1px the class gives, and would widen the page.
        <div className="nhsuk-u-visually-hidden">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                {series.map((s) => (
                  <th scope="col" key={s.name}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  {c.values.map((v, i) => (
                    <td key={i}>{format(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  )
}
