import { useEffect, useState } from 'react';

/** useNow re-renders every interval ms so relative times ("5 min. ago") stay true. */
export function useNow(interval = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(id);
  }, [interval]);
  return now;
}
