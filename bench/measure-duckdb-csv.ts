import { sqlString, type DuckDbSession } from './duckdb-session';
import { timeIt } from './time-it';

/** The aggregate DuckDB runs over each kind of file: it must read and convert every row. */
const QUERIES = {
  customers: (file: string) =>
    `SELECT country, count(*) AS customers, avg(income) AS income
     FROM read_csv(${sqlString(file)}, header = true) GROUP BY country`,
  orders: (file: string) =>
    `SELECT customer_id, sum(quantity * unit_price) AS revenue, count(DISTINCT order_id) AS orders
     FROM read_csv(${sqlString(file)}, header = true)
     WHERE status <> 'cancelled' GROUP BY customer_id`,
} as const;

/** Seconds for DuckDB to read and aggregate a whole CSV file with the given thread count. */
export const measureDuckDbCsv = async ({
  duck,
  file,
  kind,
  threads,
}: {
  duck: DuckDbSession;
  file: string;
  kind: keyof typeof QUERIES;
  threads: number;
}): Promise<number> => {
  await duck.query(`SET threads = ${threads}`);
  const { seconds } = await timeIt(() => duck.query(QUERIES[kind](file)));
  return seconds;
};
