/**
 * Report text shown inside Markdown (hovers) is text, never Markdown: every
 * ASCII punctuation character gets a backslash (CommonMark's escape), so no
 * link, image, `command:` link, HTML tag, entity, autolink or emphasis can
 * come out of what a report says.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '\\$&');
}
