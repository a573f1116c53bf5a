import { stringify } from 'csv-stringify/sync';
import { at, ok, type Result, refuse } from '../../core/result.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type ResultContent } from '../../core/result-file.js';
import { safeRow } from '../../core/safe-cell.js';
import { appVersion } from '../app-version.js';
import { appendCheckpoint, checkpointsRefusal, verifyCheckpoints } from '../audit/checkpoint.js';
import { auditHead as lastAuditRow, verifyAuditChain } from '../audit/log.js';
import { replayAudit } from '../audit/replay.js';
import { listMeetings } from '../congress/records.js';
import { listContests } from '../count/contest-rows.js';
import { cannotWrite, missingFolder, overCongress } from '../file-target.js';
import { done, type In, type QueryHandler, type SessionHandler, type UpdateHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { type StagedFileError, StagedFiles } from '../staged-files.js';
import { auditHead, resultContent } from './export.js';
import type { InstallationKey } from './installation-key.js';
import { canonicalJson, sha256Hex, signResult } from './sign.js';

/** The installation key, or `key.unavailable`: the prepare step of a write that signs. */
export async function loadKey(load: () => Promise<InstallationKey>): Promise<Result<InstallationKey>> {
  try {
    return ok(await load());
  } catch (error) {
    return refuse('file_io', 'key.unavailable', { detail: (error as Error).message });
  }
}

export const keysInfo: SessionHandler<'keys.info'> = {
  kind: 'session',
  // Issue 14: a paired station's windows may read it from the host.
  stations: true,
  async run(_input, { keys }) {
    const key = await loadKey(() => keys.load());
    if (!key.ok) return key;
    const { fingerprint, publicKeyRaw, createdAt, protection } = key.value;
    return ok({ fingerprint, publicKey: publicKeyRaw.toString('base64'), createdAt, protection });
  },
};

function openContests(db: SqliteDb) {
  return listMeetings(db)
    .flatMap((m) => listContests(db, m.id))
    .filter((c) => c.status !== 'closed')
    .map((c) => ({ contestId: c.id, title: c.title }));
}

export const status: QueryHandler<'result.status'> = {
  kind: 'query',
  async run(_input, { db, keys, caches }) {
    const key = await loadKey(() => keys.load());
    if (!key.ok) return key;
    const open = openContests(db);
    const hasContests = listMeetings(db).some((m) => listContests(db, m.id).length > 0);
    const contentHash = sha256Hex(canonicalJson(resultContent(db, caches.tallies)));
    return ok({
      ready: hasContests && open.length === 0,
      open,
      contentHash,
      auditHead: lastAuditRow(db),
      fingerprint: key.value.fingerprint,
    });
  },
};

/** The results as a spreadsheet: one row per candidate or written-in name per counted round. */
function resultsCsv(content: ResultContent): string {
  const rows: (string | number)[][] = [
    ['选举', '轮次', '姓名', '赞成', '不赞成', '弃权', '当选', '发出', '收回', '有效', '无效'],
  ];
  for (const contest of content.contests) {
    const names = new Map(contest.candidates.map((c) => [c.id, c.name]));
    for (const round of contest.rounds) {
      if (!round.decision) continue;
      const elected = new Set(round.decision.elected.map((e) => e.name));
      const figures = [round.issued ?? '', round.collected ?? '', round.tally.valid, round.tally.invalid];
      round.candidateIds.forEach((id, i) => {
        const t = round.tally.candidates[i]!;
        const name = names.get(id)!;
        rows.push([
          contest.title,
          round.number,
          name,
          t.for,
          t.against,
          t.abstain,
          elected.has(name) ? '是' : '',
          ...figures,
        ]);
      });
      for (const w of round.tally.writeIns) {
        rows.push([
          contest.title,
          round.number,
          `${w.name}(另选)`,
          w.for,
          '',
          '',
          elected.has(w.name) ? '是' : '',
          ...figures,
        ]);
      }
    }
  }
  // A byte-order mark so that Excel opens UTF-8 Chinese as such. Every text cell goes through
  // safeRow: a name such as `=1+1` must reach the spreadsheet as text, not as a formula (issue 12:
  // 「Every CSV/XLSX cell that starts with `= + - @` (or a tab/CR) is neutralised」).
  return `\uFEFF${stringify(rows.map(safeRow))}`;
}

interface ExportNote {
  auditHead: string;
  /** The JSON and the CSV, staged: put in place after the commit (`staged`). */
  files: StagedFiles;
}

/** Neither file of an export goes over a congress (db/file-target.ts `overCongress`), and each one's folder is there. */
function exportTargets(input: In<'result.export'>, open: string) {
  for (const [field, target] of [
    ['path', input.path],
    ['csvPath', input.csvPath],
  ] as const) {
    const refused = target === null ? null : (overCongress(target, open, field) ?? missingFolder(target));
    if (refused) return refused;
  }
  return null;
}

/** The replay's first difference between the tables and the audit log (db/audit/replay.ts), or null. */
function tablesDisagree(db: SqliteDb) {
  const replay = replayAudit(db);
  return replay.ok ? null : replay;
}

export const exportResult: UpdateHandler<'result.export', InstallationKey, ExportNote> = {
  kind: 'update',
  // Said before the chief's PIN is asked for, and again inside the transaction.
  precheck: (input, { db, path }) =>
    exportTargets(input, path) ?? tablesDisagree(db) ?? checkpointsRefusal(db) ?? ok(null),
  prepare: (_input, { keys }) => loadKey(() => keys.load()),
  run(input, { db, now, path, operator, station }, key) {
    const open = openContests(db);
    if (open.length > 0) {
      return refuse(
        'conflict',
        'results.contests_open',
        { contests: open.map((c) => c.title).join('、') },
        { field: 'contests' },
      );
    }
    if (!listMeetings(db).some((m) => listContests(db, m.id).length > 0)) {
      return refuse('conflict', 'results.no_contests');
    }
    const targets = exportTargets(input, path);
    if (targets) return targets;
    // A file whose history was edited behind the app signs nothing: the head would vouch for it.
    const chain = verifyAuditChain(db, 'last verified');
    if (!chain.ok) {
      return refuse(
        'conflict',
        'results.audit_broken',
        { id: chain.firstBrokenId ?? '?' },
        at('audit', String(chain.firstBrokenId)),
      );
    }
    // Tables edited behind the app (a ballot's marks, an elected row, an operator inserted) sign nothing either.
    const tables = tablesDisagree(db);
    if (tables) return tables;
    // A chain rewritten without the key, or another congress's, signs nothing: its checkpoints fail.
    const checkpoints = verifyCheckpoints(db);
    if (checkpoints.problem) return { ok: false, error: checkpoints.problem };
    // The file pins a checkpoint of its own head (db/audit/checkpoint.ts): the last row it states.
    const own = appendCheckpoint(db, key, { at: now, operator, station });
    // Inside the transaction: counted in full.
    const content = resultContent(db, null);
    const audit = {
      ...auditHead(db),
      anchorId: checkpoints.anchorId,
      checkpoints: [...checkpoints.signers, { auditId: own.id, fingerprint: key.fingerprint }],
    };
    const { text, contentHash } = signResult(
      {
        format: RESULT_FORMAT,
        formatVersion: RESULT_FORMAT_VERSION,
        app: { name: 'Congress Desk', version: appVersion() },
        exportedAt: now,
        content,
        audit,
      },
      key,
    );
    // One unit with the audit row (db/staged-files.ts): both files written and flushed beside their
    // targets now, renamed into place only once the row has committed, removed if anything fails.
    const files = new StagedFiles();
    let bytes: number;
    try {
      bytes = files.stage(input.path, text, 'path');
      if (input.csvPath !== null) files.stage(input.csvPath, resultsCsv(content), 'csvPath');
    } catch (error) {
      files.discard();
      const failed = error as StagedFileError;
      return cannotWrite(failed, failed.field, failed.target);
    }
    const output = {
      path: input.path,
      bytes,
      csvPath: input.csvPath,
      contentHash,
      fingerprint: key.fingerprint,
    };
    return done(output, { auditHead: audit.head, files });
  },
  staged: (note) => note.files,
  // The audit row binds the export to the chain head the file states and the key that signed it.
  audit: (input, output, { note }) => ({
    ...input,
    contentHash: output.contentHash,
    fingerprint: output.fingerprint,
    auditHead: note.auditHead,
  }),
  changes: () => [{ topic: 'audit' }],
};
