import type { MouseEvent } from 'react';

/**
 * "Thêm …" buttons that add a row or a field: after adding, the keyboard focus goes to the first
 * field of what was added (not left on the button), so the user can type at once.
 */

const FIELDS =
  'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), [contenteditable="true"]';

/**
 * Runs `add` (e.g. a Form.List `ops.add`) and then focuses the first form field that was not in
 * the button's form before: the new row renders after the click, so it is looked for over a few
 * animation frames.
 */
export function addAndFocus(event: MouseEvent<HTMLElement>, add: () => void): void {
  const scope: ParentNode = event.currentTarget.closest('form') ?? document.body;
  const before = new Set(scope.querySelectorAll(FIELDS));
  add();
  let frames = 0;
  const look = () => {
    const fresh = [...scope.querySelectorAll<HTMLElement>(FIELDS)].find((el) => !before.has(el));
    if (fresh) {
      fresh.focus();
      fresh.scrollIntoView({ block: 'nearest' });
    } else if (++frames < 10) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
