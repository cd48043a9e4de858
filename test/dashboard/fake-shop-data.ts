import { defaultRfmSegmentTable, rfmSegmentNameOf } from '../../core/segments/rfm-segment-table';
import { createSeededRandom } from '../../core/shared/seeded-random';

/**
 * TEST FIXTURE: a small deterministic shop in the shapes of docs/api.md, for the fake API the
 * dashboard's browser tests use until the real API and the demo shop are on main.
 */
export interface FakeCustomer {
  customerId: string;
  email?: string;
  firstName: string;
  country: string;
  consent: 'granted' | 'denied';
  r: number;
  f: number;
  m: number;
  rfmSegment: string;
  previousRfmSegment: string;
  lifecycleStage: string;
  frequency: number;
  monetary: number;
  recencyDays: number;
}

const COUNTRIES = ['DE', 'FR', 'US', 'JP', 'BR', 'KE'];
const NAMES = ['Ada', 'Bo', 'Chen', 'Dara', 'Eli', 'Fatma', 'Gus', 'Hana', 'Ivo', 'Jun'];

export const makeFakeCustomers = (count = 120): FakeCustomer[] => {
  const random = createSeededRandom(7);
  const score = () => 1 + Math.floor(random() * 5);
  return Array.from({ length: count }, (_, index) => {
    const [r, f, m] = [score(), score(), score()];
    const rfmSegment = rfmSegmentNameOf({ scores: { r, f, m }, table: defaultRfmSegmentTable })!;
    const previous = rfmSegmentNameOf({
      scores: { r: Math.min(5, r + (index % 3 === 0 ? 2 : 0)), f, m },
      table: defaultRfmSegmentTable,
    })!;
    const frequency = f * 2 + (index % 3);
    return {
      customerId: String(1000 + index),
      email: index % 10 === 9 ? undefined : `customer${index}@example.com`,
      firstName: NAMES[index % NAMES.length]!,
      country: COUNTRIES[index % COUNTRIES.length]!,
      consent: index % 7 === 0 ? 'denied' : 'granted',
      r,
      f,
      m,
      rfmSegment,
      previousRfmSegment: previous,
      lifecycleStage: r >= 4 ? 'active' : r === 3 ? 'cooling' : 'lapsed',
      frequency,
      monetary: Math.round(m * 97.35 * frequency * 100) / 100,
      recencyDays: (6 - r) * 37,
    };
  });
};
