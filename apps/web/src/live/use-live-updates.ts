import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TEventItem } from '@bunkai/domain';
import { isOwnEcho } from '../api/cells/own-changes.ts';
import { ROOT } from '../api/keys.ts';
import { sessionStore } from '../api/session.ts';
import { useToast } from '../components/toast.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { STREAM_OPEN, publishSignal } from './signals.ts';
import { runEventStream } from './sse.ts';
import type { TParty } from '@bunkai/domain';

const WHAT: Record<string, MessageKey> = {
  cell: 'event.cell',
  proposal: 'event.proposal',
  comment: 'event.comment',
  party: 'event.party',
  signatory: 'event.party',
  asset: 'event.asset',
  duty: 'event.duty',
  revision: 'event.revision',
  signature: 'event.signature',
  engagement: 'event.engagement',
  invitation: 'event.invitation',
};

export const eventWhat = (type: string): MessageKey => (type === 'cell.reviewed' ? 'event.review' : (WHAT[type.split('.')[0] ?? ''] ?? 'event.other'));

/**
 * Live changes by others: each event invalidates the engagement's queries
 * (batched, so a bulk proposal refetches once) and, when someone else made
 * it, shows a subtle toast naming the party and what changed.
 */
export const useLiveUpdates = (engagementId: string, parties: readonly TParty[]): 'connecting' | 'open' | 'closed' => {
  const qc = useQueryClient();
  const toast = useToast();
  const { t } = useI18n();
  const [state, setState] = useState<'connecting' | 'open' | 'closed'>('connecting');
  const latest = useRef({ t, toast, parties });
  latest.current = { t, toast, parties };

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const cells = new Set<string>();
    const pending: TEventItem[] = [];
    const flush = () => {
      timer = null;
      const me = sessionStore.get()?.user.id;
      // Our own change came back: the cache already holds it (applyCell), so only others' events reload anything.
      const fresh = pending.filter((e) => !isOwnEcho(e, me));
      if (fresh.length === 0) {
        pending.length = 0;
        cells.clear();
        return;
      }
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
      void qc.invalidateQueries({ queryKey: ROOT.engagements, predicate: (q) => q.queryKey[1] === 'list' || q.queryKey[1] === 'inbox' });
      for (const id of cells) void qc.invalidateQueries({ queryKey: [...ROOT.cells, id] });
      cells.clear();
      const others = fresh.filter((e) => e.actorUserId !== me);
      pending.length = 0;
      const last = others.at(-1);
      if (!last) return;
      const { t: tr, toast: tt, parties } = latest.current;
      const party = parties.find((p) => p.id === last.actorPartyId)?.displayName ?? tr('live.someone');
      // one change often writes several events (proposal + cell agreed): name each kind once
      const what = [...new Set(others.map((e) => tr(eventWhat(e.type))))].join('・');
      tt.push(tr('live.updated', { party, what }));
    };
    void runEventStream(engagementId, ctrl.signal, {
      onState: (s) => {
        setState(s);
        // Signals sent while the stream was down are gone: screens that show one re-read its state.
        if (s === 'open') publishSignal(engagementId, STREAM_OPEN, null);
      },
      onSignal: (event, data) => publishSignal(engagementId, event, data),
      onEvent: (e) => {
        if (e.subjectId) cells.add(e.subjectId);
        const cellId = (e.payload as { cellId?: unknown }).cellId;
        if (typeof cellId === 'string') cells.add(cellId);
        pending.push(e);
        timer ??= setTimeout(flush, 250);
      },
    });
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [engagementId, qc]);
  return state;
};
