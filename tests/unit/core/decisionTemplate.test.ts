import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { emptyFields, fillDecisionTemplate, parseDecisionTemplate } from '../../../src/core/template.js';

const TEMPLATE = readFileSync(new URL('../../../templates/decision.md', import.meta.url), 'utf8');

describe('the decision template', () => {
  test('what is filled in reads back as the same record and fields', () => {
    const draft = { title: 'Use Postgres', context: 'SQLite locks.\n\nUnder load.', options: ['Postgres', 'Batch'], decision: '' };
    const fields = { ...emptyFields(), tags: ['db'], links: ['https://example.com/adr'], notes: 'See the thread.' };
    expect(parseDecisionTemplate(fillDecisionTemplate(TEMPLATE, draft, fields))).toEqual({ draft, fields });
  });

  test.each([
    ['a title over two lines is one line', '## Title\nUse\nPostgres\n', { title: 'Use Postgres' }],
    ['options as bullets, numbers or checkboxes; blank ones dropped', '## Options\n- A\n2. B\n- [ ] C\n-\n', { options: ['A', 'B', 'C'] }],
    ['"Decided" is the decision; comments are dropped', '## Decided\n<!-- x -->\nYes.\n', { decision: 'Yes.' }],
  ])('%s', (_name, text, expected) => {
    expect(parseDecisionTemplate(text).draft).toMatchObject(expected);
  });

  test("a team's own section is kept in the notes", () => {
    expect(parseDecisionTemplate('## Title\nX\n## Risks\nLock-in.\n').fields.notes).toBe('### Risks\n\nLock-in.');
  });
});
