import { DragEvent, useRef, useState } from 'react';

/** A drop zone that is also an ordinary file picker, for keyboard and touch users. */
export function FileDrop({ accept, onFile }: { accept: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent): void => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>Drop a .txt, .md or .html file here, or</p>
      <label className="button" htmlFor="article-file">Choose a file…</label>
      <input
        id="article-file"
        ref={input}
        className="visually-hidden-file"
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
