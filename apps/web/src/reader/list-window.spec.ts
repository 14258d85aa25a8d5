import { FIRST_WINDOW, grown, LIST_STEP, listWindow, NEAR } from './list-window';

describe(listWindow.name, () => {
  it('draws the first claims and keeps the window while the selection is among them', () => {
    expect(listWindow(FIRST_WINDOW, 5000, -1)).toBe(FIRST_WINDOW);
    expect(listWindow(FIRST_WINDOW, 5000, 10)).toBe(FIRST_WINDOW);
  });

  it('adds the few claims around a selected claim far down, not every claim before it', () => {
    const window = listWindow(FIRST_WINDOW, 5000, 2500);
    expect(window).toEqual({ head: LIST_STEP, around: { from: 2500 - NEAR, to: 2500 + NEAR + 1 } });
    // The next claim (j) is already drawn: nothing changes.
    expect(listWindow(window, 5000, 2501)).toBe(window);
    expect(listWindow(window, 5000, 4999)).toEqual({ head: LIST_STEP, around: { from: 4999 - NEAR, to: 5000 } });
  });

  it('joins the claims around the selection to the head when they meet', () => {
    expect(listWindow(FIRST_WINDOW, 5000, LIST_STEP + 3)).toEqual({ head: LIST_STEP + 3 + NEAR + 1, around: null });
    expect(grown({ head: 200, around: { from: 300, to: 321 } }, 200)).toEqual({ head: 400, around: null });
  });

  it('forgets claims around a selection that a filter took away', () => {
    expect(listWindow({ head: 200, around: { from: 2490, to: 2511 } }, 300, -1)).toEqual({ head: 200, around: null });
  });
});
