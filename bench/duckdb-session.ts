import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface DuckDbSession {
  connection: DuckDBConnection;
  /** Runs a query and returns its rows as plain objects (bigints for integers). */
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  close: () => void;
}

/** An in-memory DuckDB, the side-by-side baseline: nothing is persisted between runs. */
export const openDuckDb = async (): Promise<DuckDbSession> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    connection,
    query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

/** A path as a SQL string literal. */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;
