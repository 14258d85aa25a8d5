import { ReactNode, useId } from 'react';

/** One titled section of the claim panel. */
export function PanelSection({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="panel-section" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="panel-heading">{title}{count !== undefined && <span className="muted"> {count}</span>}</h3>
      {children}
    </section>
  );
}
