const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#1d4ed8;color:#fff;cursor:pointer}button:focus{outline:3px solid #93c5fd}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * What a person sees on opening the unsubscribe link: mail scanners and link previews open links
 * too, so only the button's POST unsubscribes.
 */
export const unsubscribeConfirmationPage = (token: string): string =>
  page(
    'Unsubscribe',
    `<h1>Unsubscribe</h1>
<p>Stop receiving marketing e-mail from us at this address?</p>
<form method="post" action="?token=${escapeAttribute(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
  );

export const unsubscribedPage = (): string =>
  page(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1>
<p>We will not send you marketing e-mail at this address any more.</p>`,
  );
