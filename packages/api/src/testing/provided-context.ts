// What the test run's global setup hands to every test file.
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's maintenance database; tests clone `templateDatabase` from it. */
    postgresAdminUrl: string;
    /** A database with every migration applied. */
    templateDatabase: string;
  }
}

export {};
