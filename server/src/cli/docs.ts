/**
 * Where each rule is documented: its section of the README that ships with
 * the package (as the editor's diagnostics link to it), for SARIF's helpUri.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The README beside the bundle (dist/../README.md; a .vsix stores it as readme.md). */
function readme(): string {
  const candidates = ['README.md', 'readme.md'].map((f) => join(__dirname, '..', f));
  return pathToFileURL(candidates.find((f) => existsSync(f)) ?? candidates[0]).href;
}

let base: string | undefined;

/** The documentation of rule `code`: an absolute URI, as SARIF wants. */
export function ruleHelpUri(code: string): string {
  base ??= readme();
  return `${base}#${code}`;
}
