// The one form pattern. The same zod schema validates in the browser (react-hook-form's zod
// resolver) and again on the server (utils/forms.server.ts). Fields render the typed values and the
// server's errors into the HTML, so every form works, and keeps what was typed, without JavaScript.
import { zodResolver } from '@hookform/resolvers/zod'
import { Form, useNavigation, useRouteLoaderData, useSubmit } from '@remix-run/react'
import { createContext, useContext, type FormEvent, type ReactNode } from 'react'
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { ErrorSummary } from './error-summary'

export interface ServerFailure {
  values?: Record<string, string | string[]>
  fieldErrors?: Record<string, string>
  formError?: string
  intent?: string
}

interface FieldContextValue {
  form: UseFormReturn<FieldValues>
  values: Record<string, unknown>
  serverErrors: Record<string, string>
}

const FieldContext = createContext<FieldContextValue | null>(null)

function useField(name: string) {
  const context = useContext(FieldContext)
  if (!context) throw new Error('Form fields must be inside <ZodForm>')
  const { form, values, serverErrors } = context
  const clientError = form.formState.errors[name]?.message
  return {
    register: form.register(name),
    value: values[name],
    error: (typeof clientError === 'string' ? clientError : undefined) ?? serverErrors[name],
  }
}

interface ZodFormProps {
  schema: z.ZodType<FieldValues, FieldValues>
  /** What the fields start with: the saved record, or blanks. */
  defaultValues: Record<string, unknown>
  /** The action's answer when it refused the form (only used when it is for this form's intent). */
  failure?: ServerFailure | null
  /** Tells apart several forms on one page: a named constant from the form's schema module. */
  intent?: string
  /**
   * The record this form acts on, when the page repeats the same form for several records
   * (`{ sessionId: 12 }`): sent as hidden fields that the schema validates, and used to tell the
   * copies apart (which one shows the server's errors, field ids, the busy button).
   */
  record?: Record<string, string | number>
  action?: string
  submitLabel: string
  /**
   * Two ways to send the same form ('Submit to supervisor' / 'Save draft'): both buttons post
   * `name`, the main one with `value`, the other with `other.value`. The schema sees the choice too.
   */
  choice?: { name: string; value: string; other: { value: string; label: string } }
  secondary?: ReactNode
  children: ReactNode
  className?: string
  encType?: 'multipart/form-data'
  /** 'get' for forms that only change what a page shows (filters, what-ifs): their values land in the URL. */
  method?: 'get' | 'post'
  /** What the button says while the form is on its way ('Saving…'). */
  busyLabel?: string
  /** A secondary button, for the less usual of two decisions side by side (Return beside Accredit). */
  secondaryButton?: boolean
}

export function ZodForm({
  schema,
  defaultValues,
  failure,
  intent,
  record = {},
  action,
  submitLabel,
  choice,
  secondary,
  children,
  className,
  encType,
  method = 'post',
  busyLabel = 'Saving…',
  secondaryButton = false,
}: ZodFormProps) {
  const recordFields = Object.entries(record).map(([name, value]) => [name, String(value)] as const)
  const ours = failure && (failure.intent ?? undefined) === intent && recordFields.every(([name, value]) => failure.values?.[name] === value) ? failure : null
  const kept = useKeptFields(intent)
  const values = { ...defaultValues, ...Object.fromEntries(recordFields), ...(kept ?? {}), ...(ours?.values ?? {}) }
  const serverErrors = ours?.fieldErrors ?? {}
  const submit = useSubmit()
  const navigation = useNavigation()
  // A GET form never 'submits': it loads the page again with its values in the URL.
  const sending = method === 'get' ? navigation.state === 'loading' && navigation.formMethod === 'GET' : navigation.state === 'submitting'
  const busy = sending && navigation.formData?.get('intent') === (intent ?? null) && recordFields.every(([name, value]) => navigation.formData?.get(name) === value)
  const idPrefix = (intent ? [intent, ...recordFields.map(([, value]) => value)] : recordFields.flat()).join('-') || undefined
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema),
    defaultValues: values,
    shouldFocusError: true,
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget
    // The button pressed decides what the schema checks (a draft loosely, a submission strictly)
    // and is sent along, as the browser would send it without JavaScript.
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const button = submitter instanceof HTMLButtonElement && submitter.name ? submitter : null
    if (button) form.setValue(button.name, button.value)
    void form.handleSubmit(() => submit(button ?? element))(event)
  }
  const errors = Object.entries(serverErrors)
  return (
    <FieldContext.Provider value={{ form, values, serverErrors }}>
      <Form method={method} action={action} onSubmit={onSubmit} noValidate className={className} encType={encType}>
        {ours && (errors.length > 0 || ours.formError) ? (
          <ErrorSummary id={`${idPrefix ?? 'form'}-error-summary`} title="There is a problem">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {ours.formError ? <li>{ours.formError}</li> : null}
              {errors.map(([field, message]) => (
                <li key={field}>
                  <a href={`#${fieldId(idPrefix, field)}`}>{message}</a>
                </li>
              ))}
            </ul>
          </ErrorSummary>
        ) : null}
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {recordFields.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <IdPrefixContext.Provider value={idPrefix}>{children}</IdPrefixContext.Provider>
        <div className="nhsuk-button-group">
          <button
            type="submit"
            className={secondaryButton ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'}
            data-module="nhsuk-button"
            disabled={busy}
            name={choice?.name}
            value={choice?.value}
          >
            {busy ? busyLabel : submitLabel}
          </button>
          {choice ? (
            <button type="submit" className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" disabled={busy} name={choice.name} value={choice.other.value}>
              {choice.other.label}
            </button>
          ) : null}
          {secondary}
        </div>
      </Form>
    </FieldContext.Provider>
  )
}

/** What makes field ids unique on a page of several forms: the intent and the record's id. */
const IdPrefixContext = createContext<string | undefined>(undefined)

/**
 * What was typed into this form (told apart by `intent`) before the session ended, kept and put
 * back after signing in again (root loader, utils/auth.server.ts); null when there is none.
 */
function useKeptFields(intent: string | undefined): Record<string, unknown> | null {
  const root = useRouteLoaderData('root') as { keptForm?: { fields: Record<string, string | string[]> } | null } | undefined
  const fields = root?.keptForm?.fields
  if (!fields || (typeof fields.intent === 'string' ? fields.intent : undefined) !== intent) return null
  const { intent: _, ...rest } = fields
  return rest
}

function fieldId(prefix: string | undefined, name: string): string {
  return `${prefix ? `${prefix}-` : ''}${name}`
}

function useFieldId(name: string): string {
  return fieldId(useContext(IdPrefixContext), name)
}

interface FieldProps {
  name: string
  label: ReactNode
  hint?: ReactNode
}

function FieldShell({ id, label, hint, error, children, legend }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; legend?: boolean }) {
  const hintEl = hint ? (
    <div className="nhsuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null
  const errorEl = error ? (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  ) : null
  if (legend) {
    return (
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)} id={id} tabIndex={-1}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
          {hintEl}
          {errorEl}
          {children}
        </fieldset>
      </div>
    )
  }
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hintEl}
      {errorEl}
      {children}
    </div>
  )
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

export function TextField({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  width,
  inputMode,
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'date' | 'number'
  autoComplete?: string
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email'
}) {
  const id = useFieldId(name)
  const { register, value, error } = useField(name)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        {...register}
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={value == null ? '' : String(value)}
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${error ? ' nhsuk-input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldShell>
  )
}

/** A file upload; its form needs encType="multipart/form-data". */
export function FileField({ name, label, hint, accept }: FieldProps & { accept?: string }) {
  const id = useFieldId(name)
  const { register, error } = useField(name)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input {...register} id={id} type="file" accept={accept} className="nhsuk-file-upload__input" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} />
    </FieldShell>
  )
}

export function TextArea({ name, label, hint, rows = 4 }: FieldProps & { rows?: number }) {
  const id = useFieldId(name)
  const { register, value, error } = useField(name)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        {...register}
        id={id}
        rows={rows}
        defaultValue={value == null ? '' : String(value)}
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldShell>
  )
}

export interface Option {
  value: string
  label: string
}

export function SelectField({ name, label, hint, options, placeholder }: FieldProps & { options: Option[]; placeholder?: string }) {
  const id = useFieldId(name)
  const { register, value, error } = useField(name)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        {...register}
        id={id}
        defaultValue={value == null ? '' : String(value)}
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

/**
 * Radios under one legend. `scale` makes a compact 1–5 style rating: the radios stay in one row even
 * on a phone, with what the two ends mean written under them, at every question.
 */
export function RadioGroup({ name, label, hint, options, inline, scale }: FieldProps & { options: Option[]; inline?: boolean; scale?: { low: string; high: string } }) {
  const id = useFieldId(name)
  const { register, value, error } = useField(name)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} legend>
      <div className={`nhsuk-radios${inline || scale ? ' nhsuk-radios--inline' : ''}${scale ? ' app-radios--scale' : ''}`}>
        {options.map((o, i) => (
          <div className="nhsuk-radios__item" key={o.value}>
            <input {...register} className="nhsuk-radios__input" id={`${id}-${i}`} type="radio" value={o.value} defaultChecked={String(value ?? '') === o.value} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${i}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
      {scale ? (
        <p className="app-scale-ends nhsuk-body-s">
          <span>
            {options[0]?.label} is {scale.low}
          </span>
          <span>
            {options[options.length - 1]?.label} is {scale.high}
          </span>
        </p>
      ) : null}
    </FieldShell>
  )
}

/** A group of checkboxes under one name (many values), or a single yes/no checkbox (no options). */
export function Checkboxes({ name, label, hint, options }: FieldProps & { options: (Option & { hint?: string })[] }) {
  const id = useFieldId(name)
  const { register, value, error } = useField(name)
  const checked = new Set((Array.isArray(value) ? value : value == null || value === '' ? [] : [value]).map(String))
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} legend>
      <div className="nhsuk-checkboxes">
        {options.map((o, i) => (
          <div className="nhsuk-checkboxes__item" key={o.value}>
            <input
              {...register}
              className="nhsuk-checkboxes__input"
              id={`${id}-${i}`}
              type="checkbox"
              value={o.value}
              defaultChecked={checked.has(o.value)}
              aria-describedby={o.hint ? `${id}-${i}-hint` : undefined}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${i}`}>
              {o.label}
            </label>
            {o.hint ? (
              <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-${i}-hint`}>
                {o.hint}
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </FieldShell>
  )
}

/** A single checkbox whose value is 'on' when ticked. */
export function Checkbox({ name, label, hint }: FieldProps) {
  const id = useFieldId(name)
  const { register, value, error } = useField(name)
  const ticked = value === true || value === 'on' || value === 'true'
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input {...register} className="nhsuk-checkboxes__input" id={id} type="checkbox" value="on" defaultChecked={ticked} aria-describedby={hint ? `${id}-hint` : undefined} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  )
}
