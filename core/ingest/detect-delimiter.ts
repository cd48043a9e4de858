export type Delimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
const SAMPLE_LINES = 20;

/** Counts delimiters per line outside quotes; good enough for a sample of the first lines. */
const countPerLine = (sample: string, delimiter: Delimiter): number[] => {
  const counts: number[] = [];
  let count = 0;
  let inQuotes = false;
  for (const char of sample) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === delimiter) count++;
    else if (!inQuotes && char === '\n') {
      counts.push(count);
      count = 0;
      if (counts.length === SAMPLE_LINES) return counts;
    }
  }
  // The sample's last line is usually cut short, so it only counts when it is the only line.
  if (counts.length === 0) counts.push(count);
  return counts;
};

/**
 * Picks the delimiter that splits the first lines into the same, largest number of columns. A
 * candidate is only consistent if every complete sample line has the header's count; ties go to
 * the more common delimiter in the order comma, semicolon, tab, pipe.
 */
export const detectDelimiter = (sample: string): Delimiter => {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const counts = countPerLine(sample, delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.every((count) => count === header);
    const score = (consistent ? 1_000_000 : 0) + header;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
};
