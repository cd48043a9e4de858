/** Deliberately loose: one @, no spaces, a dot in the domain. SES is the real judge of deliverability. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export interface NormalisedEmail {
  /** Trimmed and lower-cased: the matching and suppression key. */
  email: string;
  /** Trimmed, as written. */
  display: string;
}

export const normaliseEmail = (text: string): NormalisedEmail | undefined => {
  const display = text.trim();
  if (!EMAIL.test(display)) return undefined;
  return { email: display.toLowerCase(), display };
};
