import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const template = (name: string) => parse(readFileSync(new URL(`../../../templates/site/${name}`, import.meta.url), 'utf8'));

describe('the Pages workflow templates (async init --pages, async site --workflow)', () => {
  test('GitHub: built on every push to main and every hour, with --since 26w', () => {
    const flow = template('github.yml');
    expect(flow.on.push).toEqual({ branches: ['main'] });
    expect(flow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d{1,2} \* \* \* \*$/) }]);
    const build = flow.jobs.build.steps.find((step: { name?: string }) => step.name === 'Build the site');
    expect(build.run).toBe('async site _site --workspace . --since 26w');
  });

  test('GitLab: the pages job runs for a pipeline schedule as well as the default branch, with --since 26w', () => {
    const pages = template('gitlab.yml').pages;
    expect(pages.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }, { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.script).toContain('async site public --workspace . --since 26w');
    expect(pages.artifacts.paths).toEqual(['public']);
  });
});
