export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

interface Props {
  who: string;
  fields: ConflictField[];
  onKeepMine: () => void;
  onUseTheirs: () => void;
}

/** Someone saved first: both versions side by side, and the user decides which one stands. */
export function ConflictChoice({ who, fields, onKeepMine, onUseTheirs }: Props) {
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <p><strong>{who} changed this while you were editing.</strong> Choose which version to keep.</p>
      <table className="conflict-table">
        <thead>
          <tr><th scope="col">Field</th><th scope="col">Your version</th><th scope="col">Their version (saved)</th></tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.label} className={f.mine === f.theirs ? '' : 'differs'}>
              <th scope="row">{f.label}</th>
              <td data-testid="conflict-mine">{f.mine || <span className="muted">(empty)</span>}</td>
              <td data-testid="conflict-theirs">{f.theirs || <span className="muted">(empty)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onKeepMine}>Keep mine</button>
        <button type="button" className="button" onClick={onUseTheirs}>Use theirs</button>
      </div>
    </div>
  );
}
