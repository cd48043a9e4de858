import type { CustomerSegmentation } from '../segments';

/**
 * One R × F cell: how many customers, their mean M score, their average spend (monetary, in the
 * shop's currency) and the RFM segment most of them are in.
 */
export interface RfmGridCell {
  r: number;
  f: number;
  customers: number;
  meanM: number;
  averageSpend: number;
  segmentName: string;
}

interface GridInput {
  rfm?: CustomerSegmentation['rfm'];
  features: Pick<CustomerSegmentation['features'], 'monetary'>;
}

/**
 * Folds customers into the 5 × 5 R × F grid the dashboard and report draw. Cells without customers
 * are left out; customers without orders have no RFM score and are not in the grid.
 */
export const buildRfmGrid = (customers: Iterable<GridInput>): RfmGridCell[] => {
  const cells = new Map<
    string,
    {
      r: number;
      f: number;
      customers: number;
      mTotal: number;
      spend: number;
      names: Map<string, number>;
    }
  >();
  for (const { rfm, features } of customers) {
    if (!rfm) continue;
    const key = `${rfm.r}:${rfm.f}`;
    let cell = cells.get(key);
    if (!cell)
      cells.set(
        key,
        (cell = { r: rfm.r, f: rfm.f, customers: 0, mTotal: 0, spend: 0, names: new Map() }),
      );
    cell.customers += 1;
    cell.mTotal += rfm.m;
    cell.spend += features.monetary;
    cell.names.set(rfm.segmentName, (cell.names.get(rfm.segmentName) ?? 0) + 1);
  }
  return [...cells.values()]
    .sort((a, b) => b.r - a.r || b.f - a.f)
    .map((cell) => ({
      r: cell.r,
      f: cell.f,
      customers: cell.customers,
      meanM: Math.round((cell.mTotal / cell.customers) * 10) / 10,
      averageSpend: Math.round((cell.spend / cell.customers) * 100) / 100,
      segmentName: [...cell.names.entries()].sort((a, b) => b[1] - a[1])[0]![0],
    }));
};
