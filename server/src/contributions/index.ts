/** The extension's static contributions that are generated from the schema, by file. */
import { configSchema } from '../config/schema';
import { grammar } from './grammar';
import { snippets } from './snippets';

export function contributions(): Record<string, unknown> {
  return {
    'snippets/govreport.code-snippets': snippets(),
    'syntaxes/govreport.tmLanguage.json': grammar(),
    'schemas/govreport.schema.json': configSchema(),
  };
}
