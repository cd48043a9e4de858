import { sqlString, type DuckDbSession } from './duckdb-session';
import { timeIt } from './time-it';

/**
 * The aggregate DuckDB runs over each kind of file. It touches every column, because DuckDB's CSV
 * reader only parses the columns a query uses, while the core parses and normalises them all:
 * aggregating one column would compare different amounts of work.
 */
const QUERIES = {
  customers: (file: string) =>
    `SELECT country, count(*) AS customers, count(DISTINCT lower(trim(email))) AS emails,
            max(customer_id), max(first_name), max(last_name), max(city), avg(birth_year),
            avg(income), max(signup_date), count(*) FILTER (WHERE marketing_consent IS NOT NULL)
     FROM read_csv(${sqlString(file)}, header = true) GROUP BY country`,
  orders: (file: string) =>
    `SELECT customer_id, sum(quantity * unit_price) AS revenue, count(DISTINCT order_id) AS orders,
            max(order_date), sum(total), max(currency), max(sku)
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
