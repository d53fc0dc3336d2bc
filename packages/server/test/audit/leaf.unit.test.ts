import { describe, expect, it } from 'vitest';
import { auditLeafHash, type LeafEvent, leafContent } from '../../src/platform/audit/leaf.ts';
import { eventLeafData, hashToHex } from '../../src/platform/audit/merkle/index.ts';

const event: LeafEvent = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  occurred_at: '2025-01-02T03:04:05.123456Z',
  actor_user_id: null,
  actor_org_unit_id: null,
  action: 'portal_article.insert',
  target_type: 'portal_article',
  target_id: '7d444840-9dc0-11d1-b245-5ffdce74fad2',
  outcome: 'success',
  client_ip: '192.0.2.1',
  request_id: 'req-1',
  details: { fields: ['id', 'title_en'] },
};

describe('the leaf of an audit event', () => {
  it('is the RFC 8785 canonical JSON of a fixed projection (a format: this vector must never change)', () => {
    expect(eventLeafData(leafContent(event)).toString()).toBe(
      '{"action":"portal_article.insert","actor_org_unit_id":null,"actor_user_id":null,"client_ip":"192.0.2.1",' +
        '"details":{"fields":["id","title_en"]},"id":"01890a5d-ac96-774b-bcce-b302099a8057",' +
        '"occurred_at":"2025-01-02T03:04:05.123456Z","outcome":"success","request_id":"req-1",' +
        '"target_id":"7d444840-9dc0-11d1-b245-5ffdce74fad2","target_type":"portal_article"}',
    );
    expect(hashToHex(auditLeafHash(event))).toBe(GOLDEN);
  });

  it('ignores columns outside the projection and key order, but not any value', () => {
    const reordered = Object.fromEntries(Object.entries({ ...event, leaf_index: 7 }).reverse()) as LeafEvent;
    expect(auditLeafHash(reordered)).toEqual(auditLeafHash(event));
    expect(auditLeafHash({ ...event, details: { fields: ['id'] } })).not.toEqual(auditLeafHash(event));
    expect(auditLeafHash({ ...event, occurred_at: '2025-01-02T03:04:05.123457Z' })).not.toEqual(
      auditLeafHash(event),
    );
  });
});

// SHA-256(0x00 ‖ the JSON above), computed independently of the code under test.
const GOLDEN = 'e175023c42b7b09b2c9c9fde72204f3fddf776001d18d859fd6b1dd419cab351';
