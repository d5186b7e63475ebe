import { useEffect, type RefObject } from 'react';

// On phones (styles.css, below 40rem) every table in a .table-wrap is shown as a list of cards, one
// per row, each cell preceded by its column's heading, instead of scrolling sideways. The heading
// comes from a data-label on the cell, which this hook writes from the table's own <thead>, so the
// pages that draw tables need no change. The table keeps its semantics (headers, scope) for
// assistive technology; the labels are presentation only.

function labelTable(table: HTMLTableElement): void {
  const headRow = table.tHead?.rows[0];
  if (!headRow) return;
  const labels: string[] = [];
  for (const cell of Array.from(headRow.cells)) {
    const text = (cell.textContent ?? '').trim();
    for (let i = 0; i < Math.max(1, cell.colSpan); i++) labels.push(text);
  }
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const label = labels[column] ?? '';
        if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
        column += Math.max(1, cell.colSpan);
      }
    }
  }
}

/**
 * A table wider than its wrapper (wide screens: the wrapper scrolls sideways) is reachable from the
 * keyboard: the wrapper takes focus, so arrow keys scroll it. One that fits takes no tab stop.
 */
function focusableWhenScrolling(wrap: HTMLElement): void {
  const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
  if (scrolls && wrap.getAttribute('tabindex') !== '0') wrap.setAttribute('tabindex', '0');
  if (!scrolls && wrap.hasAttribute('tabindex')) wrap.removeAttribute('tabindex');
}

function labelAll(root: HTMLElement): void {
  root.querySelectorAll<HTMLTableElement>('.table-wrap table').forEach(labelTable);
  root.querySelectorAll<HTMLElement>('.table-wrap').forEach(focusableWhenScrolling);
}

/** Keeps the data-label of every table cell under `root` in step with its column heading. */
export function useTableCardLabels(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element || typeof MutationObserver === 'undefined') return;
    labelAll(element);
    let scheduled = false;
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        labelAll(element);
      });
    });
    // Our own attribute writes are not observed (attributes: false), so this cannot loop.
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    const onResize = () => labelAll(element);
    window.addEventListener('resize', onResize);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', onResize);
    };
  }, [root]);
}
