import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBlocking } from '../../lib/diagnostics';
import { runRules } from '../../lib/rules';
import { attlsFtp, policy, rule } from './cases';
import { lintModel } from './lint-driver';

// Direction Outbound: ATTLS-DIRECTION, an error.
const broken = { ftpData: attlsFtp(), policy: policy({ rule: rule('Direction', 'Direction Outbound') }) };

describe('acknowledgements', () => {
  it('an unacknowledged error blocks', () => {
    const f = runRules(lintModel(broken).model).find((x) => x.ruleId === 'ATTLS-DIRECTION')!;
    assert.ok(isBlocking(f));
  });

  it('an acknowledgement in code keeps the finding, marked, and it no longer blocks', () => {
    const { model } = lintModel(broken);
    const fs = runRules({ ...model, path: 'App/Server', acknowledgements: [{ ruleId: 'ATTLS-DIRECTION', reason: 'rule is for a test LPAR' }] });
    const f = fs.find((x) => x.ruleId === 'ATTLS-DIRECTION')!;
    assert.deepEqual(f.acknowledged, { reason: 'rule is for a test LPAR' });
    assert.equal(f.path, 'App/Server');
    assert.equal(isBlocking(f), false);
  });

  it('a `; zftps-ack` comment in FTP.DATA acknowledges a policy finding', () => {
    const { model } = lintModel({ ...broken, ftpData: attlsFtp({}, '; zftps-ack ATTLS-DIRECTION outbound rule is handled by the network team') });
    const f = runRules(model).find((x) => x.ruleId === 'ATTLS-DIRECTION')!;
    assert.equal(f.acknowledged?.reason, 'outbound rule is handled by the network team');
    assert.equal(f.acknowledged?.location?.file, 'FTP.DATA');
  });

  it('a `# zftps-ack` comment in the policy acknowledges', () => {
    const { model } = lintModel({ ...broken, policy: '# zftps-ack ATTLS-DIRECTION accepted for the migration window\n' + broken.policy });
    const f = runRules(model).find((x) => x.ruleId === 'ATTLS-DIRECTION')!;
    assert.equal(f.acknowledged?.reason, 'accepted for the migration window');
    assert.equal(f.acknowledged?.location?.line, 1);
  });

  it('an acknowledgement naming an unknown rule id is itself a finding, at its line', () => {
    const { model } = lintModel({ ...broken, ftpData: attlsFtp({}, '; zftps-ack ATTLS-DIRECTON typo in the id') });
    const fs = runRules(model);
    const unknown = fs.find((x) => x.ruleId === 'ZFTPS-ACK-UNKNOWN-RULE')!;
    assert.match(unknown.message, /ATTLS-DIRECTON/);
    assert.equal(unknown.location?.line, model.ftpData.statements.length + 2);
    assert.ok(isBlocking(fs.find((x) => x.ruleId === 'ATTLS-DIRECTION')!), 'the misspelled ack silences nothing');
  });

  it('an acknowledgement in code without a reason is ignored and reported', () => {
    const { model } = lintModel(broken);
    const fs = runRules({ ...model, acknowledgements: [{ ruleId: 'ATTLS-DIRECTION', reason: '  ' }] });
    assert.ok(fs.some((x) => x.ruleId === 'ZFTPS-ACK-NO-REASON'));
    assert.ok(isBlocking(fs.find((x) => x.ruleId === 'ATTLS-DIRECTION')!));
  });

  it('a rule that throws becomes a ZFTPS-RULE-FAILED error instead of a stack trace', () => {
    const { model } = lintModel(broken);
    const bad = { id: 'X-BAD', severity: 'warning' as const, title: 't', fix: 'f', description: 'd', sources: [], settings: ['S'], check: () => { throw new Error('boom'); } };
    const fs = runRules(model, [bad]);
    assert.equal(fs[0].ruleId, 'ZFTPS-RULE-FAILED');
    assert.match(fs[0].message, /X-BAD failed: boom/);
  });
});
