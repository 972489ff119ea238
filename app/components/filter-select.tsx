// A select in a GET filter form (the lead's trainee table, the trainee's timeline): the query
// string's value chosen, '' for "all". Filter forms are plain GET forms and need no schema errors.
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | number | null; options: { value: string; label: string }[] }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="nhsuk-select" id={`filter-${name}`} name={name} defaultValue={value === null ? '' : String(value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
