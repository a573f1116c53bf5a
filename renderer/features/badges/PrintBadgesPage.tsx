import { Alert } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { imagesDecoded } from '../../lib/print.js';
import { useDelegates } from '../roster/delegates.js';
import { BadgeSheets } from './BadgeSheets.js';
import { BADGES_PER_SHEET, badgeDelegates, badgeRequest, badgeSheets } from './sheet.js';

/**
 * `#/print/badges?delegates=all` or `?ids=1,2,3` (`&category=voting|alternate|nonvoting`): the
 * 代表证 of the roster or of the delegates chosen, in roster order, eight to an A4 sheet.
 * `data-ready` once every bar and QR image is decoded, so a PDF taken then shows them all.
 */
export function PrintBadgesPage() {
  const t = useT();
  const query = useRoute((s) => s.query);
  const congress = useCongress((s) => s.file?.congress ?? null);
  const roster = useDelegates();
  const request = useMemo(() => badgeRequest(query), [query]);
  const chosen = useMemo(() => badgeDelegates(roster.delegates, request), [roster.delegates, request]);

  const sheets = useRef<HTMLDivElement>(null);
  const [decoded, setDecoded] = useState<unknown>(null);
  const shown = roster.loaded && congress ? chosen : null;
  useEffect(() => {
    let live = true;
    if (shown) void imagesDecoded(sheets.current).then(() => live && setDecoded(shown));
    return () => {
      live = false;
    };
  }, [shown]);

  const n = chosen.delegates.length;
  const pdfName = n === 1 ? `${chosen.delegates[0]!.name}-${t('badges.pdf')}` : t('badges.pdf');
  return (
    <PrintPage
      ready={shown !== null && decoded === shown}
      form={
        shown &&
        congress && (
          <div ref={sheets}>
            <div className="no-print">
              {chosen.missing.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="badges-missing"
                  title={t('badges.missing', { n: chosen.missing.length, ids: chosen.missing.join(', ') })}
                />
              )}
              <Alert
                type={n === 0 ? 'info' : 'success'}
                data-testid="badges-count"
                title={
                  n === 0
                    ? t('badges.none')
                    : t('badges.count', { n, sheets: badgeSheets(chosen.delegates).length, per: BADGES_PER_SHEET })
                }
              />
            </div>
            <BadgeSheets delegates={chosen.delegates} congress={congress.name} t={t} />
          </div>
        )
      }
      error={roster.error}
      pdfName={pdfName}
    />
  );
}
