import { DEMO_INTERESTS } from './demo-catalogue';
import { drawLocalInstant, drawSeasonalDay, type DemoCalendar } from './demo-calendar';
import { NAME_POOLS } from './demo-names';
import { DEMO_PLACES, type DemoPlace } from './demo-places';
import type { DemoRandom, Weighted } from './demo-random';

/** Everything the customers export says about one person, before an id is assigned. */
export interface DemoPerson {
  email: string;
  firstName: string;
  lastName: string;
  gender: string;
  birthDate: string;
  education: string | undefined;
  maritalStatus: string;
  householdSize: number;
  children: number;
  /** Yearly household income in EUR; undefined for those who did not say. */
  income: number | undefined;
  place: DemoPlace;
  interests: string[];
  acceptsMarketing: boolean;
  signupDay: number;
  signupMs: number;
  referralSource: string;
  membership: string;
}

/** RFC 2606 names: mail to them can never reach a real person. */
const EMAIL_DOMAINS: Weighted<string> = [
  ['example.com', 5],
  ['example.org', 2],
  ['example.net', 2],
  ['mail.example.com', 1],
];

const AGES: Weighted<readonly [number, number]> = [
  [[18, 24], 12],
  [[25, 34], 24],
  [[35, 44], 22],
  [[45, 54], 18],
  [[55, 64], 13],
  [[65, 84], 11],
];

const EDUCATION: Weighted<string | undefined> = [
  ['Secondary', 30],
  ['Bachelor', 35],
  ['Master', 20],
  ['PhD', 5],
  [undefined, 10],
];

const REFERRAL_SOURCES: Weighted<string> = [
  ['search', 35],
  ['social', 25],
  ['friend', 15],
  ['newsletter', 10],
  ['marketplace', 10],
  ['podcast', 5],
];

const INTERESTS = Object.keys(DEMO_INTERESTS);
const PLACES: Weighted<DemoPlace> = DEMO_PLACES.map((place) => [place, place.weight]);
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', ð: 'd' };

/** `Søren Ó'Brien` → `soren.obrien`: what people type as an address. */
const emailWord = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øłßæð]/g, (letter) => FOLDED[letter] ?? '')
    .replace(/[^a-z0-9]/g, '');

const drawEmail = ({
  random,
  firstName,
  lastName,
  birthYear,
  taken,
}: {
  random: DemoRandom;
  firstName: string;
  lastName: string;
  birthYear: number;
  taken: Set<string>;
}): string => {
  const first = emailWord(firstName);
  const last = emailWord(lastName);
  const local = random.weighted<string>([
    [`${first}.${last}`, 5],
    [`${first}${last}`, 2],
    [`${first.charAt(0)}${last}`, 2],
    [`${first}_${last}${birthYear % 100}`, 1],
  ]);
  const domain = random.weighted(EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  // Common names collide; people then add a number, as they do at real providers.
  for (let suffix = 2; taken.has(email); suffix += 1) email = `${local}${suffix}@${domain}`;
  taken.add(email);
  return email;
};

const drawHousehold = ({
  random,
  age,
}: {
  random: DemoRandom;
  age: number;
}): Pick<DemoPerson, 'maritalStatus' | 'householdSize' | 'children'> => {
  const maritalStatus = random.weighted<string>(
    age < 25
      ? [
          ['single', 75],
          ['together', 20],
          ['married', 5],
        ]
      : [
          ['single', 25],
          ['married', 45],
          ['together', 15],
          ['divorced', 10],
          ['widowed', age > 60 ? 10 : 1],
        ],
  );
  const parentAge = age >= 25 && age <= 58;
  const children =
    parentAge && random.chance(0.55)
      ? random.weighted([
          [1, 4],
          [2, 4],
          [3, 1],
          [4, 0.3],
        ])
      : 0;
  const partnered = maritalStatus === 'married' || maritalStatus === 'together';
  return { maritalStatus, children, householdSize: 1 + (partnered ? 1 : 0) + children };
};

/**
 * Draws one person of the demo shop.
 * 1. A place, weighted by the shop's markets, and a name from one of the place's traditions.
 * 2. Age, household and income; a tenth of people leave education, a quarter income blank.
 * 3. Interests, consent (four in five say yes) and how they found the shop.
 * 4. A signup day in the history window, more of them recently (the shop grows) and in the
 *    Christmas season, at a local daytime hour.
 */
export const drawDemoPerson = ({
  random,
  calendar,
  taken,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  /** E-mails already handed out, so every customer's is unique. */
  taken: Set<string>;
}): DemoPerson => {
  const place = random.weighted(PLACES);
  const pool = NAME_POOLS[random.weighted(place.cultures)];
  const gender = random.weighted<string>([
    ['female', 49],
    ['male', 49],
    ['non-binary', 2],
  ]);
  const firstName = random.pick(
    gender === 'female' || (gender === 'non-binary' && random.chance(0.5))
      ? pool.female
      : pool.male,
  );
  const lastName = random.pick(pool.last);
  const [youngest, oldest] = random.weighted(AGES);
  const age = random.int(youngest, oldest);
  const asOfYear = new Date(calendar.asOfMs).getUTCFullYear();
  // A year earlier than `age` alone, so nobody drawn as 18 turns out 17 before their birthday.
  const birthYear = asOfYear - age - 1;
  const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const span = calendar.asOfDay - 1 - calendar.firstDay;
  const growthDay = calendar.firstDay + Math.floor(span * random.next() ** 0.75);
  const signupDay = drawSeasonalDay({
    random,
    calendar,
    from: Math.max(calendar.firstDay, growthDay - 15),
    to: Math.min(calendar.asOfDay - 1, growthDay + 15),
  });
  const interestCount = random.weighted([
    [0, 2],
    [1, 4],
    [2, 3],
    [3, 1],
  ]);
  const interests = [
    ...new Set(Array.from({ length: interestCount }, () => random.pick(INTERESTS))),
  ];
  const income = random.chance(0.25)
    ? undefined
    : Math.round(Math.min(400_000, Math.max(8_000, random.logNormal(52_000, 0.55))) / 100) * 100;
  return {
    email: drawEmail({ random, firstName, lastName, birthYear, taken }),
    firstName,
    lastName,
    gender,
    birthDate,
    education: random.weighted(EDUCATION),
    ...drawHousehold({ random, age }),
    income,
    place,
    interests,
    acceptsMarketing: random.chance(0.8),
    signupDay,
    signupMs: drawLocalInstant({ random, calendar, place, day: signupDay }),
    referralSource: random.weighted(REFERRAL_SOURCES),
    membership: random.chance(0.15) ? 'plus' : 'none',
  };
};
