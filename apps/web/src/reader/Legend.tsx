import { ColourMode, STATUS_LEGEND, VERDICT_LEGEND } from './claim-colours';

/** What the highlight colours mean, and the switch between colouring by status and by verdict. */
export function Legend({ mode, onModeChange }: { mode: ColourMode; onModeChange: (mode: ColourMode) => void }) {
  const entries = mode === 'status' ? STATUS_LEGEND : VERDICT_LEGEND;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <div className="legend-head">
        <h2 id="legend-title" className="small-heading">Colours</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Colour claims by</legend>
          {(['status', 'verdict'] as const).map((m) => (
            <label key={m} className={mode === m ? 'active' : ''}>
              <input type="radio" name="colour-mode" value={m} checked={mode === m} onChange={() => onModeChange(m)} />
              {m === 'status' ? 'By status' : 'By verdict'}
            </label>
          ))}
        </fieldset>
      </div>
      <ul className="legend-list">
        {entries.map((e) => (
          <li key={e.key}><span className="swatch" style={{ background: `var(--hl-${e.key})` }} aria-hidden="true" />{e.label}</li>
        ))}
        <li><span className="swatch swatch-dashed" aria-hidden="true" />Fuzzy: re-check the span</li>
      </ul>
    </section>
  );
}
