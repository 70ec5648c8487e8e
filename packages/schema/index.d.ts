/** Absolute path of the committed SDL. */
export declare const schemaPath: URL;
/** The committed SDL of the Evikomp GraphQL API. */
export declare const schemaSdl: string;
