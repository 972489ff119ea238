// What a model answers when a write is refused for a reason the person can fix (a duplicate code,
// a locked stage): the message, and the form field it belongs next to when there is one.
export type Outcome<T> = { ok: true; value: T } | { ok: false; field?: string; message: string }

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value })

export const refuse = (message: string, field?: string): { ok: false; field?: string; message: string } => ({ ok: false, field, message })
