import type { ReactNode } from 'react';
import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { PrintedHash } from '../PrintedHash.js';
import { FormCodeImage } from './FormCode.js';
import styles from './Paper.module.css';

/**
 * What binds the paper to the signed result file (DESIGN.md "Signed results"): the
 * installation key's fingerprint, the result's full hash and the audit log's last row at the
 * moment of printing. `final` when every contest is closed: the hash will not change before
 * the export.
 */
export interface PaperSeal {
  fingerprint: string;
  /** SHA-256 of the result content, hex: all of it is printed (issue 12: 「at least 128 bits」; 48 were a GPU's afternoon from a forgery). */
  hash: string;
  /** The audit log's last row (null before the first write). */
  audit: { id: number; hash: string } | null;
  final: boolean;
}

export const SIGN_ROLES = ['chief', 'scrutineer', 'counter'] as const;
export type SignRole = (typeof SIGN_ROLES)[number] | 'recorder';

/** Rule 13: one of the contest's officials, named under a signature line of their role. */
export interface PaperOfficial {
  role: 'chief_scrutineer' | 'scrutineer' | 'counter';
  name: string;
  /** How the meeting approved a scrutineer (null for a counter, who is appointed). */
  approval?: string | null;
}

const OFFICIAL_ROLE: Partial<Record<SignRole, PaperOfficial['role']>> = {
  chief: 'chief_scrutineer',
  scrutineer: 'scrutineer',
  counter: 'counter',
};

const ROLE_LABEL: Record<SignRole, MessageKey> = {
  chief: 'report.form.sign.chief',
  scrutineer: 'report.form.sign.scrutineer',
  counter: 'report.form.sign.counter',
  recorder: 'oath.form.sign.recorder',
};

/**
 * The seal at the foot: the key's fingerprint, the result's full hash, the audit log's last row
 * (its id and hash), each readable aloud in groups, and the QR code of all three for the verify
 * screen's scanner (core/form-code.ts). Blank lines (—) when the backend could not say.
 */
function SealParts(props: { t: Translate; seal: PaperSeal | null; children: ReactNode }) {
  const { t, seal } = props;
  const unknown = t('paper.unknown');
  return (
    <div className={styles.sealCode}>
      <div className={styles.sealText}>
        <dl className={styles.seal}>
          <dt>{t('paper.fingerprint')}</dt>
          <dd className={styles.sealValue} data-testid="paper-fingerprint">
            {seal?.fingerprint ?? unknown}
          </dd>
          <dt>{t('paper.hash')}</dt>
          <dd className={styles.sealValue} data-testid="paper-hash">
            {seal ? <PrintedHash hex={seal.hash} lineClassName={styles.hashLine} /> : unknown}
          </dd>
          {/* The row's id beside the label: the value is the hash's two lines, as above. */}
          <dt data-testid="paper-audit-row">
            {seal?.audit ? t('paper.auditHead.row', { id: seal.audit.id }) : t('paper.auditHead')}
          </dt>
          <dd className={styles.sealValue} data-testid="paper-audit">
            {seal?.audit ? <PrintedHash hex={seal.audit.hash} lineClassName={styles.hashLine} /> : unknown}
          </dd>
        </dl>
        {props.children}
      </div>
      {seal && (
        <FormCodeImage
          code={{ hash: seal.hash, audit: seal.audit, fingerprint: seal.fingerprint }}
          label={t('paper.code')}
        />
      )}
    </div>
  );
}

/**
 * The foot of every paper form: lines for those who sign (总监票人, 监票人, 计票人 by default;
 * one line per appointed official with the name under it, or one blank line for a role nobody
 * was appointed to), how the meeting approved the scrutineers, the secretariat's seal and date,
 * the key's fingerprint, the result's hash, the audit head and their QR code, and when it was printed. A form with a
 * table puts it in the table's last row group (PaperTail) so it never stands alone on a page.
 */
export function PaperFooter(props: {
  t: Translate;
  /** Null when the backend could not say (the key could not be read): the lines stay blank. */
  seal: PaperSeal | null;
  printedAt: string;
  roles?: readonly SignRole[];
  /** Those appointed to sign (总监票人, 监票人, 计票人): a line for each, the name printed under it. */
  officials?: readonly PaperOfficial[];
}) {
  const { t, seal } = props;
  const roles = props.roles ?? SIGN_ROLES;
  // Rule 13: how the meeting approved the 总监票人 and 监票人 (「经大会表决通过」), each wording once.
  const approvals = [
    ...new Set((props.officials ?? []).flatMap((o) => (o.role !== 'counter' && o.approval ? [o.approval] : []))),
  ];
  return (
    <div className={styles.end}>
      <section className={styles.signatures}>
        <div className={styles.signLines}>
          {roles.map((role) => {
            const named = (props.officials ?? []).filter((o) => o.role === OFFICIAL_ROLE[role]);
            return (
              <div key={role} className={styles.sign} data-testid="paper-sign" data-role={role}>
                <span>{t('paper.sign', { role: t(ROLE_LABEL[role]) })}</span>
                {named.length === 0 ? (
                  <span className={styles.line} />
                ) : (
                  <span className={styles.signSlots}>
                    {named.map((o, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: two officials may share a name
                      <span key={i} className={styles.signSlot} data-testid="paper-official">
                        <span className={styles.line} />
                        <span className={styles.signName}>{t('paper.sign.name', { name: o.name })}</span>
                      </span>
                    ))}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <div className={styles.signSecretariat}>
          <span>{t('report.form.sign.secretariat')}</span>
          <span className={styles.date}>{t('report.form.sign.date')}</span>
        </div>
      </section>
      {approvals.length > 0 && (
        <p className={styles.signApproval} data-testid="paper-officials-approval">
          {t('paper.officials.approval', { approval: approvals.join(t('list.clauseSeparator')) })}
        </p>
      )}
      <footer className={styles.foot} data-testid="paper-foot">
        {/* The note and the time beside the QR code too: the compact forms keep to one A4 page. */}
        <SealParts t={t} seal={seal}>
          <div className={styles.sealNote}>{t(seal?.final ? 'paper.seal.final' : 'paper.seal.interim')}</div>
          <div>{t('report.form.printedAt', { at: props.printedAt })}</div>
        </SealParts>
      </footer>
    </div>
  );
}
