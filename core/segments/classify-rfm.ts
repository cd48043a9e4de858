import { formatValue } from './build-value-matcher';
import type { CustomerFeatures } from './customer-features';
import type { RfmThresholds } from './derive-rfm-thresholds';
import { rfmSegmentNameOf, type RfmSegmentTable } from './rfm-segment-table';
import { scoreRfm } from './score-rfm';
import { rfmSegmentId } from './segment-ids';
import type { CustomerSegmentation, SegmentMembership } from './segment-membership';

export interface RfmClassification {
  rfm: NonNullable<CustomerSegmentation['rfm']>;
  membership: SegmentMembership;
}

const volumeReason = (features: CustomerFeatures): string => {
  const orders = `${features.frequency} order${features.frequency === 1 ? '' : 's'}`;
  const source = features.purchaseSource === 'traits' ? " (from the export's purchase traits)" : '';
  return `recency ${features.recencyDays} days, ${orders}, monetary ${formatValue(features.monetary)}${source}`;
};

/**
 * Prepares RFM scoring for a run: the name, id and headline of each of the 125 cells are fixed, so
 * they are worked out once here instead of once per customer. The returned function scores a
 * customer and explains the cell (`R=1 F=4 M=5 → Cannot Lose Them`) with the raw values.
 */
export const createRfmClassifier = ({
  thresholds,
  table,
}: {
  thresholds: RfmThresholds;
  table: RfmSegmentTable;
}): ((features: CustomerFeatures) => RfmClassification | undefined) => {
  const cells = Array.from({ length: 125 }, (_, cell) => {
    const scores = {
      r: Math.floor(cell / 25) + 1,
      f: (Math.floor(cell / 5) % 5) + 1,
      m: (cell % 5) + 1,
    };
    const name = rfmSegmentNameOf({ scores, table });
    return (
      name && {
        scores,
        segmentId: rfmSegmentId(name),
        segmentName: name,
        headline: `R=${scores.r} F=${scores.f} M=${scores.m} → ${name}`,
      }
    );
  });
  return (features) => {
    const scores = scoreRfm({ features, thresholds });
    const cell = scores && cells[(scores.r - 1) * 25 + (scores.f - 1) * 5 + (scores.m - 1)];
    if (!cell) return undefined;
    const { segmentId, segmentName } = cell;
    return {
      // Spelled out: spreading `cell.scores` here cost more than the rest of the scoring.
      rfm: { r: scores.r, f: scores.f, m: scores.m, segmentId, segmentName },
      membership: {
        segmentId,
        segmentName,
        kind: 'rfm',
        reason: [cell.headline, volumeReason(features)],
      },
    };
  };
};
