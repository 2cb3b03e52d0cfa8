// The calls a plan and a finished report show under each step: a group the plan creates is named
// until the run made it, then called by its real id; one application is called by its id.
import * as assert from 'node:assert/strict';
import type { ApplyResult } from '../../../src/layout/applyPlan';
import type { PlanStep } from '../../../src/layout/planner';
import { planText, reportText } from '../../../src/layout/planText';
import { guid } from './fixtures';

const wiki = guid('wiki');
const helsinki = guid('helsinki');
const steps: PlanStep[] = [
  { kind: 'create', group: 'new:0', name: 'Helsinki', region: 'eur' },
  { kind: 'assignApplications', to: 'new:0', toName: 'Helsinki', applications: [{ id: wiki, label: 'Wiki', from: guid('eu'), fromName: 'EU' }] },
];

describe('plan text: the calls under each step', () => {
  it("names a group to create by its name in the plan, and one application by its id", () => {
    assert.match(planText(steps, []), new RegExp(`PUT /applications/${wiki}/connectorGroup/\\$ref → \\{id of 'Helsinki'\\}`));
  });

  it('calls a group the run created by its real id in the finished report', () => {
    const result: ApplyResult = { outcomes: [{ state: 'done' }, { state: 'done' }], created: new Map([['new:0', helsinki]]), done: [], cancelled: false };
    const report = reportText(steps, result, []);
    assert.match(report, new RegExp(`PUT /applications/${wiki}/connectorGroup/\\$ref → ${helsinki}`));
    assert.doesNotMatch(report, /id of/);
  });
});
