// Tables of the groups capability; db/schema.ts merges them into the Database interface.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GroupTables {}
