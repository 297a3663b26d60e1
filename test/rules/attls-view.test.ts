import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolicy } from '../../lib/formats/attls';
import { policyView, PROTOCOL_DEFAULTS } from '../../lib/model/attls-view';

const view = (text: string, port = 21, opts = {}) => policyView(parsePolicy(text, 'p.conf').value, port, opts);

const POLICY = `
TTLSRule low { LocalPortRange 21
  Direction Inbound
  Priority 100
  TTLSGroupActionRef grp
  TTLSEnvironmentActionRef env
}
TTLSRule b_tie { LocalPortRangeRef ports
  Direction Both
  Priority 200
  TTLSGroupActionRef grp
  TTLSEnvironmentActionRef env
  TTLSConnectionActionRef conn
}
TTLSRule a_tie { LocalPortRange 20-22
  Direction Inbound
  Priority 200
  Jobname FTPD1
  TTLSGroupActionRef grp
  TTLSEnvironmentActionRef env
  TTLSConnectionActionRef conn
}
TTLSRule out { LocalPortRange 21
  Direction Outbound
  Priority 900
  TTLSGroupActionRef grp
}
PortRange ports { Port 21 }
TTLSGroupAction grp { TTLSEnabled On
  Trace 6
}
TTLSEnvironmentAction env {
  HandshakeRole ServerWithClientAuth
  TTLSKeyringParmsRef ring
  TTLSEnvironmentAdvancedParms {
    ApplicationControlled On
    SecondaryMap On
    TLSv1.2 On
    HandshakeTimeout 30
    ClientAuthType Full
  }
  TTLSCipherParmsRef ciphers
  TTLSGskAdvancedParmsRef Gsk
}
TTLSConnectionAction conn {
  HandshakeRole Server
  TTLSConnectionAdvancedParms { SecondaryMap Off
    CertificateLabel FTP Server
  }
}
TTLSKeyringParms ring { Keyring FTPD/FTPRING }
TTLSCipherParms ciphers {
  V3CipherSuites 9D9C
  V3CipherSuites4Char C030009D
  V3CipherSuites TLS_RSA_WITH_AES_128_CBC_SHA
}
TTLSGskAdvancedParms gsk { GSK_V3_SESSION_TIMEOUT 600 }
`;

describe('policyView', () => {
  it('parses the fixture without errors', () => {
    assert.deepEqual(parsePolicy(POLICY, 'p.conf').findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });

  it('orders inbound candidates by priority, ties by name; outbound rules never map', () => {
    const v = view(POLICY);
    assert.deepEqual(v.candidates.map((c) => c.name), ['a_tie', 'b_tie', 'low']);
    assert.equal(v.rule?.name, 'a_tie');
    assert.equal(v.rule?.direction, 'Inbound');
  });

  it('skips rules whose Jobname does not match the daemon', () => {
    assert.equal(view(POLICY, 21, { jobName: 'FTPD' }).rule?.name, 'b_tie');
  });

  it('resolves actions, lets the connection override the environment, and fills defaults', () => {
    const v = view(POLICY);
    assert.equal(v.group?.statement.name, 'grp');
    assert.equal(v.environment?.via, 'ref');
    assert.equal(v.environmentAdvanced?.via, 'inline');
    assert.equal(v.ttlsEnabled.value, true);
    assert.equal(v.handshakeRole.value, 'Server', 'connection HandshakeRole overrides');
    assert.equal(v.secondaryMap.value, false, 'connection advanced parms override');
    assert.equal(v.applicationControlled.value, true);
    assert.equal(v.certificateLabel.value, 'FTP Server');
    assert.equal(v.keyring.value, 'FTPD/FTPRING');
    assert.equal(v.clientAuthType.value, 'Full');
    assert.equal(v.handshakeTimeout.value, 30);
    assert.equal(v.trace.value, 6, 'group Trace applies when env and connection are silent');
    assert.equal(v.resetCipherTimer.value, 0);
    assert.equal(v.protocols['TLSv1.2'].value, true);
    assert.equal(v.protocols.TLSv1.value, PROTOCOL_DEFAULTS.TLSv1);
    assert.equal(v.protocols.TLSv1.explicit, false);
    assert.equal(v.protocols['TLSv1.3'].value, false);
  });

  it('builds the cipher list in order without duplicates', () => {
    const v = view(POLICY);
    assert.deepEqual(v.ciphers.suites.map((c) => c.suite.code4), ['009D', '009C', 'C030', '002F']);
    assert.equal(v.ciphers.suites[2].fourChar, true);
  });

  it('reports unresolved references (names are case-sensitive) and falls back to defaults', () => {
    const v = view(POLICY);
    assert.deepEqual(v.unresolvedRefs.map((r) => `${r.key} ${r.name} -> ${r.expectedType}`), ['TTLSGskAdvancedParmsRef Gsk -> TTLSGskAdvancedParms']);
    assert.equal(v.sessionTimeout.value, 86400);
    assert.equal(v.sessionTimeout.explicit, false);
  });

  it('has no rule and IBM defaults when nothing maps the port', () => {
    const v = view(POLICY, 2121);
    assert.equal(v.rule, undefined);
    assert.equal(v.ciphers.explicit, false);
    assert.equal(v.sessionTimeout.value, 86400);
    assert.equal(v.applicationControlled.value, false);
  });
});
