/** URL of the committed SDL file (a `file:` URL in Node: `readFileSync(schemaPath, 'utf8')` reads it). */
export declare const schemaPath: URL;
/** The committed SDL of the Evikomp GraphQL API. */
export declare const schemaSdl: string;
