import { Link, useLocation, useOnline, useLanguage, StatusBanner } from '@olympiad/ui';
import { lazy, Suspense, useMemo } from 'react';
import { AssignmentsPage } from '../assignments/assignments-page';
import { SignOutConfirm } from '../outbox/sign-out-confirm';
import { SyncBanner } from '../outbox/sync-banner';
import { useOutboxFor } from '../outbox/use-outbox';
import type { OutboxStore } from '../outbox/outbox-store';
import type { JudgeSession } from '../session/judge-session';
import type { JudgeMe } from '@olympiad/contracts';
import { JudgeProvider, type JudgeContextValue } from './judge-context';
import { paths, routeOf } from './judge-routes';

export interface SignedInAppProps {
  session: JudgeSession;
  me: JudgeMe;
  reachable: boolean;
  outboxStore?: OutboxStore;
  /** The judge pressed "Sign out": ask first (here, where the outbox is known). */
  signOut?: { confirm: () => void; cancel: () => void } | null;
}

// The scoring screens (and the rules they run) load after the sign-in screen has shown; the
// service worker precaches them, so they open offline too.
const CategoryPage = lazy(() =>
  import('../category/category-page').then((module) => ({ default: module.CategoryPage })),
);
const ReviewPage = lazy(() =>
  import('../head-judge/review-page').then((module) => ({ default: module.ReviewPage })),
);
const ProtestsPage = lazy(() =>
  import('../head-judge/protests-page').then((module) => ({ default: module.ProtestsPage })),
);
const DoubleEntryPage = lazy(() =>
  import('../head-judge/double-entry-page').then((module) => ({
    default: module.DoubleEntryPage,
  })),
);
const InspectionPage = lazy(() =>
  import('../inspection/inspection-page').then((module) => ({ default: module.InspectionPage })),
);
const OutboxPage = lazy(() =>
  import('../outbox/outbox-page').then((module) => ({ default: module.OutboxPage })),
);
const SheetPage = lazy(() =>
  import('../paper-sheet/sheet-page').then((module) => ({ default: module.SheetPage })),
);

/** Everything behind the sign-in: the outbox of this judge, the banners and the screens. */
export function SignedInApp({ session, me, reachable, outboxStore, signOut }: SignedInAppProps) {
  const { t } = useLanguage();
  const outbox = useOutboxFor(session.api, me.judge.id, outboxStore);
  const browserOnline = useOnline();
  const online = browserOnline && reachable;
  const value = useMemo<JudgeContextValue>(
    () => ({ api: session.api, me, token: session.getToken, outbox, online }),
    [session, me, outbox, online],
  );
  const { pathname } = useLocation();
  const route = routeOf(pathname);
  return (
    <JudgeProvider value={value}>
      {signOut ? <SignOutConfirm {...signOut} /> : null}
      <SyncBanner />
      <Suspense fallback={<StatusBanner kind="loading">{t('common.loading')}</StatusBanner>}>
        {route.name === 'home' ? <AssignmentsPage me={me} /> : null}
        {route.name === 'category' ? (
          <CategoryPage key={route.categoryId} categoryId={route.categoryId} />
        ) : null}
        {route.name === 'review' ? (
          <ReviewPage key={route.categoryId} categoryId={route.categoryId} />
        ) : null}
        {route.name === 'protests' ? (
          <ProtestsPage key={route.categoryId} categoryId={route.categoryId} />
        ) : null}
        {route.name === 'double-entry' ? (
          <DoubleEntryPage key={route.categoryId} categoryId={route.categoryId} />
        ) : null}
        {route.name === 'inspection' ? (
          <InspectionPage key={route.categoryId} categoryId={route.categoryId} />
        ) : null}
        {route.name === 'outbox' ? <OutboxPage /> : null}
        {route.name === 'sheet' ? <SheetPage key={route.code ?? ''} code={route.code} /> : null}
        {route.name === 'not-found' ? (
          <StatusBanner kind="info" action={<Link href={paths.home()}>{t('common.goHome')}</Link>}>
            {t('common.pageNotFound')}
          </StatusBanner>
        ) : null}
      </Suspense>
    </JudgeProvider>
  );
}
