import { useCallback, useEffect, useRef, type KeyboardEvent, type PointerEvent, type RefObject, type WheelEvent } from 'react';

/** How close to the end counts as "at the bottom": fractional pixels and rounding must not stop following. */
const BOTTOM_TOLERANCE = 4;

const atBottom = (element: HTMLElement) => element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_TOLERANCE;

/**
 * Following a log: stick to the bottom while the person is there, stop as soon as they move up (wheel, keys,
 * scrollbar), and start again once they are back at the end. The scroll position decides, not the input device.
 * Our own scroll to the bottom always lands at the end, and content growing below leaves scrollTop where it was, so
 * only a move upwards from where we last put the view can turn following off.
 */
export function useFollowScroll(scrollRef: RefObject<HTMLElement | null>, stick: boolean, setStick: (value: boolean) => void) {
  /** Where the view was last seen (after our own scroll or a scroll event). */
  const lastTop = useRef(0);

  /** Call after each update: scrolls to the end while following, unless the person has just moved up. */
  const follow = useCallback(
    (totalSize: number) => {
      const element = scrollRef.current;
      if (!stick || !element) return;
      // A keyboard or scrollbar move whose scroll event has not arrived yet: writing now would undo it.
      if (element.scrollTop < lastTop.current - BOTTOM_TOLERANCE && !atBottom(element)) {
        setStick(false);
        return;
      }
      element.scrollTop = totalSize;
      lastTop.current = element.scrollTop;
    },
    [scrollRef, stick, setStick],
  );

  // The view shrinking while following (a banner opening above it, a smaller window) moves no scroll position and
  // draws nothing new, yet leaves the newest lines under its edge: pin it to the end again.
  useEffect(() => {
    const element = scrollRef.current;
    if (!stick || !element) return;
    const observer = new ResizeObserver(() => {
      element.scrollTop = element.scrollHeight;
      lastTop.current = element.scrollTop;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef, stick]);

  /** The view starts over (new stream, cleared): nothing was scrolled yet. */
  const reset = useCallback(() => {
    lastTop.current = 0;
  }, []);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    if (atBottom(element)) setStick(true);
    else if (element.scrollTop < lastTop.current - BOTTOM_TOLERANCE) setStick(false);
    lastTop.current = element.scrollTop;
  }, [scrollRef, setStick]);

  // Intent is also taken at the input, before the browser scrolls: a smooth PageUp must not be undone halfway.
  const onWheel = useCallback((event: WheelEvent) => {
    if (event.deltaY < 0) setStick(false);
  }, [setStick]);
  const onKeyDown = useCallback((event: KeyboardEvent) => {
    if (event.key === 'PageUp' || event.key === 'Home' || event.key === 'ArrowUp') setStick(false);
    // A smooth scroll to the end stops where the end was when it began: a growing log would outrun it.
    else if (event.key === 'End') setStick(true);
  }, [setStick]);
  const onPointerDown = useCallback((event: PointerEvent) => {
    // A press on the scrollbar itself (outside the content box) is the start of a drag.
    const element = event.currentTarget as HTMLElement;
    const box = element.getBoundingClientRect();
    if (event.clientX - box.left > element.clientWidth || event.clientY - box.top > element.clientHeight) setStick(false);
  }, [setStick]);

  return { follow, reset, handlers: { onScroll, onWheel, onPointerDown }, onKeyDown };
}
