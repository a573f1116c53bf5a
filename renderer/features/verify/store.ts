import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { VerifyReport } from '../../../core/model/index.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';

export type { VerifyReport };

export type VerifyFailure = VerifyReport['failures'][number];
export type VerifySummary = NonNullable<VerifyReport['summary']>;
export type DistrictTotal = Output<'result.district'>['total'];
export type DistrictExport = Output<'result.districtExport'>;

export interface FileReport {
  path: string;
  report: VerifyReport;
  /** An earlier file with the same content (district view only). */
  duplicateOf: string | null;
  /** What the district view flags on the file (none for one file checked alone). */
  flags: Output<'result.district'>['files'][number]['flags'];
  /** Whether its figures are in the district total (one file alone: whether it is verified). */
  counted: boolean;
}

/**
 * Paths as people paste them, one a line: blank lines dropped, the quotes of Windows' "Copy
 * as path" taken off, each path once (the same file twice would count its township twice).
 */
export function parsePaths(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const path = line
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (path && !out.includes(path)) out.push(path);
  }
  return out;
}

/**
 * The district's side (issue 4): one or more result files checked — signature, key, recount —
 * with no congress open, and for several files the district view with its total (verified
 * files only) and its `.xlsx` export.
 */
interface VerifyStore {
  pathsText: string;
  fingerprint: string;
  /** The result hash from the paper form (typed, or filled by scanning the form's QR code). */
  expectHash: string;
  busy: boolean;
  error: AppError | null;
  /** The files of the last check, in the order given. */
  reports: FileReport[] | null;
  /** The district total, when several files were checked together. */
  total: DistrictTotal | null;
  /** The paths and fingerprint the reports answer (the export writes the same view). */
  checked: { paths: string[]; fingerprint: string | null } | null;
  exporting: boolean;
  exported: DistrictExport | null;
  exportError: AppError | null;
  setPathsText(text: string): void;
  addPath(path: string): void;
  setFingerprint(fingerprint: string): void;
  setExpectHash(hash: string): void;
  verify(): Promise<void>;
  exportDistrict(out: string): Promise<Result<DistrictExport> | null>;
  clear(): void;
}

export const useVerify = create<VerifyStore>()((set, get) => ({
  pathsText: '',
  fingerprint: '',
  expectHash: '',
  busy: false,
  error: null,
  reports: null,
  total: null,
  checked: null,
  exporting: false,
  exported: null,
  exportError: null,
  setPathsText(text) {
    set({ pathsText: text });
  },
  addPath(path) {
    const paths = parsePaths(get().pathsText);
    if (!paths.includes(path)) set({ pathsText: [...paths, path].join('\n') });
  },
  setFingerprint(fingerprint) {
    set({ fingerprint });
  },
  setExpectHash(expectHash) {
    set({ expectHash });
  },
  async verify() {
    const paths = parsePaths(get().pathsText);
    if (paths.length === 0) return;
    const fingerprint = get().fingerprint.trim() || null;
    set({ busy: true, error: null, exported: null, exportError: null });
    // The hash on a form belongs to one township's file: it is checked when one file is.
    const expectHash = get().expectHash.trim() || null;
    if (paths.length === 1) {
      const r = await invoke('result.verify', { path: paths[0]!, fingerprint, expectHash });
      if (r.ok)
        set({
          reports: [{ path: paths[0]!, report: r.value, duplicateOf: null, flags: [], counted: r.value.ok }],
          total: null,
          checked: { paths, fingerprint },
        });
      else set({ error: r.error });
    } else {
      const r = await invoke('result.district', { paths, fingerprint });
      if (r.ok) set({ reports: r.value.files, total: r.value.total, checked: { paths, fingerprint } });
      else set({ error: r.error });
    }
    set({ busy: false });
  },
  async exportDistrict(out) {
    const checked = get().checked;
    if (!checked) return null;
    set({ exporting: true, exportError: null, exported: null });
    const r = await invoke('result.districtExport', { ...checked, out });
    set({ exporting: false, ...(r.ok ? { exported: r.value } : { exportError: r.error }) });
    return r;
  },
  clear() {
    set({ reports: null, total: null, checked: null, error: null, exported: null, exportError: null });
  },
}));
