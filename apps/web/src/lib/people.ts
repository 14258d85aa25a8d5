import { useEffect, useState } from 'react';
import { people as api } from '../api/desk';
import type { Person } from '../api/types';

let directory: Promise<Person[]> | null = null;

/** The desk's active people (for mentions), read once per page load; empty until they arrive. */
export function usePeople(): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    let live = true;
    directory ??= api.list().then((page) => page.items, () => {
      directory = null; // read again next time
      return [];
    });
    void directory.then((found) => live && setPeople(found));
    return () => {
      live = false;
    };
  }, []);
  return people;
}
