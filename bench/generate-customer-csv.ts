import { join } from 'node:path';
import { createSeededRandom, pick, randomInt } from './seeded-random';
import { writeLines } from './write-lines';

const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hugo',
  'Inès',
  'Jonas',
  'Kai',
  'Lena',
  'Mateo',
  'Noor',
  'Oskar',
  'Paula',
];
const LAST_NAMES = [
  'Müller',
  'Smith',
  'García',
  'Rossi',
  'Dubois',
  'Jansen',
  'Nowak',
  "O'Brien",
  'Silva',
  'Tanaka',
  'Berg',
  'Kowalski',
];
/** Country as exports write it (codes and names mixed) with a few of its cities. */
const PLACES: readonly (readonly [country: string, cities: readonly string[]])[] = [
  ['DE', ['Berlin', 'Hamburg', 'München']],
  ['Germany', ['Köln', 'Leipzig']],
  ['FR', ['Paris', 'Lyon', 'Marseille']],
  ['US', ['New York', 'Chicago', 'Austin']],
  ['United Kingdom', ['London', 'Leeds']],
  ['ES', ['Madrid', 'Sevilla']],
  ['IT', ['Roma', 'Milano']],
  ['NL', ['Amsterdam', 'Utrecht']],
  ['SE', ['Stockholm', 'Umeå']],
  ['AU', ['Sydney', 'Perth']],
  ['BR', ['São Paulo', 'Recife']],
  ['CA', ['Toronto', 'Montréal']],
];
const CONSENT = ['yes', 'no', 'yes', ''];

const HEADER =
  'customer_id,email,first_name,last_name,country,city,birth_year,income,signup_date,marketing_consent';

const pad = (value: number): string => String(value).padStart(2, '0');

/** Quotes a cell only when CSV needs it, as spreadsheet exports do. */
const cell = (value: string): string =>
  /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** Rows of a plausible CRM export; the same seed always gives the same file. */
export function* customerCsvLines(rows: number, seed = 1): Generator<string> {
  const random = createSeededRandom(seed);
  yield HEADER;
  for (let i = 1; i <= rows; i += 1) {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const [country, cities] = pick(random, PLACES);
    // A tenth of exports leave income blank: the core must accept the gap.
    const income = random() < 0.1 ? '' : String(randomInt(random, 12, 180) * 1000);
    const signup = `${randomInt(random, 2015, 2025)}-${pad(randomInt(random, 1, 12))}-${pad(randomInt(random, 1, 28))}`;
    yield [
      `C${i}`,
      cell(`${first}.${last}${i}@Example.com`.replaceAll("'", '')),
      cell(first),
      cell(last),
      cell(country),
      cell(pick(random, cities)),
      String(randomInt(random, 1940, 2005)),
      income,
      signup,
      pick(random, CONSENT),
    ].join(',');
  }
}

/** Writes `customers.csv` under `dir` and returns its path. */
export const generateCustomerCsv = async ({
  dir,
  rows,
  seed,
}: {
  dir: string;
  rows: number;
  seed?: number;
}): Promise<string> => {
  const path = join(dir, 'customers.csv');
  await writeLines(path, customerCsvLines(rows, seed));
  return path;
};
