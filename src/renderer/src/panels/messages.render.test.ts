import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorRow } from './ErrorBanner';

/** The text a person reads, in order, without the markup. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('an error in the banner', () => {
  it('shows the words first and the code after them on a muted details line', () => {
    const error = {
      id: 1,
      code: 'E_BUSY',
      message: 'Stop the running training before you open a file.',
    };
    const html = renderToStaticMarkup(createElement(ErrorRow, { error }));
    expect(words(html)).toMatch(
      /^! Stop the running training before you open a file\. Code: E_BUSY/,
    );
    expect(html).toContain('<span class="error-code">Code: E_BUSY</span>');
  });
});
