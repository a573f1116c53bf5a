/**
 * Issue 12 item 2, part 2: 「a script then rewrote the audit rows and recomputed the whole chain (it
 * starts from 64 zeros and involves no key): audit.verify said ok」. The chain's first row names the
 * congress's uid and the installation key; each round close and each export is followed by a
 * checkpoint signed by that key (db/audit/checkpoint.ts).
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultFile } from '../../core/result-file.js';
import { checkpointSignedText, keyRecord } from '../../db/audit/checkpoint.js';
import { auditHash, GENESIS_HASH } from '../../db/audit/log.js';
import { canonicalJson } from '../../db/canonical-json.js';
import { FileKeyStore, fingerprintOfRaw, publicKeyFromRaw, rawPublicKey } from '../../db/results/installation-key.js';
import { election } from './election-setup.js';
import { desk, makeBackend, rawDb, type TestBackend } from './helpers.js';
import { oldCongressFile } from './old-file.js';
import { countedCongress } from './result-setup.js';

type Row = Record<string, unknown> & { id: number; action: string; payload: string; prev_hash: string; hash: string };

/**
 * What the attacker's script does with `sqlite3`: drops the append-only triggers, edits the rows
 * (`edit` may change, drop or add rows), renumbers them and recomputes every hash from 64 zeros
 * with the documented formula (db/audit/log.ts auditHash). No key is involved.
 */
function rewriteChain(file: string, edit: (rows: Row[]) => Row[]): void {
  const db = rawDb(file);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const rows = edit(db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]);
  db.transaction(() => {
    db.prepare('DELETE FROM audit_log').run();
    let prev = GENESIS_HASH;
    rows.forEach((row, i) => {
      const next: Row = { ...row, id: i + 1, prev_hash: prev };
      next.hash = auditHash(prev, next as never);
      prev = next.hash;
      const columns = Object.keys(next);
      db.prepare(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
        ...columns.map((c) => next[c]),
      );
    });
    db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(rows.length);
  })();
  db.close();
}

/**
 * The script's two passes: who entered the first ballot changed and the chain recomputed; then
 * the checkpoint's payload replaced by `checkpoint(old payload, the row now before it)`, the chain
 * recomputed again. Answers the checkpoint's id.
 */
function rewriteBallotAndCheckpoint(file: string, checkpoint: (old: Record<string, unknown>, before: Row) => unknown) {
  let checkpointId = 0;
  rewriteChain(file, (rows) => {
    rows.find((r) => r.action === 'ballots.enter')!.operator = '王五';
    return rows;
  });
  rewriteChain(file, (rows) => {
    const i = rows.findIndex((r) => r.action === 'audit.checkpoint');
    checkpointId = rows[i]!.id;
    rows[i]!.payload = canonicalJson(checkpoint(payloadOf(rows[i]!), rows[i - 1]!));
    return rows;
  });
  return checkpointId;
}

const payloadOf = (row: Row) => JSON.parse(row.payload) as Record<string, unknown>;

/** A counted congress with its round closed (one checkpoint), closed in the app and left to the script. */
async function closedRound() {
  const e = await countedCongress();
  await e.call('rounds.close', { roundId: e.roundId });
  await e.call('congress.close', {});
  return e;
}

async function reopened(tb: TestBackend, file: string) {
  await tb.call('congress.open', { path: file });
  return tb.call('audit.verify', {});
}

const exportTo = (tb: TestBackend, dir: string, name = 'result.json') =>
  tb.backend.invoke('result.export', { path: path.join(dir, name), csvPath: null }, desk);

describe('issue 12: a chain recomputed without the key shows (anchor and signed checkpoints)', () => {
  it("a new congress's first audit row names its uid and this laptop's public key and fingerprint", async () => {
    const tb = makeBackend();
    const e = await election({}, tb);
    const key = await new FileKeyStore(tb.dataDir).load();
    const db = rawDb(e.path);
    const first = db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as Row;
    db.close();
    expect(first.action).toBe('congress.create');
    const { congress } = await tb.call('congress.get', {});
    expect(payloadOf(first)).toMatchObject({ uid: congress.uid, key: keyRecord(key) });
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: true, anchor: { anchorId: 1, problem: null } });
  });

  it('a round close is followed, in its transaction, by a checkpoint an outside verifier checks with the recorded key', async () => {
    const e = await closedRound();
    const db = rawDb(e.path);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
    db.close();
    const close = rows.findIndex((r) => r.action === 'rounds.close');
    const checkpoint = rows[close + 1]!;
    expect(checkpoint.action).toBe('audit.checkpoint');
    const p = payloadOf(checkpoint);
    const recorded = payloadOf(rows[0]!).key as { publicKey: string; fingerprint: string };
    expect(p).toMatchObject({
      followsId: rows[close]!.id,
      followsHash: rows[close]!.hash,
      fingerprint: recorded.fingerprint,
    });
    // The documented bytes, checked with Node's crypto alone.
    const text = canonicalJson({
      format: 'congress-desk-audit-checkpoint',
      uid: p.uid,
      followsId: p.followsId,
      followsHash: p.followsHash,
      fingerprint: p.fingerprint,
    });
    expect(text).toBe(checkpointSignedText(p as never));
    const publicKey = publicKeyFromRaw(Buffer.from(recorded.publicKey, 'base64'))!;
    expect(verify(null, Buffer.from(text), publicKey, Buffer.from(String(p.signature), 'base64'))).toBe(true);
    const verdict = await reopened(e, e.path);
    expect(verdict).toMatchObject({ ok: true, anchor: { anchorId: 1, checkpoints: 1, problem: null } });
    expect(verdict.anchor.signers).toEqual([{ auditId: checkpoint.id, fingerprint: recorded.fingerprint }]);
  });

  it('attack: sqlite3 drops the triggers, a script changes who entered a ballot and recomputes the whole chain from 64 zeros → audit.verify fails at the first checkpoint after the edited row, and result.export refuses', async () => {
    const e = await closedRound();
    let edited = 0;
    let checkpointId = 0;
    rewriteChain(e.path, (rows) => {
      const ballot = rows.find((r) => r.action === 'ballots.enter')!;
      ballot.operator = '王五';
      edited = ballot.id;
      checkpointId = rows.find((r) => r.action === 'audit.checkpoint')!.id;
      return rows;
    });
    const verdict = await reopened(e, e.path);
    // The chain itself holds (it was recomputed): only the checkpoint shows.
    expect(verdict.firstBrokenId).toBeNull();
    expect(edited).toBeLessThan(checkpointId);
    expect(verdict.ok).toBe(false);
    expect(verdict.anchor.firstBadId).toBe(checkpointId);
    expect(verdict.anchor.problem).toMatchObject({ reason: 'audit.checkpoint_moved', params: { id: checkpointId } });
    const refused = await exportTo(e, e.dir);
    expect(refused).toMatchObject({
      ok: false,
      error: { reason: 'audit.checkpoint_moved', params: { id: checkpointId } },
    });
    expect(fs.existsSync(path.join(e.dir, 'result.json'))).toBe(false);
  });

  it('attack: the script also puts the new hash into the checkpoint it cannot sign → audit.checkpoint_forged at that checkpoint', async () => {
    const e = await closedRound();
    // The checkpoint made to name the recomputed row before it, the signature left as it was.
    const checkpointId = rewriteBallotAndCheckpoint(e.path, (old, before) => ({ ...old, followsHash: before.hash }));
    const verdict = await reopened(e, e.path);
    expect(verdict.firstBrokenId).toBeNull();
    expect(verdict.anchor).toMatchObject({ firstBadId: checkpointId, problem: { reason: 'audit.checkpoint_forged' } });
    expect((await exportTo(e, e.dir)).ok).toBe(false);
  });

  it('attack: the script deletes the checkpoint and recomputes the chain → audit.checkpoint_missing naming the round close', async () => {
    const e = await closedRound();
    let closeId = 0;
    rewriteChain(e.path, (rows) => {
      closeId = rows.find((r) => r.action === 'rounds.close')!.id;
      return rows.filter((r) => r.action !== 'audit.checkpoint');
    });
    const verdict = await reopened(e, e.path);
    expect(verdict.firstBrokenId).toBeNull();
    expect(verdict.anchor).toMatchObject({ firstBadId: closeId, problem: { reason: 'audit.checkpoint_missing' } });
    expect(await exportTo(e, e.dir)).toMatchObject({ ok: false, error: { reason: 'audit.checkpoint_missing' } });
  });

  it('attack: the script strips the anchor (no uid, no key in the first row) and every checkpoint, so that the next open anchors it as a file from before → audit.anchor_late at the first row this build wrote', async () => {
    const e = await closedRound();
    rewriteChain(e.path, (rows) => {
      const { uid: _uid, key: _key, ...rest } = payloadOf(rows[0]!);
      rows[0]!.payload = canonicalJson(rest);
      return rows.filter((r) => r.action !== 'audit.checkpoint');
    });
    // The reopening cannot mend it: a stripped file is not one from before issue 12 (its
    // closes have no checkpoint, and the anchor the open appends comes after them)…
    const verdict = await reopened(e, e.path);
    expect(verdict.ok).toBe(false);
    // Row 1 (the congress created) carries its changes: this build wrote it, before the anchor.
    expect(verdict.anchor).toMatchObject({ firstBadId: 1, problem: { reason: 'audit.anchor_late' } });
    expect(await exportTo(e, e.dir)).toMatchObject({ ok: false, error: { reason: 'audit.anchor_late' } });
  });

  it("attack: a first row forged with another congress's uid → audit.anchor_other_congress at row 1, naming both uids", async () => {
    const e = await closedRound();
    const other = 'ab'.repeat(16);
    rewriteChain(e.path, (rows) => {
      rows[0]!.payload = canonicalJson({ ...payloadOf(rows[0]!), uid: other });
      return rows;
    });
    const verdict = await reopened(e, e.path);
    const { congress } = await e.call('congress.get', {});
    expect(verdict.anchor).toMatchObject({
      firstBadId: 1,
      problem: { reason: 'audit.anchor_other_congress', params: { id: 1, found: other, uid: congress.uid } },
    });
    expect((await exportTo(e, e.dir)).ok).toBe(false);
  });

  it('attack: the checkpoint re-signed by another key (its own fingerprint, or the right one) → audit.checkpoint_other_key / audit.checkpoint_forged', async () => {
    for (const claim of ['own', 'recorded'] as const) {
      const e = await closedRound();
      const { privateKey } = generateKeyPairSync('ed25519');
      const raw = rawPublicKey(privateKey);
      const checkpointId = rewriteBallotAndCheckpoint(e.path, (old, before) => {
        const body = {
          uid: String(old.uid),
          followsId: before.id,
          followsHash: before.hash,
          fingerprint: claim === 'own' ? fingerprintOfRaw(raw) : String(old.fingerprint),
        };
        return {
          ...body,
          signature: sign(null, Buffer.from(checkpointSignedText(body)), privateKey).toString('base64'),
        };
      });
      const verdict = await reopened(e, e.path);
      expect(verdict.firstBrokenId).toBeNull();
      expect(verdict.anchor).toMatchObject({
        firstBadId: checkpointId,
        problem: { reason: claim === 'own' ? 'audit.checkpoint_other_key' : 'audit.checkpoint_forged' },
      });
      expect((await exportTo(e, e.dir)).ok).toBe(false);
    }
  });

  it('a congress moved to another laptop records the new key (audit.key), and checkpoints from there on verify with it; the result file names both signers', async () => {
    const e = await countedCongress();
    await e.call('rounds.close', { roundId: e.roundId });
    await e.call('congress.close', {});
    const oldKey = await new FileKeyStore(e.dataDir).load();

    const laptop2 = makeBackend();
    await laptop2.call('congress.open', { path: e.path });
    const newKey = await new FileKeyStore(laptop2.dataDir).load();
    expect(newKey.fingerprint).not.toBe(oldKey.fingerprint);
    const [last] = await laptop2.call('audit.list', { limit: 1, beforeId: null });
    expect(last!.action).toBe('audit.key');
    expect(JSON.parse(last!.payload)).toMatchObject({ key: keyRecord(newKey), replaces: oldKey.fingerprint });
    // Opening it again on the same laptop records nothing more.
    await laptop2.call('congress.close', {});
    await laptop2.call('congress.open', { path: e.path });
    expect((await laptop2.call('audit.list', { limit: 1, beforeId: null }))[0]!.id).toBe(last!.id);

    const out = path.join(laptop2.dir, 'moved.json');
    await laptop2.call('result.export', { path: out, csvPath: null });
    const verdict = await laptop2.call('audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, anchor: { checkpoints: 2, problem: null } });
    expect(verdict.anchor.signers.map((s) => s.fingerprint)).toEqual([oldKey.fingerprint, newKey.fingerprint]);
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultFile;
    expect(file.audit.checkpoints).toEqual(verdict.anchor.signers);
    expect(file.audit.anchorId).toBe(1);
    expect(file.content.congress.uid).toBe((await laptop2.call('congress.get', {})).congress.uid);
    // The export's own checkpoint is the head the file states.
    const head = (await laptop2.call('audit.list', { limit: 2, beforeId: null }))[1]!;
    expect(head.action).toBe('audit.checkpoint');
    expect(file.audit.head).toBe(head.hash);
    expect(file.audit.checkpoints!.at(-1)!.auditId).toBe(head.id);
    expect((await laptop2.call('result.verify', { path: out, fingerprint: newKey.fingerprint })).failures).toEqual([]);
  });

  it('a file from schema 7 gets an audit.anchor row (its uid, this laptop key) on its first open, verifies, and gets no second one', async () => {
    const file = oldCongressFile(7);
    const tb = makeBackend();
    const { congress } = await tb.call('congress.open', { path: file });
    const key = await new FileKeyStore(tb.dataDir).load();
    const rows = await tb.call('audit.list', { limit: 10, beforeId: null });
    const anchor = rows.find((r) => r.action === 'audit.anchor')!;
    expect(JSON.parse(anchor.payload)).toEqual({ uid: congress.uid, key: keyRecord(key) });
    expect(JSON.parse(rows.at(-1)!.payload).uid).toBeUndefined();
    expect(await tb.call('audit.verify', {})).toMatchObject({
      ok: true,
      anchor: { anchorId: anchor.id, problem: null },
    });
    await tb.call('congress.close', {});
    await tb.call('congress.open', { path: file });
    const again = await tb.call('audit.list', { limit: 10, beforeId: null });
    expect(again.filter((r) => r.action.startsWith('audit.anchor') || r.action === 'audit.key')).toHaveLength(1);
  });
});
