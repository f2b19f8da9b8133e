import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name.js';

describe('closestName', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('desciption', 'description')).toBe(1);
  });

  it('suggests typos, case slips and -/_ slips', () => {
    const keys = ['name', 'description', 'columns', 'data_tests', 'model-paths', 'on-run-start'];
    expect(closestName('colums', keys)).toBe('columns');
    expect(closestName('Description', keys)).toBe('description');
    expect(closestName('model_paths', keys)).toBe('model-paths');
    expect(closestName('on_run_start', keys)).toBe('on-run-start');
  });

  it('does not suggest far-off or too-short matches', () => {
    expect(closestName('owner_team', ['name', 'description'])).toBeUndefined();
    expect(closestName('ab', ['xy', 'name'])).toBeUndefined();
  });
});
