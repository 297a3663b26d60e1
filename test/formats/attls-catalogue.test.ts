import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ATTLS_STATEMENTS,
  canonicalName,
  catalogueMarkdown,
  checkParamValue,
  didYouMean,
  groupStatement,
  paramSpec,
  refTarget,
  statementSpec,
} from '../../lib/formats/attls';

const spec = (type: string, key: string) => {
  const p = paramSpec(type, key);
  assert.ok(p, `${type} ${key}`);
  return p;
};

describe('AT-TLS statement catalogue', () => {
  it('has every statement type the FTP server policy can use', () => {
    for (const t of ['TTLSRule', 'TTLSGroupAction', 'TTLSEnvironmentAction', 'TTLSConnectionAction', 'TTLSKeyringParms', 'TTLSCipherParms',
      'TTLSEnvironmentAdvancedParms', 'TTLSConnectionAdvancedParms', 'TTLSGroupAdvancedParms', 'TTLSGskAdvancedParms', 'TTLSSignatureParms',
      'TTLSGskLdapParms', 'TTLSGskOcspParms', 'TTLSGskHttpCdpParms', 'PortRange', 'PortGroup', 'IpAddr', 'IpAddrSet', 'IpAddrGroup', 'IpTimeCondition']) {
      assert.equal(statementSpec(t.toUpperCase())?.name, t);
    }
  });

  it('is internally consistent: unique names, references and groups point at known statements', () => {
    const names = new Set<string>();
    for (const s of ATTLS_STATEMENTS) {
      assert.ok(!names.has(s.name.toLowerCase()), s.name);
      names.add(s.name.toLowerCase());
      const keys = s.params.map((p) => p.name.toLowerCase());
      assert.equal(new Set(keys).size, keys.length, `duplicate parameter in ${s.name}`);
      for (const p of s.params) {
        if (p.value.kind === 'ref') assert.ok(statementSpec(p.value.target), `${s.name} ${p.name} → ${p.value.target}`);
        if (p.value.kind === 'group') assert.equal(statementSpec(p.value.statement)?.inline, true, `${s.name} ${p.name}`);
        if (p.default !== undefined) assert.equal(checkParamValue(p, [p.default]), undefined, `${s.name} ${p.name} default`);
      }
    }
  });

  it('maps references and inline groups to statement types', () => {
    assert.equal(refTarget('TTLSKeyringParmsRef'), 'TTLSKeyringParms');
    assert.equal(refTarget('localportrangeref'), 'PortRange');
    assert.equal(refTarget('RemoteAddrGroupRef'), 'IpAddrGroup');
    assert.equal(refTarget('TTLSGroupActionRef'), 'TTLSGroupAction');
    assert.equal(refTarget('Keyring'), undefined);
    assert.equal(groupStatement('TTLSEnvironmentAdvancedParms'), 'TTLSEnvironmentAdvancedParms');
    assert.equal(groupStatement('TTLSGroupActionRef'), undefined);
    assert.deepEqual(spec('TTLSEnvironmentAction', 'TTLSKeyringParms').exclusiveWith, ['TTLSKeyringParms', 'TTLSKeyringParmsRef']);
    assert.equal(paramSpec('TTLSRule', 'TTLSGroupAction'), undefined, 'actions are referenced from rules, never inline');
  });

  it('records required parameters and the defaults of docs/zos-reference.md §4', () => {
    assert.equal(spec('TTLSRule', 'Direction').required, true);
    assert.equal(spec('TTLSRule', 'TTLSGroupActionRef').required, true);
    assert.equal(spec('TTLSGroupAction', 'TTLSEnabled').required, true);
    assert.equal(spec('TTLSEnvironmentAction', 'HandshakeRole').required, true);
    assert.equal(spec('TTLSKeyringParms', 'Keyring').required, true);
    const env = (k: string) => spec('TTLSEnvironmentAdvancedParms', k).default;
    assert.deepEqual(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].map(env), ['Off', 'Off', 'On', 'On', 'Off', 'Off']);
    assert.equal(env('ApplicationControlled'), 'Off');
    assert.equal(env('SecondaryMap'), 'Off');
    assert.equal(env('ClientAuthType'), 'Required');
    assert.equal(env('HandshakeTimeout'), '10');
    assert.equal(spec('TTLSConnectionAdvancedParms', 'SecondaryMap').default, undefined, 'connection parms inherit, no defaults');
    assert.equal(spec('TTLSGskAdvancedParms', 'GSK_V3_SESSION_TIMEOUT').default, '86400');
    assert.equal(spec('TTLSGroupAction', 'Trace').default, '2');
    assert.ok(spec('TTLSCipherParms', 'V3CipherSuites').repeatable);
  });

  it('checks values against each grammar', () => {
    const bad = (type: string, key: string, ...values: string[]) => checkParamValue(spec(type, key), values);
    assert.equal(bad('TTLSGroupAction', 'TTLSEnabled', 'on'), undefined);
    assert.match(bad('TTLSGroupAction', 'TTLSEnabled', 'Yes')!, /expected On, Off/);
    assert.match(bad('TTLSRule', 'Direction', 'Inbnd')!, /Inbound, Outbound, Both/);
    assert.match(bad('TTLSRule', 'Priority', '0')!, /1 to 2000000000/);
    assert.equal(bad('TTLSRule', 'Priority', '2000000000'), undefined);
    assert.equal(bad('TTLSRule', 'LocalPortRange', '21'), undefined);
    assert.equal(bad('TTLSRule', 'LocalPortRange', '1024-65535'), undefined);
    assert.match(bad('TTLSRule', 'LocalPortRange', '70000')!, /0–65535/);
    assert.match(bad('TTLSRule', 'LocalPortRange', '30-20')!, /range/);
    for (const ok of ['All', '10.0.0.1', '10.0.0.0/8', '10.0.0.1-10.0.0.9', '2001:db8::1', '2001:db8::/32']) {
      assert.equal(bad('TTLSRule', 'RemoteAddr', ok), undefined, ok);
    }
    assert.match(bad('TTLSRule', 'RemoteAddr', '10.0.0.256')!, /IP address/);
    assert.match(bad('TTLSRule', 'Direction')!, /needs a value/);
    assert.match(bad('TTLSRule', 'Direction', 'Inbound', 'Outbound')!, /one value/);
    assert.match(bad('TTLSKeyringParms', 'Keyring', 'x'.repeat(1024))!, /1–1023 characters/);
    assert.match(bad('TTLSRule', 'TTLSGroupActionRef', 'x'.repeat(33))!, /1–32 characters/);
    assert.equal(bad('TTLSCipherParms', 'V3CipherSuites', '352F', 'TLS_RSA_WITH_AES_256_CBC_SHA'), undefined);
  });

  it('spells names as IBM does and suggests near misses', () => {
    assert.equal(canonicalName('ttlsenvironmentaction'), 'TTLSEnvironmentAction');
    assert.equal(canonicalName('secondarymap', 'TTLSEnvironmentAdvancedParms'), 'SecondaryMap');
    assert.equal(canonicalName('secondarymap', 'TTLSRule'), undefined);
    assert.equal(didYouMean('TTLSEnviromentAction', ATTLS_STATEMENTS.map((s) => s.name)), 'TTLSEnvironmentAction');
    assert.equal(didYouMean('Banana', ATTLS_STATEMENTS.map((s) => s.name)), undefined);
  });

  it('docs/attls.md lists the catalogue exactly as the code has it', () => {
    const doc = readFileSync(join(__dirname, '../../docs/attls.md'), 'utf8');
    assert.ok(doc.includes(catalogueMarkdown()), 'regenerate the catalogue section of docs/attls.md from catalogueMarkdown()');
  });
});
