// The layout check LayoutCheck runs in the page (through WebDriver, so the portal's CSP does not apply).
// arguments[0]: true on a touch screen (a phone), where a tooltip is no way to read cut text.
// arguments[1]: 'drawer' to check only what the app layout's (opened) drawer shows, or null for the whole page.
// Returns a list of {kind, what, detail}: kind is 'off-screen', 'cut', 'page-wider' or 'header-wraps'; the same
// problem in many rows of a grid (one column's cells, one button of each row) is reported once, counted.
//
// Precision guards, each for a false positive met or foreseeable:
//  - only elements with a layout box count: closed overlays, hidden rows of the grid's pool, columns
//    hidden at this width and display:none parts have none (checkVisibility, getClientRects);
//  - visually-hidden text for screen readers (1 px boxes) is skipped;
//  - an element hidden by an overflow:hidden ancestor vertically (a collapsed part) is skipped;
//  - the items of a closed drawer count as reachable when a drawer toggle is shown on screen;
//  - overflow clipping follows CSS: a position:fixed element escapes its ancestors' overflow, an
//    absolutely positioned one escapes them up to its containing block;
//  - vertical position never matters (the page, or a grid, can be scrolled up and down);
//  - a cell is judged where it shows text, not by its padding (which may slip under a grid's scrollbar);
//  - a native input inside a Vaadin field is judged as the field, a control's label not as cell text.
const touch = arguments[0] === true;
const layout = document.querySelector('vaadin-app-layout');
const scope = arguments[1] === 'drawer' && layout && layout.shadowRoot ? layout.shadowRoot.querySelector('[part=drawer]') : null;
const TOLERANCE = 2; // px: sub-pixel layout and focus rings
const viewportWidth = document.documentElement.clientWidth;
const problems = [];
const seen = new Map();

const ACTIONABLE = [
  'a[href]', 'button', '[role=button]', '[role=link]', 'input:not([type=hidden])', 'select', 'textarea',
  'vaadin-button', 'vaadin-side-nav-item', 'vaadin-drawer-toggle', 'vaadin-menu-bar', 'vaadin-upload',
  'vaadin-checkbox', 'vaadin-radio-button', 'vaadin-select', 'vaadin-combo-box', 'vaadin-multi-select-combo-box',
  'vaadin-text-field', 'vaadin-text-area', 'vaadin-email-field', 'vaadin-password-field', 'vaadin-number-field',
  'vaadin-integer-field', 'vaadin-date-picker', 'vaadin-date-time-picker', 'vaadin-time-picker', 'vaadin-details-summary'
].join(',');

function report(kind, what, detail, sameAs) {
  const key = kind + '|' + (sameAs || what);
  const known = seen.get(key);
  if (known) {
    known.count++;
    known.what = known.first + ' (and ' + (known.count - 1) + ' more like it)';
    return;
  }
  const problem = {kind: kind, what: what, detail: detail, first: what, count: 1};
  seen.set(key, problem);
  problems.push(problem);
}

function inScope(el) {
  if (!scope) {
    return true;
  }
  for (let a = el; a; a = flatParent(a)) {
    if (a === scope) {
      return true;
    }
  }
  return false;
}

/** The parent in the flattened tree: the slot an element is assigned to, its parent, or its shadow host. */
function flatParent(node) {
  if (node.assignedSlot) {
    return node.assignedSlot;
  }
  if (node.parentElement) {
    return node.parentElement;
  }
  const root = node.getRootNode();
  return root && root.host ? root.host : null;
}

function rendered(el) {
  if (el.getClientRects().length === 0) {
    return false;
  }
  if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true,
      opacityProperty: true, visibilityProperty: true})) {
    return false;
  }
  const r = el.getBoundingClientRect();
  return r.width > 1 && r.height > 1; // 1 px boxes are visually-hidden text for screen readers
}

function text(el) {
  return (el.innerText || el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
}

function describe(el) {
  const tag = el.tagName.toLowerCase();
  const id = el.id ? '#' + el.id : '';
  const label = text(el) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
  const grid = el.closest('vaadin-grid') || hostGrid(el);
  const cell = el.closest('vaadin-grid-cell-content');
  const column = cell ? columnHeader(cell) : '';
  return tag + id + (label ? ' "' + label.slice(0, 60) + '"' : '') + (grid ? ' in grid' + (grid.id ? ' #' + grid.id : '') : '')
      + (column ? ' column [' + column + ']' : '');
}

function hostGrid(el) {
  for (let a = flatParent(el); a; a = flatParent(a)) {
    if (a.tagName === 'VAADIN-GRID') {
      return a;
    }
  }
  return null;
}

function escapeOf(style) {
  return style.position === 'fixed' ? 'fixed' : style.position === 'absolute' ? 'absolute' : null;
}

function clipsOverflow(style) {
  return style.overflowX !== 'visible';
}

/**
 * The horizontal part of el's box (or of the given extent of its text) no ancestor clips away, with the element that clipped it (an
 * ancestor or 'the window'); hiddenVertically if an overflow:hidden ancestor shows nothing of it.
 */
function visibleSpan(el, extent) {
  const box = extent || el.getBoundingClientRect();
  let left = box.left, right = box.right, top = box.top, bottom = box.bottom;
  let clipper = null;
  // how el's own position lets it escape its ancestors' overflow: 'fixed' (up to a transformed
  // ancestor), 'absolute' (up to its containing block) or not at all (null)
  let escaping = escapeOf(getComputedStyle(el));
  for (let a = flatParent(el); a && a !== document.body && a !== document.documentElement; a = flatParent(a)) {
    if (!(a instanceof Element) || a.tagName === 'SLOT') {
      continue;
    }
    const style = getComputedStyle(a);
    const transformed = style.transform !== 'none';
    const counts = escaping === null || (escaping === 'absolute' && (style.position !== 'static' || transformed))
        || (escaping === 'fixed' && transformed);
    if (!counts) {
      continue;
    }
    escaping = escapeOf(style);
    if (a.clientWidth === 0) {
      continue; // an inline element does not clip
    }
    const r = a.getBoundingClientRect();
    if (clipsOverflow(style)) {
      const l = r.left + a.clientLeft, rr = l + a.clientWidth;
      if (l > left + TOLERANCE || rr < right - TOLERANCE) {
        clipper = a; // the outermost one that cuts is named: a grid's scroller rather than the cell inside it
      }
      left = Math.max(left, l);
      right = Math.min(right, rr);
    }
    if (style.overflowY === 'hidden' || style.overflowY === 'clip') {
      top = Math.max(top, r.top + a.clientTop);
      bottom = Math.min(bottom, r.top + a.clientTop + a.clientHeight);
    }
  }
  if (left < -TOLERANCE || right > viewportWidth + TOLERANCE) {
    clipper = 'the window';
  }
  left = Math.max(left, 0);
  right = Math.min(right, viewportWidth);
  return {box: box, left: left, right: right, clipper: clipper, hiddenVertically: bottom - top <= 0};
}

function cutAway(span) {
  return span.left > span.box.left + TOLERANCE || span.right < span.box.right - TOLERANCE;
}

function clipperName(clipper) {
  if (clipper === 'the window' || clipper === null) {
    return 'the window';
  }
  if (clipper.id === 'table' && clipper.getRootNode().host && clipper.getRootNode().host.tagName === 'VAADIN-GRID') {
    return "the grid's sideways scroll";
  }
  if (clipper.tagName === 'TD' || clipper.tagName === 'TH' || clipper.tagName === 'VAADIN-GRID-CELL-CONTENT') {
    return 'its grid cell';
  }
  return clipper.tagName.toLowerCase() + (clipper.id ? '#' + clipper.id : '')
      + (clipper.classList.length ? '.' + Array.from(clipper.classList).join('.') : '')
      + (clipper.getAttribute('part') ? '[part=' + clipper.getAttribute('part') + ']' : '')
      + (clipper.getRootNode().host ? ' in ' + clipper.getRootNode().host.tagName.toLowerCase() : '');
}

function where(span) {
  return 'box ' + Math.round(span.box.left) + '..' + Math.round(span.box.right) + ' px, visible '
      + Math.round(span.left) + '..' + Math.round(span.right) + ' px of a ' + viewportWidth + ' px window, clipped by ' + clipperName(span.clipper);
}

/** Inside a drawer that is closed: reachable when the layout shows a drawer toggle on screen. */
function inClosedDrawer(el) {
  const drawerPart = el.closest('[slot=drawer]');
  const layout = drawerPart && drawerPart.parentElement;
  if (!layout || layout.tagName !== 'VAADIN-APP-LAYOUT' || layout.hasAttribute('drawer-opened')) {
    return false;
  }
  const toggle = Array.from(layout.querySelectorAll('vaadin-drawer-toggle')).find(t => rendered(t) && !cutAway(visibleSpan(t)));
  if (!toggle) {
    report('off-screen', 'the drawer\'s navigation', 'the drawer is closed and no drawer toggle is shown on screen to open it');
  }
  return true;
}

function cellOf(content) {
  const slot = content.assignedSlot;
  return slot ? slot.parentElement : null;
}

function columnHeader(content) {
  try {
    const column = cellOf(content)._column;
    const header = column && column._headerCell && column._headerCell._content;
    return header ? text(header) : '';
  } catch (e) {
    return '';
  }
}

/** A tooltip shown on hover: a title, a Vaadin tooltip on the element or above it in the cell, or the grid's tooltip for the cell. */
function hasTooltip(el, content) {
  for (let a = el; a; a = a === content ? null : a.parentElement) {
    if ((a.getAttribute('title') || '').trim()) {
      return true;
    }
    if (Array.from(a.children).some(c => c.tagName === 'VAADIN-TOOLTIP' && c.getAttribute('slot') === 'tooltip'
        && ((c.text || '').trim() || c.generator))) {
      return true;
    }
  }
  const grid = content.parentElement;
  const tooltip = grid && Array.from(grid.children).find(c => c.tagName === 'VAADIN-TOOLTIP' && c.getAttribute('slot') === 'tooltip');
  const cell = cellOf(content);
  if (tooltip && cell && cell.parentElement) {
    try {
      const row = cell.parentElement;
      if (tooltip.generator) {
        const shown = tooltip.generator({item: row._item, column: cell._column, index: row.index, level: 0,
          expanded: false, selected: false, detailsOpened: false, hasChildren: false});
        if (shown && String(shown).trim()) {
          return true;
        }
      } else if ((tooltip.text || '').trim()) {
        return true;
      }
    } catch (e) {
      return false;
    }
  }
  return false;
}

// 1. the page itself must not scroll sideways, nor the app layout's content area (the page's scroller
//    when signed in), and the layout's header must keep to one row
const pageWidth = Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0);
if (!scope && pageWidth > viewportWidth + TOLERANCE) {
  report('page-wider', 'the page', 'the page is ' + pageWidth + ' px wide in a ' + viewportWidth + ' px window: it scrolls sideways');
}
const defaultSlot = layout && layout.shadowRoot && layout.shadowRoot.querySelector('slot:not([name])');
const contentArea = defaultSlot && defaultSlot.parentElement;
if (!scope && contentArea && contentArea.scrollWidth > contentArea.clientWidth + TOLERANCE) {
  report('page-wider', 'the content area', 'the content is ' + contentArea.scrollWidth + ' px wide in a '
      + contentArea.clientWidth + ' px area: it scrolls sideways');
}
const navbar = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~=navbar]');
const toggle = layout && layout.querySelector('vaadin-drawer-toggle');
if (!scope && navbar && rendered(navbar) && toggle && rendered(toggle)) {
  // one row is the drawer toggle's height and the bar's padding; half a toggle more means a second row
  const style = getComputedStyle(navbar);
  const oneRow = toggle.getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  const height = navbar.getBoundingClientRect().height;
  if (height > oneRow + toggle.getBoundingClientRect().height / 2) {
    report('header-wraps', 'the header', 'the header is ' + Math.round(height) + ' px tall, one row is '
        + Math.round(oneRow) + ' px: its content wraps');
  }
}

// 2. every button, link, field and navigation item can be reached without a sideways scroll
for (const el of document.querySelectorAll(ACTIONABLE)) {
  if (el.parentElement && el.parentElement.closest(ACTIONABLE) && el.parentElement.closest(ACTIONABLE).tagName !== 'VAADIN-UPLOAD') {
    continue; // the outer control speaks for its parts (a native input inside a Vaadin field)
  }
  if (!inScope(el) || inClosedDrawer(el) || !rendered(el)) {
    continue;
  }
  const span = visibleSpan(el);
  if (span.hiddenVertically) {
    continue;
  }
  if (cutAway(span)) {
    // one finding per control of a grid's column: each row's "Approve" button, each row's role select
    const grid = hostGrid(el);
    const cell = el.closest('vaadin-grid-cell-content');
    const field = !/^(A|BUTTON|VAADIN-BUTTON)$/.test(el.tagName);
    report('off-screen', describe(el), where(span), grid ? 'grid ' + grid.id + ' ' + (cell ? columnHeader(cell) : '') + ' '
        + el.tagName + ' ' + (field ? '' : text(el)) : null);
  }
}

// 3. every grid cell's text is on screen and whole (at laptop width, a tooltip may hold what is cut)
for (const content of document.querySelectorAll('vaadin-grid-cell-content')) {
  if (!inScope(content) || !rendered(content) || !text(content)) {
    continue;
  }
  // where the cell shows text: its box, less padding the text does not reach (a column whose padding slips
  // under the grid's scrollbar is still read); text cut by the cell's own overflow is judged further down
  const range = document.createRange();
  range.selectNodeContents(content);
  const textBox = range.getBoundingClientRect();
  const box = content.getBoundingClientRect();
  const shown = textBox.width > 0 ? {left: Math.max(box.left, textBox.left), right: Math.min(box.right, textBox.right),
    top: box.top, bottom: box.bottom} : box;
  const span = visibleSpan(content, shown.right > shown.left ? shown : box);
  if (span.hiddenVertically) {
    continue;
  }
  const header = columnHeader(content);
  const gridId = content.parentElement && content.parentElement.id ? content.parentElement.id : '';
  const label = 'cell ' + (header ? '[' + header + '] ' : '') + '"' + text(content).slice(0, 60) + '"' + (gridId ? ' in grid #' + gridId : '');
  const column = 'grid ' + gridId + ' column ' + (header || label);
  if (cutAway(span) && !content.querySelector(ACTIONABLE)) {
    const byCell = span.clipper && span.clipper.tagName === 'TD';
    if (!byCell) {
      report('off-screen', label, where(span), column);
    } else if (touch || !hasTooltip(content, content)) {
      report('cut', label, where(span) + (touch ? ' (a phone has no tooltips)' : ', no tooltip'), column);
    }
    continue;
  }
  for (const el of [content, ...content.querySelectorAll('*')]) {
    if (el !== content && (!rendered(el) || !text(el))) {
      continue;
    }
    if (el.querySelector(ACTIONABLE) || el.closest(ACTIONABLE)) {
      continue; // a control sticking out is reported as off screen; a control's own label is not cell text
    }
    const style = getComputedStyle(el);
    const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
    if (clips && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      if (!touch && hasTooltip(el, content)) {
        continue;
      }
      report('cut', label, '"' + text(el).slice(0, 80) + '" needs ' + el.scrollWidth + ' px, shows ' + el.clientWidth + ' px'
          + (touch ? ' (a phone has no tooltips)' : ', no tooltip'), column);
      break;
    }
  }
}
return problems.map(p => ({kind: p.kind, what: p.what, detail: p.detail}));
