/* global window -- the init script runs in the page before React loads */
// Counts React commits and what each commit rendered, in a production build: react-dom reports
// every commit to a DevTools hook when one exists before it loads (no Profiler build needed).
// A fiber counts as rendered when it is not the very object the previous commit left there (a
// bailed-out subtree keeps its old fibers) and it did work (a component: the PerformedWork flag)
// or got new props (an element: its parent rendered it again). The train.progress events that
// reach the page are counted too, so figures from a busy machine (fewer events) compare.

/** Installs the counting hook; call before page.goto. */
export function installCommitCounter(page) {
  return page.addInitScript(() => {
    const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
    const PERFORMED_WORK = 1;
    let seen = new WeakSet();
    const counter = { commits: 0, renders: 0, elements: 0, events: 0, counting: false, byName: {} };
    const NativeSocket = window.WebSocket;
    const decoder = new TextDecoder();
    window.WebSocket = class extends NativeSocket {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (event) => {
          if (!counter.counting || !(event.data instanceof ArrayBuffer)) return;
          // The frame's JSON header names the event (src/shared/contract/codec.ts).
          const head = decoder.decode(
            new Uint8Array(event.data, 0, Math.min(160, event.data.byteLength)),
          );
          if (head.includes('"train.progress"')) counter.events += 1;
        });
      }
    };
    const nameOf = (fiber) => {
      const type = fiber.elementType ?? fiber.type;
      return type?.displayName ?? type?.name ?? type?.type?.name ?? type?.render?.name ?? '?';
    };
    const walk = (fiber, next) => {
      for (let f = fiber; f; f = f.sibling) {
        next.add(f);
        if (counter.counting && !seen.has(f)) {
          const fresh = f.alternate === null;
          if (COMPONENT_TAGS.has(f.tag) && (fresh || (f.flags & PERFORMED_WORK) !== 0)) {
            counter.renders += 1;
            const name = nameOf(f);
            counter.byName[name] = (counter.byName[name] ?? 0) + 1;
          }
          if (f.tag === 5 && (fresh || f.memoizedProps !== f.alternate.memoizedProps))
            counter.elements += 1;
        }
        if (f.child) walk(f.child, next);
      }
    };
    window.__studioCommits = counter;
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject(renderer) {
        this.renderers.set(1, renderer);
        return 1;
      },
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot(_id, root) {
        if (counter.counting) counter.commits += 1;
        const next = new WeakSet();
        walk(root.current, next);
        seen = next;
      },
    };
  });
}

/** Starts counting from zero; returns the start time for stopCounting. */
export async function startCounting(page) {
  await page.evaluate(() => {
    const c = window.__studioCommits;
    Object.assign(c, {
      commits: 0,
      renders: 0,
      elements: 0,
      events: 0,
      byName: {},
      counting: true,
    });
  });
  return Date.now();
}

/** Stops counting; returns per-second and per-progress-event figures since `started`. */
export async function stopCounting(page, started) {
  const c = await page.evaluate(() => {
    const counter = window.__studioCommits;
    counter.counting = false;
    const { commits, renders, elements, events, byName } = counter;
    return { commits, renders, elements, events, byName };
  });
  const ms = Math.max(1, Date.now() - started);
  const top = Object.entries(c.byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  const perEvent = (n) => (c.events > 0 ? n / c.events : NaN);
  return {
    seconds: ms / 1000,
    commitsPerSecond: (c.commits * 1000) / ms,
    rendersPerSecond: (c.renders * 1000) / ms,
    elementsPerSecond: (c.elements * 1000) / ms,
    progressPerSecond: (c.events * 1000) / ms,
    commitsPerEvent: perEvent(c.commits),
    rendersPerEvent: perEvent(c.renders),
    elementsPerEvent: perEvent(c.elements),
    top,
  };
}

/** Counts commits and rendered components for `ms` milliseconds. */
export async function measureCommits(page, ms) {
  const started = await startCounting(page);
  await page.waitForTimeout(ms);
  return stopCounting(page, started);
}

/** One line for a bench report. */
export const describeCommits = (label, f) =>
  `${label}: ${f.commitsPerSecond.toFixed(1)} commits/s at ${f.progressPerSecond.toFixed(1)} ` +
  `progress events/s; per event ${f.commitsPerEvent.toFixed(2)} commits, ` +
  `${f.rendersPerEvent.toFixed(2)} components and ${f.elementsPerEvent.toFixed(1)} elements ` +
  `rendered (in ${f.seconds.toFixed(0)} s: ${f.top})`;
