// The two forms on a record's own page (a client, cycle, session or reflection): the record's form
// itself, and the delete button. Each record's schema lives in its own module.
export const UPDATE_RECORD = 'update'
export const DELETE_RECORD = 'delete'
