import { sqlString, type DuckDbSession } from './duckdb-session';

/**
 * The core's R/F/M scores in SQL, from raw orders (see core/segments/derive-rfm-thresholds.ts).
 * Only orders before the as-of instant count; every one adds its net revenue to monetary, only
 * completed and pending ones to frequency and recency. Buyers are customers with frequency > 0.
 * A score is `1 + floor(5 · below / n)` where `below` counts buyers with a strictly worse value:
 * `rank() - 1` is exactly that, ties sharing the lowest rank. Recency ranks descending (older is worse).
 */
export const rfmScoresSql = ({
  ordersCsv,
  asOf,
}: {
  ordersCsv: string;
  /** The run's as-of day, YYYY-MM-DD. */
  asOf: string;
}): string => {
  // The as-of day starts at midnight UTC: the benchmark runs in UTC like the file's timestamps.
  const instant = `(DATE ${sqlString(asOf)})::TIMESTAMP`;
  return `
    WITH orders AS (
      SELECT * FROM read_csv(${sqlString(ordersCsv)}, header = true, columns = {
        'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMP', 'status': 'VARCHAR', 'net_cents': 'BIGINT'
      })
    ),
    features AS (
      SELECT customer_id,
        count(*) FILTER (WHERE status IN ('completed', 'pending')) AS frequency,
        sum(net_cents) AS monetary_cents,
        date_diff('day',
          max(ordered_at) FILTER (WHERE status IN ('completed', 'pending'))::DATE,
          ${instant}::DATE) AS recency_days
      FROM orders WHERE ordered_at < ${instant}
      GROUP BY customer_id
    ),
    ranked AS (
      SELECT customer_id,
        rank() OVER (ORDER BY recency_days DESC) - 1 AS r_below,
        rank() OVER (ORDER BY frequency) - 1 AS f_below,
        rank() OVER (ORDER BY monetary_cents) - 1 AS m_below,
        count(*) OVER () AS buyers
      FROM features WHERE frequency > 0
    )
    SELECT customer_id,
      1 + (5 * r_below) // buyers AS r,
      1 + (5 * f_below) // buyers AS f,
      1 + (5 * m_below) // buyers AS m
    FROM ranked`;
};

/** Scores per customer id as `r,f,m`, for comparing with the core. */
export const duckDbRfmScores = async ({
  duck,
  ordersCsv,
  asOf,
}: {
  duck: DuckDbSession;
  ordersCsv: string;
  asOf: string;
}): Promise<Map<string, string>> => {
  const rows = await duck.query(rfmScoresSql({ ordersCsv, asOf }));
  return new Map(rows.map((row) => [String(row.customer_id), `${row.r},${row.f},${row.m}`]));
};

/**
 * The timed form: the same query aggregated to one row, so the measurement is DuckDB's work and
 * not the cost of handing a million rows to JavaScript.
 */
export const timedRfmSql = (options: { ordersCsv: string; asOf: string }): string =>
  `SELECT r, f, m, count(*) AS customers FROM (${rfmScoresSql(options)}) GROUP BY ALL`;
