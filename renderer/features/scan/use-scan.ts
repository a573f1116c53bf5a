/**
 * What the scan screen reads from the store, through the one fetch layer's cache
 * (renderer/api/queries.ts): the round's pages (`scan.pages`, read again on the `scan` change
 * event when a reading lands) and a page's image (`scan.image`, never changes: cached for good).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AppError } from '../../../core/result.js';
import { CallFailed } from '../../api/queries.js';
import { callScan, type ScanOutput, type ScanPage } from './api.js';

const NONE: ScanPage[] = [];

async function read<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T> {
  const answer = await r;
  if (!answer.ok) throw new CallFailed(answer.error);
  return answer.value;
}

export const pagesKey = (roundId: number) => ['scan.pages', { roundId }] as const;

export function useScanPages(roundId: number | null): { pages: ScanPage[]; error: AppError | null } {
  const q = useQuery({
    queryKey: pagesKey(roundId ?? 0),
    queryFn: () => read(callScan('scan.pages', { roundId: roundId ?? 0 })),
    enabled: roundId !== null,
    // A reading lands with a `scan` change event; while a page is being read the list is also read
    // again each second, so a window that missed an event (the loopback host restarting) catches up.
    refetchInterval: (query) => (query.state.data?.some((p) => p.status === 'reading') ? 1000 : false),
  });
  const error = q.error instanceof CallFailed ? q.error.error : null;
  return { pages: q.data ?? NONE, error };
}

export type PageImage = ScanOutput<'scan.image'>;

export function usePageImage(pageId: number | null, maxWidth: number): PageImage | null {
  const q = useQuery({
    queryKey: ['scan.image', { pageId: pageId ?? 0, maxWidth }],
    queryFn: () => read(callScan('scan.image', { pageId: pageId ?? 0, maxWidth })),
    enabled: pageId !== null,
    gcTime: 60_000,
  });
  return q.data ?? null;
}

/** The page to confirm next: the earliest read page nobody has sent yet. */
export function useNextPage(pages: ScanPage[], sent: readonly number[]): ScanPage | null {
  return useMemo(() => pages.find((p) => p.status === 'read' && !sent.includes(p.id)) ?? null, [pages, sent]);
}
