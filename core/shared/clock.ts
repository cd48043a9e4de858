/** The only source of "now" in core: use cases take it as an argument so results are reproducible. */
export type Clock = () => Date;

export const fixedClock =
  (iso: string): Clock =>
  () =>
    new Date(iso);
