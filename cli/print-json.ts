/** `--json`: the API's response exactly as it came, for scripts. */
export const printJson = (value: unknown): void => {
  console.log(JSON.stringify(value, null, 2));
};
