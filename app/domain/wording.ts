// Small helpers for the plain-English sentences the domain hands to people (readiness gaps,
// risk reasons and next steps), so every module words counts and durations the same way.

/** plural(1, 'cycle') = '1 cycle'; plural(2, 'cycle') = '2 cycles'. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** 60 = '1 hour', 90 = '1 hour 30 minutes', 45 = '45 minutes'. */
export function minutesInWords(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return plural(rest, 'minute')
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`
}

/**
 * Names in a sentence, at most `max` of them: "A, B, C", or past `max` "A, B, … H and 12 others".
 * A recommendation about 400 trainees names the first few; the trainee table lists them all.
 */
export function someNames(names: string[], max = 8): string {
  if (names.length <= max) return names.join(', ')
  return `${names.slice(0, max).join(', ')} and ${plural(names.length - max, 'other')}`
}
