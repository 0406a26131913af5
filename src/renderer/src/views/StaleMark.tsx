import type { ReactNode } from 'react';
import { startTraining } from '../actions/train';
import { startBlockedReason } from '../panels/startBlocked';
import { describeCodeChange, describeStale, type DesignMatch } from '../stores/designMatch';
import { graphStore, useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import './stale.css';
import { useDesignMatch } from './useDesignMatch';

export type StaleMatch = Extract<DesignMatch, { kind: 'stale' }>;

interface Words {
  /** What comes from the earlier design: "These results" unless told. */
  what?: string;
  /** What this view does with the earlier results, in words (Generate decodes with them). */
  detail?: (match: StaleMatch) => ReactNode;
}

interface Props extends Words {
  /** The run whose results are shown; the current run unless told (the export's weights). */
  runId?: string | null;
  /** After either button acted (a dialog closes). */
  onAction?: () => void;
}

/**
 * The mark on results of an earlier design, wired to the app's stores: renders nothing while the
 * results belong to the design on the canvas.
 */
export function StaleMark({ runId, what, detail, onAction }: Props) {
  const { match, label, design } = useDesignMatch(runId);
  const active = useRun((s) => isActive(s.phase));
  const source = useRun((s) => s.data.source);
  const file = useRun((s) => s.data.file);
  const diagnostics = useGraph((s) => s.analysis.diagnostics);
  const nodeCount = useGraph((s) => s.doc.nodes.length);
  if (match.kind !== 'stale') return null;
  const blocked = active ? null : startBlockedReason(diagnostics, { source, file }, nodeCount);
  return (
    <StaleNotice
      match={match}
      label={label}
      what={what}
      detail={detail}
      train={active ? 'hidden' : (blocked?.text ?? null)}
      onTrain={() => {
        onAction?.();
        void startTraining();
      }}
      onRestore={
        design
          ? () => {
              // One undo step: Undo brings the person's changed design straight back.
              graphStore.getState().apply(design);
              onAction?.();
            }
          : null
      }
    />
  );
}

interface NoticeProps extends Words {
  match: StaleMatch;
  /** "run 3". */
  label: string;
  /** Why Train again cannot start now; null when it can; 'hidden' while a run goes on. */
  train: string | null | 'hidden';
  onTrain(): void;
  /** Puts the run's design back; null when it is not known. */
  onRestore: (() => void) | null;
}

/**
 * Which run and design the results come from, that the design has changed since, and the two ways
 * out: train the design as it is, or go back to the one the results came from.
 */
export function StaleNotice({
  match,
  label,
  what,
  detail,
  train,
  onTrain,
  onRestore,
}: NoticeProps) {
  return (
    <div
      className="stale-mark"
      role="status"
      data-testid="stale-mark"
      data-run={match.runId}
      data-weights-fit={String(match.weightsFit)}
    >
      <span className="stale-badge">Earlier design</span>
      <p className="stale-words">
        {describeStale(match, label, what)} {describeCodeChange(match)} {detail?.(match)}
      </p>
      <div className="stale-actions">
        {train !== 'hidden' && (
          <button
            className="button primary"
            data-testid="stale-train-again"
            disabled={train !== null}
            title={train ?? 'Train the design as it is now; its results replace these.'}
            onClick={onTrain}
          >
            Train again
          </button>
        )}
        {onRestore && (
          <button
            className="button"
            data-testid="stale-restore"
            title="Put the design these results came from back on the canvas (Undo returns to yours)."
            onClick={onRestore}
          >
            Go back to that design
          </button>
        )}
      </div>
    </div>
  );
}
