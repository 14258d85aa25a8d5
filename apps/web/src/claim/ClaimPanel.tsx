import { useEffect, useRef } from 'react';
import type { LiveEvent, RatingScale, Workspace, WorkspaceClaim } from '../api/types';
import { isEditor, useCurrentUser } from '../auth/session';
import { STATUS_LABEL } from '../reader/claim-colours';
import type { Remark } from '../reader/useRemark';
import { factChecks } from '../api/desk';
import { AnnotationThread } from './AnnotationThread';
import { CheckedBefore } from './CheckedBefore';
import { ClaimDetails } from './ClaimDetails';
import { CorrectionsSection } from './CorrectionsSection';
import { HistorySection } from './HistorySection';
import { PanelSection } from './PanelSection';
import { QuoteInContext } from './QuoteInContext';
import { ReanchorSection } from './ReanchorSection';
import { SourcesSection } from './SourcesSection';
import { AssignControl } from '../work/AssignControl';
import { VerdictSection } from './VerdictSection';

interface Props {
  claim: WorkspaceClaim;
  workspace: Workspace;
  scales: ReadonlyMap<string, RatingScale>;
  /** Changes to this claim by other people since the page opened. */
  changes: LiveEvent[];
  reload: () => void;
  onClose: () => void;
  /** Confirming or re-marking the claim after a text change (the reading view owns the selection). */
  remark: Remark;
}

/** Everything about the selected claim: quote, details, verdict, sources, notes and history. */
export function ClaimPanel({ claim, workspace, scales, changes, reload, onClose, remark }: Props) {
  const me = useCurrentUser();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [claim.id]);
  const annotations = claim.annotations ?? [];
  const sources = claim.sources ?? [];
  const verdicts = claim.verdicts ?? [];
  const refreshKey = `${claim.version}:${annotations.length}:${sources.length}:${verdicts.map((v) => `${v.id}${v.version}`).join()}`;
  return (
    <aside className="claim-panel" aria-labelledby="claim-panel-title" data-testid="claim-panel" data-claim-id={claim.id}>
      <header className="panel-head">
        <h2 id="claim-panel-title" ref={heading} tabIndex={-1}>
          Claim <span className={`status-badge status-${claim.status}`} data-testid="claim-status">{STATUS_LABEL[claim.status]}</span>
          {(claim.anchor === 'fuzzy' || claim.anchor === 'orphaned') && (
            <span className={`anchor-badge anchor-${claim.anchor}`} data-testid="claim-anchor">{claim.anchor === 'fuzzy' ? 'Fuzzy' : 'Orphaned'}</span>
          )}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the claim panel" aria-keyshortcuts="Escape">×</button>
      </header>
      <QuoteInContext claim={claim} />
      <ReanchorSection claim={claim} canEdit={claim.createdBy === me.id || isEditor(me)} editor={isEditor(me)} remark={remark} />
      <AssignControl claim={claim} users={workspace.users} reload={reload} />
      <ClaimDetails claim={claim} me={me} users={workspace.users} changes={changes} reload={reload} onDeleted={onClose} />
      {claim.corrections?.length > 0 && (
        <PanelSection title="Corrections" count={claim.corrections.length} testId="corrections-section">
          <CorrectionsSection corrections={claim.corrections} users={workspace.users} />
        </PanelSection>
      )}
      <PanelSection title="Verdict" testId="verdict-section">
        <VerdictSection claimId={claim.id} items={verdicts} me={me} users={workspace.users} scales={scales} reload={reload} />
      </PanelSection>
      <PanelSection title="Sources" count={sources.length} testId="sources-section">
        <SourcesSection claimId={claim.id} items={sources} snapshots={workspace.snapshots} reload={reload} />
      </PanelSection>
      <PanelSection title="Checked before?" testId="checked-before-section">
        <CheckedBefore queryKey={`${claim.id}:${claim.version}`} load={(signal) => factChecks.similarToClaim(claim.id, { signal })} claimId={claim.id} onAdded={reload} />
      </PanelSection>
      <PanelSection title="Notes" count={annotations.filter((a) => !a.deleted).length} testId="notes-section">
        <AnnotationThread claimId={claim.id} items={annotations} me={me} users={workspace.users} reload={reload} />
      </PanelSection>
      <PanelSection title="History" testId="history-section">
        <HistorySection claimId={claim.id} users={workspace.users} refreshKey={refreshKey} />
      </PanelSection>
    </aside>
  );
}
