/** The http(s) URI of a List-Unsubscribe header, the one RFC 8058 one-click posts to. */
export const oneClickUrlOf = (listUnsubscribe: string | undefined): string => {
  const url = /<(https?:[^>]+)>/.exec(listUnsubscribe ?? '')?.[1];
  if (url === undefined) throw new Error(`no http(s) URI in List-Unsubscribe: ${listUnsubscribe}`);
  return url;
};

/** What a mail client sends when its reader presses "unsubscribe" (RFC 8058 section 3.1). */
export const postOneClick = (url: string): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
