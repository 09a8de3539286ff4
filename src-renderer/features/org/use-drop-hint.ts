import { useCallback, useEffect, useRef, useState } from 'react';

export interface DropHint {
  ok: boolean;
  text: string;
}

/**
 * Why a drop is refused (or where it will land), shown under the tree while dragging. Set on every
 * pointer move, so it only re-renders when the words change.
 */
export function useDropHint(): { dropHint: DropHint | null; showHint: (hint: DropHint | null) => void } {
  const [dropHint, setDropHint] = useState<DropHint | null>(null);
  const hintRef = useRef<string | null>(null);
  const showHint = useCallback((hint: DropHint | null) => {
    const key = hint ? `${hint.ok}:${hint.text}` : null;
    if (key === hintRef.current) return;
    hintRef.current = key;
    setDropHint(hint);
  }, []);

  // A drag ended anywhere (dropped outside, Esc): clear the hint. A refusal stays a few seconds, so a
  // clerk who let go over a forbidden place still reads why nothing moved.
  useEffect(() => {
    let timer: number | undefined;
    const clear = () => {
      window.clearTimeout(timer);
      if (hintRef.current?.startsWith('false:')) timer = window.setTimeout(() => showHint(null), 4000);
      else showHint(null);
    };
    window.addEventListener('dragend', clear);
    window.addEventListener('drop', clear);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('dragend', clear);
      window.removeEventListener('drop', clear);
    };
  }, [showHint]);
  return { dropHint, showHint };
}
